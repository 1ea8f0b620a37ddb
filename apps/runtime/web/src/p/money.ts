/**
 * Money in the portal: the API speaks integer fen; people read and type yuan with two decimals.
 * Integer arithmetic only, so ¥0.29 never becomes 28 fen.
 */

/** `12345` → `¥123.45`; `-150` → `-¥1.50`; `signed` adds `+` to positive amounts. */
export function formatFen(fen: number, opts: { signed?: boolean } = {}): string {
  const n = Math.trunc(Number(fen) || 0);
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  const sign = n < 0 ? '-' : opts.signed && n > 0 ? '+' : '';
  return `${sign}¥${yuan}.${cents}`;
}

/** `"12.3"` → 1230 fen; `null` unless a non-negative amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** The fee of a withdrawal of `fen` at `percent` %, rounded down to the fen (domain rule). */
export function feeOf(fen: number, percent: number | undefined): number {
  if (!percent || percent <= 0) return 0;
  // Percent may have decimals (1.5 %): scale to basis points first to stay in integers.
  return Math.floor((fen * Math.round(percent * 100)) / 10_000);
}
