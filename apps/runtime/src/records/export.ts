import type { Kysely, Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { isHidden, type RecordGuard } from '../access/guard.js';
import type { FormRuntime } from './form-runtime.js';
import { listRecords } from './service.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** Most rows one export writes (a bigger export should be a report or a scheduled job). */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE = 500;
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (type === 'money' && typeof v === 'number') s = (v / 100).toFixed(2);
  else if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) s = v.join(';');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The records a filter selects, as CSV (RFC 4180, CRLF, UTF-8 with BOM for Excel): id, created
 * time, then every field the caller may see, labelled in their language; money in yuan. Reads
 * through {@link listRecords} page by page, so the caller's row policy is in every statement.
 */
export async function recordsCsv(db: Db, rt: FormRuntime, q: { filter?: string; sort?: string }, guard: RecordGuard | undefined, locale: 'zh-CN' | 'en'): Promise<string> {
  const fields = rt.form.fields.filter((f) => rt.byKey.has(f.key) && !isHidden(guard, f.key));
  const header = ['id', locale === 'en' ? 'Created' : '创建时间', ...fields.map((f) => f.label[locale] || f.label['zh-CN'] || f.key)];
  const lines = [header.map((h) => cell(h, 'text')).join(',')];
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listRecords(db, rt, { filter: q.filter, sort: q.sort, limit: PAGE, cursor }, guard);
    for (const r of page.items) {
      lines.push([String(r.id), cell(r.createdAt, 'datetime'), ...fields.map((f) => cell(r[f.key], f.type))].join(','));
    }
    rows += page.items.length;
    if (rows > EXPORT_MAX_ROWS) throw new KilnError('BAD_REQUEST', `The export would exceed ${EXPORT_MAX_ROWS} rows; narrow the filter.`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
