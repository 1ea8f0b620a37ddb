import type { Locale } from './types.js';

/**
 * Formats an amount in fen as yuan with the currency sign and thousands separators:
 * `formatFen(123450, 'zh-CN')` → `"¥1,234.50"`, `formatFen(-5, 'en')` → `"-¥0.05"`.
 * Integer arithmetic only, so large amounts print exactly. Both locales use `¥` and `,`
 * (the amount is always CNY). A non-integer input is rounded to the nearest fen.
 */
export function formatFen(fen: number, _locale: Locale = 'zh-CN'): string {
  if (!Number.isFinite(fen)) return '';
  const rounded = Math.round(fen);
  const negative = rounded < 0;
  const abs = BigInt(Math.abs(rounded));
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * Parses a yuan amount typed by a person into integer fen, exactly (string arithmetic, no float
 * error): `"19.99"` → 1999, `"1,234.5"` → 123450, `"¥ 8"` → 800, `"-3.10"` → -310, `"-¥0.42"` → -42.
 * Returns `null` for anything else, including more than 2 decimals (`"1.005"`), empty input,
 * and amounts beyond Number.MAX_SAFE_INTEGER fen.
 */
export function parseYuan(input: string): number | null {
  if (typeof input !== 'string') return null;
  // Sign and currency sign in either order: "-¥3", "¥-3", "-3".
  const s = input.replace(/\s/g, '').replace(/^([+-]?)[¥￥]/, '$1');
  const m = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || (m[2] === undefined && !m[3])) return null;
  const whole = (m[2] ?? '0').replace(/,/g, '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  const fen = BigInt(whole) * 100n + BigInt(frac);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const n = Number(fen);
  return m[1] === '-' && n !== 0 ? -n : n;
}
