import type { Locale } from '@kiln/engine-forms';
import { pivotTable } from './chart/pivot.js';
import { toNumber, yuan } from './result/format.js';
import type { ReportResult, ResultColumn } from './types.js';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quoting, after guarding text cells against formula injection with a leading `'`. */
function field(v: string | number | null | undefined, text: boolean): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (text && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A measure value as a CSV number: money in yuan with 2 decimals, percent as `12.5%`. */
function figure(c: ResultColumn, v: unknown): string | number | null {
  if (c.format === 'money') return yuan(v) || null;
  const n = toNumber(v);
  if (n === null) return v === null || v === undefined ? null : String(v);
  if (c.format === 'percent') return `${Math.round(n * 10_000) / 100}%`;
  if (c.format === 'integer') return Math.round(n);
  return n;
}

/**
 * A result as CSV (RFC 4180, CRLF line ends, no BOM — add one when serving it to Excel): the
 * header is the column labels; a labelled dimension is written once, as its label; money in
 * yuan with 2 decimals; text cells starting with = + - @ tab or CR are prefixed with `'`
 * against formula injection. A pivot is written as laid out (rows down, column values across).
 *
 * @example
 * toCsv(result, 'zh-CN') // "渠道,订单金额 合计\r\n抖音,1234.50\r\n"
 */
export function toCsv(result: ReportResult, locale: Locale, opts: { pivot?: { rows: readonly string[]; columns: readonly string[] } } = {}): string {
  const lines: string[] = [];
  const pivot = opts.pivot ?? pivotOf(result);
  if (pivot) {
    const table = pivotTable({ visual: { type: 'pivot', pivot } } as Parameters<typeof pivotTable>[0], result.columns, result.rows, locale, (c, v) => figure(c, v));
    const dimCount = pivot.rows.length + result.columns.filter((c) => c.role === 'dimension' && !pivot.rows.includes(c.key) && !pivot.columns.includes(c.key)).length;
    lines.push(table.header.map((h) => field(h, true)).join(','));
    for (const r of table.rows) lines.push(r.map((v, i) => field(v, i < dimCount)).join(','));
    return lines.map((l) => l + '\r\n').join('');
  }
  const shown = result.columns.filter((c) => !(c.role === 'dimension' && c.labelKey && result.columns.some((x) => x.key === c.labelKey)));
  lines.push(shown.map((c) => field(c.label, true)).join(','));
  for (const row of result.rows) {
    lines.push(shown.map((c) => (c.role === 'measure' ? field(figure(c, row[c.key]), false) : field(text(row[c.key]), typeof row[c.key] !== 'number'))).join(','));
  }
  return lines.map((l) => l + '\r\n').join('');
}

function text(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The pivot layout a result's chart carries (`kiln.pivot`), if any. */
function pivotOf(result: ReportResult): { rows: readonly string[]; columns: readonly string[] } | undefined {
  const k = (result.chart as { kiln?: { pivot?: { rows: string[]; columns: string[] } } }).kiln;
  return k?.pivot;
}
