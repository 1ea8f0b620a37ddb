import type { FieldDefinition } from '@kiln/engine-forms';
import type { ColumnInfo } from './columns.js';

const FAIL = Symbol('incompatible');
type Converted = unknown | typeof FAIL;

const TEXTUAL = new Set(['text', 'textarea', 'phone', 'email', 'select', 'region', 'linkparam', 'autonumber']);
const REFERENCE = new Set(['relation', 'user', 'subtable']);

/**
 * Converts a stored value of one field type to the API value of a changed field type, the way
 * the publish step's `ALTER … USING` expression will; returns FAIL when it cannot. The caller
 * then validates the converted value against the new field's schema to count incompatible
 * records exactly as a write would judge them.
 */
export function convertStored(value: unknown, from: ColumnInfo, to: FieldDefinition): Converted {
  if (value === null || value === undefined) return null;
  if (REFERENCE.has(from.type) || REFERENCE.has(to.type)) {
    const same = from.type === to.type && (to.type !== 'relation' || (to.target === from.target && Boolean(to.many) === Boolean(from.many)));
    return same ? value : FAIL;
  }
  if (TEXTUAL.has(to.type)) {
    if (Array.isArray(value)) return value.length <= 1 ? (value[0] ?? null) : FAIL;
    if (typeof value === 'object') return FAIL;
    return String(value);
  }
  switch (to.type) {
    case 'number': {
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
      return typeof value === 'string' && value.trim() === '' ? null : FAIL;
    }
    case 'money': {
      if (typeof value === 'number') return Number.isInteger(value) ? value : FAIL;
      if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
      return typeof value === 'string' && value.trim() === '' ? null : FAIL;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return FAIL;
    case 'multiselect':
      return Array.isArray(value) ? value : typeof value === 'string' ? [value] : FAIL;
    case 'date':
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return from.type === 'datetime' ? new Date(value).toISOString().slice(0, 10) : value.slice(0, 10) === value.trim() ? value.trim() : FAIL;
      return FAIL;
    case 'datetime':
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00.000Z`;
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
      return FAIL;
    default:
      return FAIL;
  }
}

export const INCOMPATIBLE = FAIL;

/**
 * The SQL expression (over the quoted column `col`) that converts stored data to the new SQL
 * type, or null when the column must be recreated instead (reference kinds; only allowed when
 * no record holds a value).
 */
export function usingExpression(from: ColumnInfo, toSqlType: string): ((col: string) => string) | null {
  if (from.sqlType === 'jsonb' || from.sqlType === 'join' || toSqlType === 'jsonb' || toSqlType === 'join') return null;
  if (REFERENCE.has(from.type)) return null;
  const asText = (c: string) =>
    from.sqlType === 'text[]' ? `${c}[1]` : from.sqlType === 'timestamptz' ? `(to_json(${c}) #>> '{}')` : `${c}::text`;
  switch (toSqlType) {
    case 'text':
      return asText;
    case 'numeric':
      return (c) => `nullif(btrim(${asText(c)}), '')::numeric`;
    case 'bigint':
      return (c) => `nullif(btrim(${asText(c)}), '')::numeric::bigint`;
    case 'boolean':
      return (c) => `nullif(btrim(${asText(c)}), '')::boolean`;
    case 'text[]':
      return (c) => (from.sqlType === 'text[]' ? c : `case when ${c} is null then null else array[${asText(c)}] end`);
    case 'date':
      return (c) => (from.sqlType === 'timestamptz' ? `(${c} at time zone 'UTC')::date` : `nullif(btrim(${asText(c)}), '')::date`);
    case 'timestamptz':
      return (c) => (from.sqlType === 'date' ? `(${c}::timestamp at time zone 'UTC')` : `nullif(btrim(${asText(c)}), '')::timestamptz`);
    default:
      return null;
  }
}
