/**
 * What the static checker knows about the app's forms: field keys with their types, per form.
 * Built from form definitions with `schemaFromForms`; the checker never sees the definitions
 * themselves, so the studio can also build it from a form list it already has.
 */
import type { FieldDefinition, FieldType, FormDefinition } from '@kiln/engine-forms';
import type { ValueType } from './helpers.js';

/** One field as rules see it. */
export interface FieldInfo {
  readonly type: FieldType;
  /** The type of `record.<key>` in an expression (formulas: their result type). */
  readonly valueType: ValueType;
  /** Relation fields: the related form's key. */
  readonly target?: string;
  /** Relation fields holding a list of ids. */
  readonly many?: boolean;
  /** Select / multi-select option values. */
  readonly options?: readonly string[];
  /** Sub-table fields: the fields of one row, by key. */
  readonly fields?: Readonly<Record<string, FieldInfo>>;
  /** Unique across the form's records (a ledger's `key` must be). */
  readonly unique?: boolean;
}

/** One form as rules see it. */
export interface FormInfo {
  readonly fields: Readonly<Record<string, FieldInfo>>;
}

/** The forms of an app, by form key. */
export interface SchemaInfo {
  readonly forms: Readonly<Record<string, FormInfo>>;
}

/**
 * Properties every record fact has besides its fields (`record.id`, `record.createdAt`, …).
 * They can be read and used in lookup filters, never written by a mapping.
 */
export const SYSTEM_FIELDS: Readonly<Record<string, ValueType>> = Object.freeze({
  id: 'number',
  createdAt: 'date',
  updatedAt: 'date',
  formVersion: 'number',
});

const VALUE_TYPE_OF: Readonly<Record<FieldType, ValueType>> = {
  text: 'string',
  textarea: 'string',
  number: 'number',
  money: 'money',
  boolean: 'boolean',
  select: 'string',
  multiselect: 'list',
  date: 'date',
  datetime: 'date',
  phone: 'string',
  email: 'string',
  region: 'string',
  relation: 'number',
  user: 'number',
  subtable: 'list',
  linkparam: 'string',
  autonumber: 'string',
  formula: 'any',
};

const FORMULA_VALUE_TYPE: Readonly<Record<string, ValueType>> = {
  number: 'number',
  money: 'money',
  text: 'string',
  boolean: 'boolean',
  date: 'date',
  datetime: 'date',
};

/** The value type of a field definition (`record.<key>` in an expression). */
export function valueTypeOf(field: Pick<FieldDefinition, 'type'> & { many?: boolean; resultType?: string }): ValueType {
  if (field.type === 'relation' && field.many === true) return 'list';
  if (field.type === 'formula') return FORMULA_VALUE_TYPE[field.resultType ?? ''] ?? 'any';
  return VALUE_TYPE_OF[field.type] ?? 'any';
}

function fieldInfo(f: FieldDefinition): FieldInfo {
  const out: { -readonly [K in keyof FieldInfo]: FieldInfo[K] } = { type: f.type, valueType: valueTypeOf(f) };
  if (f.type === 'relation') {
    out.target = f.target;
    if (f.many === true) out.many = true;
  }
  if ((f.type === 'select' || f.type === 'multiselect') && Array.isArray(f.options)) {
    out.options = Object.freeze(f.options.map((o) => o.value));
  }
  if (f.type === 'subtable' && Array.isArray(f.fields)) out.fields = fieldsOf(f.fields);
  if (f.unique === true) out.unique = true;
  return Object.freeze(out);
}

function fieldsOf(fields: readonly FieldDefinition[]): Readonly<Record<string, FieldInfo>> {
  const out: Record<string, FieldInfo> = Object.create(null) as Record<string, FieldInfo>;
  for (const f of fields) {
    if (f && typeof f === 'object' && typeof f.key === 'string' && typeof f.type === 'string') out[f.key] = fieldInfo(f);
  }
  return Object.freeze(out);
}

/**
 * The SchemaInfo of a set of forms (by form key). Tolerates drafts: fields without a key or
 * type are skipped, forms without a field list have no fields.
 *
 * @example
 * schemaFromForms({ orders }).forms.orders.fields.total // { type: 'money', valueType: 'money' }
 */
export function schemaFromForms(forms: Readonly<Record<string, FormDefinition>>): SchemaInfo {
  const out: Record<string, FormInfo> = Object.create(null) as Record<string, FormInfo>;
  for (const [key, form] of Object.entries(forms)) {
    if (!form || typeof form !== 'object') continue;
    out[key] = Object.freeze({ fields: fieldsOf(Array.isArray(form.fields) ? form.fields : []) });
  }
  return Object.freeze({ forms: Object.freeze(out) });
}
