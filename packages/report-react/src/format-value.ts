import type { ValueFormat } from '@kiln/engine-reports';
import type { ReportLocale } from './messages';

const INTL_LOCALE: Record<ReportLocale, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** A number from a result cell: numbers as is, numeric strings (Postgres numeric/bigint) parsed. @internal */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim())) return Number(v);
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** Yuan text of an amount in fen: 123450 → `¥1,234.50` (rounded to whole fen). */
function formatFen(fen: number): string {
  const rounded = Math.round(fen);
  const abs = Math.abs(rounded);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${rounded < 0 ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * The text of one result value. `money` is stored in fen and shown in yuan (`123450` →
 * `¥1,234.50`); `percent` is a fraction (`0.1234` → `12.3%`); `integer` is rounded with
 * grouping (`1,235`); `number` and unformatted numbers keep up to two decimals. Numeric strings
 * are read as numbers; null/undefined give `''`; other values their string form.
 *
 * @example formatValue(250000, 'money', 'zh-CN') // "¥2,500.00"
 */
export function formatValue(v: unknown, format: ValueFormat | undefined, locale: ReportLocale): string {
  if (v === undefined || v === null || v === '') return '';
  const n = toNumber(v);
  if (n === undefined) {
    if (typeof v === 'boolean') return locale === 'en' ? (v ? 'Yes' : 'No') : v ? '是' : '否';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  const loc = INTL_LOCALE[locale] ?? 'zh-CN';
  switch (format) {
    case 'money':
      return formatFen(n);
    case 'percent':
      return n.toLocaleString(loc, { style: 'percent', maximumFractionDigits: 1 });
    case 'integer':
      return Math.round(n).toLocaleString(loc, { maximumFractionDigits: 0 });
    default:
      return n.toLocaleString(loc, { maximumFractionDigits: 2 });
  }
}
