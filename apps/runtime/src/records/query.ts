import { sql, type RawBuilder } from 'kysely';
import { KilnError } from '../errors.js';
import { isSortable, safeName, type ColumnInfo } from './columns.js';
import type { FormRuntime } from './form-runtime.js';

type Sql = RawBuilder<unknown>;

/** System columns every record has, addressable in filters and sorts by these keys. */
const SYSTEM: Record<string, ColumnInfo> = {
  id: { id: 'id', key: 'id', type: 'number', column: 'id', sqlType: 'bigint' },
  createdAt: { id: 'created_at', key: 'createdAt', type: 'datetime', column: 'created_at', sqlType: 'timestamptz' },
  updatedAt: { id: 'updated_at', key: 'updatedAt', type: 'datetime', column: 'updated_at', sqlType: 'timestamptz' },
};

const OPS = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$contains', '$startsWith', '$null'] as const;
type Op = (typeof OPS)[number];

const col = (c: ColumnInfo) => sql.ref(`t.${safeName(c.column)}`);

/** Resolves a filter/sort key through the form's allow-list (unknown keys are refused). */
function columnOf(rt: FormRuntime, key: string, code: 'INVALID_FILTER' | 'INVALID_SORT', hidden?: ReadonlySet<string>): ColumnInfo {
  // A hidden field is unknown to its viewer: filtering or sorting on it would reveal its values.
  const c = SYSTEM[key] ?? (hidden?.has(key) ? undefined : rt.byKey.get(key));
  if (!c) throw new KilnError(code, `Unknown field "${key}".`, { path: `/${key}` });
  return c;
}

function checkValue(c: ColumnInfo, v: unknown, path: string): unknown {
  const bad = () => new KilnError('INVALID_FILTER', `Bad value for "${c.key}".`, { path });
  switch (c.sqlType) {
    case 'numeric':
    case 'bigint':
    case 'join':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw bad();
      return v;
    case 'date':
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw bad();
      return v.slice(0, 10);
    case 'timestamptz':
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw bad();
      return new Date(v).toISOString();
    default:
      if (typeof v !== 'string' || v.length > 1000) throw bad();
      return v;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m);

function condition(c: ColumnInfo, op: Op, raw: unknown, path: string): Sql {
  if (op === '$null') {
    if (typeof raw !== 'boolean') throw new KilnError('INVALID_FILTER', '$null takes true or false.', { path });
    if (c.sqlType === 'join') return raw ? sql`not exists (select 1 from ${sql.id(c.joinTable!)} j where j.src = t.id)` : sql`exists (select 1 from ${sql.id(c.joinTable!)} j where j.src = t.id)`;
    return raw ? sql`${col(c)} is null` : sql`${col(c)} is not null`;
  }
  if (op === '$in' || op === '$nin') {
    if (!Array.isArray(raw) || raw.length > 1000) throw new KilnError('INVALID_FILTER', `${op} takes an array (at most 1000 values).`, { path });
    const values = raw.map((v, i) => checkValue(c, v, `${path}/${i}`));
    if (!values.length) return op === '$in' ? sql`false` : sql`true`;
    if (c.sqlType === 'join') {
      const ex = sql`exists (select 1 from ${sql.id(c.joinTable!)} j where j.src = t.id and j.dst in (${sql.join(values)}))`;
      return op === '$in' ? ex : sql`not ${ex}`;
    }
    if (c.sqlType === 'text[]') return op === '$in' ? sql`${col(c)} && ${values}::text[]` : sql`not (coalesce(${col(c)}, '{}') && ${values}::text[])`;
    return op === '$in' ? sql`${col(c)} in (${sql.join(values)})` : sql`(${col(c)} is null or ${col(c)} not in (${sql.join(values)}))`;
  }
  if (c.sqlType === 'text[]') {
    const v = checkValue(c, raw, path);
    if (op === '$eq' || op === '$contains') return sql`${col(c)} @> array[${v}]::text[]`;
    if (op === '$ne') return sql`not (coalesce(${col(c)}, '{}') @> array[${v}]::text[])`;
    throw new KilnError('INVALID_FILTER', `${op} does not apply to "${c.key}".`, { path });
  }
  if (c.sqlType === 'join') {
    const v = checkValue(c, raw, path);
    const ex = sql`exists (select 1 from ${sql.id(c.joinTable!)} j where j.src = t.id and j.dst = ${v})`;
    if (op === '$eq' || op === '$contains') return ex;
    if (op === '$ne') return sql`not ${ex}`;
    throw new KilnError('INVALID_FILTER', `${op} does not apply to "${c.key}".`, { path });
  }
  if (c.sqlType === 'jsonb') throw new KilnError('INVALID_FILTER', `"${c.key}" cannot be filtered.`, { path });
  if (op === '$contains' || op === '$startsWith') {
    if (c.sqlType !== 'text') throw new KilnError('INVALID_FILTER', `${op} applies to text fields only.`, { path });
    const v = checkValue(c, raw, path) as string;
    return op === '$contains' ? sql`${col(c)} ilike ${'%' + escapeLike(v) + '%'}` : sql`${col(c)} like ${escapeLike(v) + '%'}`;
  }
  if (raw === null && (op === '$eq' || op === '$ne')) return op === '$eq' ? sql`${col(c)} is null` : sql`${col(c)} is not null`;
  const v = checkValue(c, raw, path);
  const cmp = { $eq: '=', $ne: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
  if (op === '$ne') return sql`(${col(c)} is null or ${col(c)} <> ${v})`;
  return sql`${col(c)} ${sql.raw(cmp)} ${v}`;
}

/** Compiles the contract's filter JSON into a WHERE condition; every value is bound. */
export function compileFilter(rt: FormRuntime, filterText: string | undefined, hidden?: ReadonlySet<string>): Sql {
  if (filterText === undefined || filterText === '') return sql`true`;
  let filter: unknown;
  try {
    filter = JSON.parse(filterText);
  } catch {
    throw new KilnError('INVALID_FILTER', 'The filter is not valid JSON.');
  }
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) throw new KilnError('INVALID_FILTER', 'The filter must be a JSON object.');
  const parts: Sql[] = [];
  for (const [key, spec] of Object.entries(filter as Record<string, unknown>)) {
    const c = columnOf(rt, key, 'INVALID_FILTER', hidden);
    if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
      for (const [op, v] of Object.entries(spec as Record<string, unknown>)) {
        if (!(OPS as readonly string[]).includes(op)) throw new KilnError('INVALID_FILTER', `Unknown operator "${op}".`, { path: `/${key}/${op}` });
        parts.push(condition(c, op as Op, v, `/${key}/${op}`));
      }
    } else if (Array.isArray(spec)) {
      parts.push(condition(c, '$in', spec, `/${key}`));
    } else if (spec === null) {
      parts.push(condition(c, '$null', true, `/${key}`));
    } else {
      parts.push(condition(c, '$eq', spec, `/${key}`));
    }
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** A parsed sort: column, direction. */
export interface Sort {
  key: string;
  column: ColumnInfo;
  desc: boolean;
}

/** Parses `field` / `-field` (default: newest first). Only indexed scalar fields sort. */
export function parseSort(rt: FormRuntime, text: string | undefined, hidden?: ReadonlySet<string>): Sort {
  const raw = text && text.length ? text : '-id';
  const desc = raw.startsWith('-');
  const key = desc ? raw.slice(1) : raw;
  const c = columnOf(rt, key, 'INVALID_SORT', hidden);
  if (!isSortable(c)) throw new KilnError('INVALID_SORT', `"${key}" cannot be sorted.`, { path: `/${key}` });
  return { key, column: c, desc };
}

/** Encodes a keyset cursor: the sort it belongs to, the last row's sort value and id. */
export function encodeCursor(sort: Sort, value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([sort.desc ? '-' + sort.key : sort.key, value ?? null, id])).toString('base64url');
}

/**
 * The keyset condition after a cursor. Order is (value, id) ascending with NULLs last, or
 * descending with NULLs first — PostgreSQL's own btree order, so the (col, id) index serves both.
 */
export function afterCursor(sort: Sort, cursor: string | undefined): Sql {
  if (!cursor) return sql`true`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new KilnError('INVALID_CURSOR');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== (sort.desc ? '-' + sort.key : sort.key) || typeof parsed[2] !== 'number') throw new KilnError('INVALID_CURSOR');
  const [, rawValue, lastId] = parsed as [string, unknown, number];
  const c = sort.column;
  const t = col(c);
  if (c.column === 'id') return sort.desc ? sql`t.id < ${lastId}` : sql`t.id > ${lastId}`;
  if (rawValue === null) return sort.desc ? sql`(${t} is null and t.id < ${lastId}) or ${t} is not null` : sql`${t} is null and t.id > ${lastId}`;
  let v: unknown;
  try {
    v = checkValue(c, rawValue, '/cursor');
  } catch {
    throw new KilnError('INVALID_CURSOR');
  }
  return sort.desc ? sql`(${t}, t.id) < (${v}, ${lastId})` : sql`((${t}, t.id) > (${v}, ${lastId}) or ${t} is null)`;
}

/** ORDER BY for a sort. */
export function orderBy(sort: Sort): Sql {
  const t = col(sort.column);
  if (sort.column.column === 'id') return sort.desc ? sql`t.id desc` : sql`t.id asc`;
  return sort.desc ? sql`${t} desc nulls first, t.id desc` : sql`${t} asc nulls last, t.id asc`;
}
