/**
 * What a row policy needs to know about a field: the kind of value it holds. System keys
 * (`id`, `createdBy`, …) included.
 * @internal
 */
import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';

export type FieldKind =
  | { kind: 'number'; money: boolean }
  | { kind: 'text'; options?: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'date'; datetime: boolean }
  /** One record id of `form` (a single relation, or `id` of the form itself). */
  | { kind: 'record'; form: string }
  /** A platform user id (user fields, createdBy, updatedBy). */
  | { kind: 'user' }
  /** Several values: multi-select options or ids of a multi relation. */
  | { kind: 'many'; element: { kind: 'text'; options?: readonly string[] } | { kind: 'record'; form: string } }
  /** A value policies cannot use (sub-tables) or whose type is unknown (formula without a result type). */
  | { kind: 'unsupported'; type: string }
  | { kind: 'any' };

/** Keys every record has besides its fields. */
export const POLICY_SYSTEM_KEYS = ['id', 'createdBy', 'updatedBy', 'createdAt', 'updatedAt'] as const;

function systemKind(key: string, formKey: string): FieldKind | undefined {
  switch (key) {
    case 'id':
      return { kind: 'record', form: formKey };
    case 'createdBy':
    case 'updatedBy':
      return { kind: 'user' };
    case 'createdAt':
    case 'updatedAt':
      return { kind: 'date', datetime: true };
    default:
      return undefined;
  }
}

function kindOf(f: FieldDefinition): FieldKind {
  switch (f.type) {
    case 'number':
      return { kind: 'number', money: false };
    case 'money':
      return { kind: 'number', money: true };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
    case 'datetime':
      return { kind: 'date', datetime: f.type === 'datetime' };
    case 'select':
      return { kind: 'text', options: Array.isArray(f.options) ? f.options.map((o) => o.value) : undefined };
    case 'multiselect':
      return { kind: 'many', element: { kind: 'text', options: Array.isArray(f.options) ? f.options.map((o) => o.value) : undefined } };
    case 'relation':
      return f.many === true ? { kind: 'many', element: { kind: 'record', form: f.target } } : { kind: 'record', form: f.target };
    case 'user':
      return { kind: 'user' };
    case 'subtable':
      return { kind: 'unsupported', type: 'subtable' };
    case 'formula':
      switch (f.resultType) {
        case 'number':
        case 'money':
          return { kind: 'number', money: f.resultType === 'money' };
        case 'text':
          return { kind: 'text' };
        case 'boolean':
          return { kind: 'boolean' };
        case 'date':
        case 'datetime':
          return { kind: 'date', datetime: f.resultType === 'datetime' };
        default:
          return { kind: 'any' };
      }
    default:
      // text, textarea, phone, email, region, linkparam, autonumber
      return { kind: 'text' };
  }
}

/** The field definitions of a form by key (tolerates drafts without a field list). */
export function formFields(form: FormDefinition | undefined): Map<string, FieldDefinition> {
  const out = new Map<string, FieldDefinition>();
  if (!form || !Array.isArray(form.fields)) return out;
  for (const f of form.fields) if (f && typeof f === 'object' && typeof f.key === 'string' && typeof f.type === 'string') out.set(f.key, f);
  return out;
}

/** The kind of `key` in `formKey` (a field or a system key), or undefined when there is no such field. */
export function fieldKind(key: string, formKey: string, forms: Readonly<Record<string, FormDefinition>>): FieldKind | undefined {
  const sys = systemKind(key, formKey);
  if (sys) return sys;
  const f = formFields(Object.hasOwn(forms, formKey) ? forms[formKey] : undefined).get(key);
  return f ? kindOf(f) : undefined;
}

/** Every key a policy on `formKey` may name: the form's fields, then the system keys. */
export function fieldCandidates(formKey: string, forms: Readonly<Record<string, FormDefinition>>): string[] {
  return [...formFields(Object.hasOwn(forms, formKey) ? forms[formKey] : undefined).keys(), ...POLICY_SYSTEM_KEYS];
}

/** How a kind is described in messages ("a money field", "a relation to customers"). */
export function describeKind(k: FieldKind): string {
  switch (k.kind) {
    case 'number':
      return k.money ? 'a money field (integer fen)' : 'a number field';
    case 'text':
      return k.options ? 'a select field' : 'a text field';
    case 'boolean':
      return 'a yes/no field';
    case 'date':
      return k.datetime ? 'a date-time field' : 'a date field';
    case 'record':
      return `a relation to ${k.form}`;
    case 'user':
      return 'a user field';
    case 'many':
      return k.element.kind === 'record' ? `a multiple relation to ${k.element.form}` : 'a multi-select field';
    case 'unsupported':
      return `a ${k.type} field`;
    case 'any':
      return 'a field of unknown type';
  }
}
