import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';

/** Field types that hold no value a rule can write (the server assigns them). */
const READ_ONLY_TYPES = new Set(['autonumber']);

/** Top-level fields of form `key` among the app's drafts (empty when unknown). */
export function fieldsOf(forms: Readonly<Record<string, FormDefinition>>, key: string | undefined): FieldDefinition[] {
  return (key && forms[key]?.fields) || [];
}

/** Fields a write action may set. */
export function writableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => !READ_ONLY_TYPES.has(f.type));
}

/**
 * The fields `item` has inside a `forEach` over `record.<subtable>` (the sub-table's columns),
 * or undefined when the loop is over something else.
 */
export function itemFieldsOf(fields: readonly FieldDefinition[], forEach: string | undefined): FieldDefinition[] | undefined {
  const m = /^\s*record\.([a-z][a-z0-9_]*)\s*$/.exec(forEach ?? '');
  const f = m ? fields.find((x) => x.key === m[1]) : undefined;
  return f?.type === 'subtable' ? f.fields : undefined;
}
