import { isInteger, parse } from 'lossless-json';

/** A helper as the studio lists it: name without `$`, JSONata signature, zh/en docs. */
export interface MappingFunctionInfo {
  name: string;
  signature: string;
  doc: { 'zh-CN': string; en: string };
}

/**
 * Kiln's JSONata helper functions, by name without `$`, with a signature and zh/en docs (the
 * studio lists them). Every connector expression has them; `$now()` and `$millis()` are the
 * runtime clock, not the system's.
 */
export const MAPPING_FUNCTIONS: ReadonlyArray<MappingFunctionInfo> = [
  { name: 'yuan', signature: '$yuan(fen)', doc: { 'zh-CN': '分转元：$yuan(1990) → 19.9', en: 'Fen to yuan: $yuan(1990) → 19.9' } },
  { name: 'fen', signature: '$fen(yuan)', doc: { 'zh-CN': '元转分（四舍五入为整数）：$fen(19.9) → 1990', en: 'Yuan to fen, rounded to an integer: $fen(19.9) → 1990' } },
  { name: 'netPrice', signature: '$netPrice(taxInclusive, ratePercent)', doc: { 'zh-CN': '含税价转不含税价，保留 6 位小数：$netPrice(500, 13) → 442.477876', en: 'Tax-exclusive price from a tax-inclusive one, 6 decimals: $netPrice(500, 13) → 442.477876' } },
  { name: 'truncateBytes', signature: '$truncateBytes(text, maxBytes)', doc: { 'zh-CN': '按 UTF-8 字节数截断（不拆字符），截断时以“…”结尾：$truncateBytes(content, 2048)', en: 'Cuts to at most maxBytes UTF-8 bytes at a character boundary, ending with "…" when cut: $truncateBytes(content, 2048)' } },
  { name: 'byteLength', signature: '$byteLength(text)', doc: { 'zh-CN': 'UTF-8 字节数：$byteLength("中") → 3', en: 'Length in UTF-8 bytes: $byteLength("中") → 3' } },
  { name: 'parseJson', signature: '$parseJson(text)', doc: { 'zh-CN': '解析 JSON 字符串，超过 2^53 的整数保留为字符串（抖音订单号）：$parseJson(data).p_id', en: 'Parses a JSON string; integers beyond 2^53 stay exact as strings (Douyin order ids): $parseJson(data).p_id' } },
  { name: 'date', signature: '$date(iso, timeZone?)', doc: { 'zh-CN': '时间点在时区内的日期 YYYY-MM-DD（默认 Asia/Shanghai）：$date($now())', en: 'The YYYY-MM-DD date of an instant in a time zone (default Asia/Shanghai): $date($now())' } },
  { name: 'unixSeconds', signature: '$unixSeconds(iso?)', doc: { 'zh-CN': 'Unix 秒数（默认当前时间，取运行时时钟）：$unixSeconds()', en: 'Unix seconds (default: now, from the runtime clock): $unixSeconds()' } },
];

/**
 * JSON.parse, except integers beyond Number.MAX_SAFE_INTEGER become strings (Douyin order ids).
 * Throws a SyntaxError on invalid JSON.
 *
 * @example parseJsonLossless('{"p_id":4837328765348566675}') // → { p_id: '4837328765348566675' }
 */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (value: string) => {
    if (isInteger(value)) {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : value;
    }
    return Number(value);
  });
}

/** UTF-8 length of one code point. */
function codePointBytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Length of a string in UTF-8 bytes (a lone surrogate counts as U+FFFD, 3 bytes). */
export function byteLength(text: string): number {
  let n = 0;
  for (const ch of text) n += codePointBytes(ch.codePointAt(0)!);
  return n;
}

const ELLIPSIS = '…';
const ELLIPSIS_BYTES = 3;

/**
 * Cuts a string to at most `maxBytes` UTF-8 bytes at a character boundary, ending with "…" when cut.
 * Never splits a surrogate pair; when `maxBytes` is below the ellipsis' 3 bytes, cuts without it.
 *
 * @example truncateBytes('中文内容', 8) // → '中…' (3 + 3 bytes)
 */
export function truncateBytes(text: string, maxBytes: number): string {
  const max = Math.max(0, Math.floor(maxBytes));
  if (byteLength(text) <= max) return text;
  const budget = max >= ELLIPSIS_BYTES ? max - ELLIPSIS_BYTES : max;
  let used = 0;
  let out = '';
  for (const ch of text) {
    const b = codePointBytes(ch.codePointAt(0)!);
    if (used + b > budget) break;
    used += b;
    out += ch;
  }
  return max >= ELLIPSIS_BYTES ? out + ELLIPSIS : out;
}

/** Rounds to 6 decimals, half away from zero, robust to binary noise (442.4778761… → 442.477876). */
function round6(x: number): number {
  const s = Math.sign(x);
  return (s * Math.round(Math.abs(x) * 1e6 + 1e-7)) / 1e6;
}

/** Tax-exclusive unit price from a tax-inclusive one, 6 decimals (Kingdee: 500 at 13% → 442.477876). */
export function netPrice(taxInclusive: number, ratePercent: number): number {
  return round6(taxInclusive / (1 + ratePercent / 100));
}

/** Fen (integer) to yuan. */
export function yuan(fen: number): number {
  return fen / 100;
}

/** Yuan to integer fen (19.99 → 1999 despite 19.99 * 100 = 1998.9999…). */
export function fen(yuanAmount: number): number {
  return Math.round(yuanAmount * 100);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The `YYYY-MM-DD` date of an instant (ISO string or epoch ms) in an IANA time zone (default Asia/Shanghai). */
export function dateIn(instant: string | number, timeZone = 'Asia/Shanghai'): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new Error(`$date: not a date/time: ${String(instant)}`);
  let f = dateFormats.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new Error(`$date: unknown time zone: ${timeZone}`);
    }
    dateFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Unix seconds of an instant (ISO string or epoch ms). */
export function unixSeconds(instant: string | number): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new Error(`$unixSeconds: not a date/time: ${String(instant)}`);
  return Math.floor(ms / 1000);
}
