import { sql } from 'kysely';
import { ReportError } from '../errors.js';
import type { Sql } from './kysely.js';

/** Every identifier Kiln generates matches this; anything else never reaches SQL (storage.md). */
export const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Ids of dimensions, measures, columns and params: they become result column aliases (always quoted). */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** Whether an id is usable as a result column (no `__`: the compiler's own columns use it). */
export const isId = (id: unknown): id is string => typeof id === 'string' && ID_PATTERN.test(id) && !id.includes('__');

/** A catalog name checked again before it reaches SQL (defence in depth). @internal */
export function safeName(name: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new ReportError('REPORT_STORAGE_INVALID', undefined, { details: { name: String(name) } });
  }
  return name;
}

/** A quoted catalog identifier (`"f_paid_at"`). @internal */
export const ident = (name: string): Sql => sql.id(safeName(name));

/** A column of a compiler-made table alias: `t."f_paid_at"`. The alias is ours, never user text. @internal */
export const col = (alias: string, name: string): Sql => sql`${sql.raw(alias)}.${ident(name)}`;

/** A quoted result alias (a definition id, checked by the pattern). @internal */
export function alias(id: string): Sql {
  if (!ID_PATTERN.test(id)) throw new ReportError('REPORT_DEFINITION_INVALID', { 'zh-CN': `标识 "${id}" 无效`, en: `Invalid id "${id}"` });
  return sql.id(id);
}

/** `g."gmv"` — a result column of a derived table the compiler named. @internal */
export const ref = (table: string, id: string): Sql => sql`${sql.raw(table)}.${alias(id)}`;
