import type { IsoDuration } from '../types.js';

const HOUR = 3_600_000;
/** Milliseconds in a wall-clock day (days count as 24 h without a calendar). */
export const DAY_MS = 24 * HOUR;

/** A parsed duration: `days` (weeks × 7 + days) and the time part in ms; `ms` counts days as 24 h. */
export interface ParsedDuration {
  readonly ms: number;
  readonly days: number;
  readonly timeMs: number;
}

// Weeks, days, hours, minutes, seconds; fractions allowed. Years and months are refused: their
// length varies, and an SLA or a timer in months is better written in days.
const RE = /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration of weeks, days, hours, minutes and seconds (`PT2H`, `P1DT4H`,
 * `PT1.5H`, `P2W`). Returns null for anything else (years, months, negative, empty `P`/`PT`).
 *
 * @example parseDuration('P1DT2H') // { ms: 93_600_000, days: 1, timeMs: 7_200_000 }
 */
export function parseDuration(iso: IsoDuration): ParsedDuration | null {
  if (typeof iso !== 'string') return null;
  const m = RE.exec(iso.trim().toUpperCase());
  if (!m || iso.trim().endsWith('T') || iso.trim().length <= 1) return null;
  if (m.slice(1).every((g) => g === undefined)) return null;
  const n = (g: string | undefined) => (g === undefined ? 0 : Number(g.replace(',', '.')));
  const days = n(m[1]) * 7 + n(m[2]);
  const timeMs = Math.round(n(m[3]) * HOUR + n(m[4]) * 60_000 + n(m[5]) * 1000);
  return { ms: Math.round(days * DAY_MS) + timeMs, days, timeMs };
}

/** Formats milliseconds as an ISO duration in seconds (`PT5400S`), `PT0S` for zero or less. */
export function msToDuration(ms: number): IsoDuration {
  const s = Math.max(0, Math.round(ms / 1000));
  return `PT${s}S`;
}
