import { formulaValueField, parseYuan, type FieldDefinition } from '@kiln/engine-forms';

/** What the filter controls of one field hold (all strings, as inputs give them). */
export interface FilterValue {
  op?: 'contains' | 'equals';
  value?: string;
  min?: string;
  max?: string;
}

/** Field key → its control values. */
export type FilterState = Record<string, FilterValue>;

/** The kind of control a field gets in the filter bar (undefined: not filterable). */
export type FilterKind = 'text' | 'range' | 'money' | 'select' | 'boolean' | 'date' | 'datetime' | 'region' | 'id';

/** The filter control of a field; a formula filters like a field of its result type. */
export function filterKind(f: FieldDefinition): FilterKind | undefined {
  switch (f.type) {
    case 'formula':
      return filterKind(formulaValueField(f));
    case 'text':
    case 'textarea':
    case 'phone':
    case 'email':
    case 'linkparam':
    case 'autonumber':
      return 'text';
    case 'number':
      return 'range';
    case 'money':
      return 'money';
    case 'select':
    case 'multiselect':
      return 'select';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'region':
      return 'region';
    case 'relation':
      return f.many ? undefined : 'id';
    case 'user':
      return 'id';
    default:
      return undefined;
  }
}

const num = (s: string | undefined) => (s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined);
const fen = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? (parseYuan(s) ?? undefined) : undefined);
const startOfDay = (d: string) => new Date(`${d}T00:00:00`).toISOString();
const endOfDay = (d: string) => new Date(`${d}T23:59:59.999`).toISOString();

function range(min: unknown, max: unknown): Record<string, unknown> | undefined {
  const r: Record<string, unknown> = {};
  if (min !== undefined) r.$gte = min;
  if (max !== undefined) r.$lte = max;
  return Object.keys(r).length ? r : undefined;
}

/**
 * The contract's filter JSON for the filled controls: text → `$contains` or equality, numbers
 * and money (typed in yuan) → `$gte`/`$lte`, dates → day ranges, selects → equality (a
 * multi-select → `$contains`), regions → `$startsWith` of the province's code prefix.
 */
export function toFilter(fields: readonly FieldDefinition[], state: FilterState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const s = state[f.key];
    if (!s) continue;
    const v = s.value?.trim();
    let cond: unknown;
    switch (filterKind(f)) {
      case 'text':
        if (v) cond = s.op === 'equals' ? v : { $contains: v };
        break;
      case 'range':
        cond = range(num(s.min), num(s.max));
        break;
      case 'money':
        cond = range(fen(s.min), fen(s.max));
        break;
      case 'select':
        if (v) cond = f.type === 'multiselect' ? { $contains: v } : v;
        break;
      case 'boolean':
        if (v === 'true' || v === 'false') cond = v === 'true';
        break;
      case 'date':
        cond = range(s.min || undefined, s.max || undefined);
        break;
      case 'datetime':
        cond = range(s.min ? startOfDay(s.min) : undefined, s.max ? endOfDay(s.max) : undefined);
        break;
      case 'region':
        if (v && /^\d{6}$/.test(v)) cond = { $startsWith: v.replace(/(00)+$/, '') };
        break;
      case 'id':
        if (num(v) !== undefined) cond = num(v);
        break;
    }
    if (cond !== undefined) out[f.key] = cond;
  }
  return out;
}
