import { formatFen, type Locale } from '@kiln/engine-forms';
import type { ValueFormat } from '../types.js';

/** A value from the driver as a number: pg returns bigint/numeric as strings. Non-numbers → null. @internal */
export function toNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** The number a chart plots: money in yuan (fen ÷ 100), percent as 0–100, rounded to 2 decimals. @internal */
export function chartValue(v: unknown, format: ValueFormat | undefined): number | null {
  const n = toNumber(v);
  if (n === null) return null;
  if (format === 'money') return round(n / 100, 2);
  if (format === 'percent') return round(n * 100, 2);
  if (format === 'integer') return Math.round(n);
  return round(n, 4);
}

/** The unit suffix of a figure's name: `(元)` / `(CNY)`, `(%)`. @internal */
export function unitSuffix(format: ValueFormat | undefined, locale: Locale): string {
  if (format === 'money') return locale === 'en' ? ' (CNY)' : ' (元)';
  if (format === 'percent') return ' (%)';
  return '';
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A figure as people read it: `¥1,234.50`, `12.5%`, `1,234`, `3.14`. Deterministic (no Intl). @internal */
export function formatValue(v: unknown, format: ValueFormat | undefined, locale: Locale): string {
  const n = toNumber(v);
  if (n === null) return typeof v === 'string' ? v : '—';
  if (format === 'money') return formatFen(n, locale);
  if (format === 'percent') return `${plain(round(n * 100, 2))}%`;
  if (format === 'integer') return plain(Math.round(n));
  return plain(round(n, 2));
}

function plain(n: number): string {
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toString().split('.');
  return `${neg ? '-' : ''}${group(int!)}${frac ? '.' + frac : ''}`;
}

/** A money value in fen as a yuan decimal with 2 places (`-1234.5` fen → `-12.35`), for CSV. @internal */
export function yuan(v: unknown): string {
  const n = toNumber(v);
  if (n === null) return '';
  const fen = Math.round(n);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
