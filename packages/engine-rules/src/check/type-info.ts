import type { ValueType } from '../helpers.js';
import type { FieldInfo, SchemaInfo } from '../schema.js';

/** Whose fields a closed object shape lists (for messages). */
export interface ShapeOwner {
  readonly form: string;
  readonly subtable?: string;
}

/**
 * What the checker knows about a value: its value type and, for records and sub-table rows,
 * the closed set of fields (an unknown property of such an object is reported).
 * @internal
 */
export interface TypeInfo {
  readonly vt: ValueType;
  /** A record or row: its fields by key. */
  readonly fields?: Readonly<Record<string, FieldInfo>>;
  /** Records also have `id`, `createdAt`, `updatedAt`, `formVersion`. */
  readonly system?: boolean;
  readonly owner?: ShapeOwner;
  /** Lists: the type of an element. */
  readonly element?: TypeInfo;
  /** A helper namespace (`money`, `db`, …). */
  readonly ns?: string;
  /** A helper function (`money.pct`, `now`). */
  readonly helper?: string;
  /** The `results` fact of a trigger rule. */
  readonly results?: boolean;
  /** The `null` literal. */
  readonly isNull?: boolean;
}

/** Shared type values. @internal */
export const T = Object.freeze({
  any: Object.freeze({ vt: 'any' }) as TypeInfo,
  number: Object.freeze({ vt: 'number' }) as TypeInfo,
  string: Object.freeze({ vt: 'string' }) as TypeInfo,
  boolean: Object.freeze({ vt: 'boolean' }) as TypeInfo,
  object: Object.freeze({ vt: 'object' }) as TypeInfo,
  list: Object.freeze({ vt: 'list' }) as TypeInfo,
  fn: Object.freeze({ vt: 'function' }) as TypeInfo,
  of: (vt: ValueType): TypeInfo => ({ vt }),
  listOf: (element: TypeInfo): TypeInfo => ({ vt: 'list', element }),
});

/** The type of a field's value (`record.<key>`). @internal */
export function fieldType(f: FieldInfo, owner: ShapeOwner, key: string): TypeInfo {
  if (f.type === 'subtable' && f.fields) return T.listOf({ vt: 'object', fields: f.fields, owner: { form: owner.form, subtable: key } });
  if (f.type === 'multiselect') return T.listOf(T.string);
  if (f.type === 'relation' && f.many) return T.listOf(T.number);
  return T.of(f.valueType);
}

/** The type of a record of `form` (closed: its fields plus the system fields), or `any` when unknown. @internal */
export function recordType(schema: SchemaInfo, form: string | undefined): TypeInfo {
  const info = form !== undefined && Object.hasOwn(schema.forms, form) ? schema.forms[form] : undefined;
  if (!info || form === undefined) return T.any;
  return { vt: 'object', fields: info.fields, system: true, owner: { form } };
}

/** Whether a value of type `actual` can be passed where `accepted` is expected. @internal */
export function compatible(accepted: ValueType | readonly ValueType[], actual: TypeInfo): boolean {
  if (actual.vt === 'any' || actual.isNull) return true;
  const list: readonly ValueType[] = typeof accepted === 'string' ? [accepted] : accepted;
  return list.some((a) => a === 'any' || a === actual.vt || (a === 'number' && actual.vt === 'money') || (a === 'money' && actual.vt === 'number') || (a === 'date' && actual.vt === 'string') || (a === 'string' && actual.vt === 'date'));
}
