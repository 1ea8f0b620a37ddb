import type { AuditChange, AuditItem } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The before / after table of an entry: the server's `changes` when it lists them; else, when
 * before and after are objects, one row per key that differs (keys of `after` first, then the
 * ones only `before` had — a create lists every value, a delete every old one); else one row
 * with the two values.
 */
export function diffRows(item: Pick<AuditItem, 'before' | 'after' | 'changes'>): AuditChange[] {
  if (item.changes) return item.changes;
  const { before, after } = item;
  if (before === null && after === null) return [];
  if ((isObject(before) || before === null) && (isObject(after) || after === null)) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    return keys.filter((k) => !same(b[k], a[k])).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
  }
  return same(before, after) ? [] : [{ field: '', before, after }];
}

/** A value in the diff table: text as is, `null` as an empty cell, everything else as JSON. */
export function diffText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
