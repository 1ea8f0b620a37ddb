import { Temporal } from 'temporal-polyfill';
import type { BusinessCalendar, IsoDuration } from '../types.js';
import { addWorkingMs, resolveCalendar, type ResolvedCalendar } from './calendar.js';
import { DAY_MS, msToDuration, parseDuration } from './duration.js';

/** The length of a duration in ms, days counting as `dayMs` (24 h, or a working day's length). @internal */
export function durationMs(iso: IsoDuration, dayMs: number = DAY_MS): number | null {
  const d = parseDuration(iso);
  return d ? Math.round(d.days * dayMs) + d.timeMs : null;
}

/** Like `addDuration` but null (instead of throwing) for a bad time, duration or calendar. @internal */
export function tryAddDuration(atIso: string, iso: IsoDuration, calendar?: BusinessCalendar): string | null {
  let start: Temporal.Instant;
  try {
    start = Temporal.Instant.from(atIso);
  } catch {
    return null;
  }
  if (!calendar) {
    const ms = durationMs(iso);
    return ms === null ? null : start.add({ milliseconds: ms }).toString();
  }
  let cal: ResolvedCalendar;
  try {
    cal = resolveCalendar(calendar);
    start.toZonedDateTimeISO(cal.timezone);
  } catch {
    return null;
  }
  const ms = durationMs(iso, cal.dayMinutes * 60_000);
  if (ms === null) return null;
  return addWorkingMs(start, ms, cal)?.toString() ?? null;
}

/**
 * Adds an ISO duration to an ISO instant and returns the result as an ISO UTC string (`…Z`).
 * Without a calendar the time is wall-clock time (a day is 24 h). With a calendar only working
 * time counts, in the calendar's time zone (default `Asia/Shanghai`): a day is one working day
 * of the calendar's working length (P1D = 8 h with the default hours), hours and minutes are
 * working time, a start outside working hours begins at the next working period, and holidays
 * and make-up working days (调休) are honoured. Throws a RangeError for an unparsable time or
 * duration, an unknown time zone, or a calendar without working time (validate flows first).
 *
 * @example addDuration('2024-09-13T07:00:00Z', 'PT4H', {}) // Fri 15:00 Shanghai + 4 working h → Mon 10:00
 */
export function addDuration(atIso: string, iso: IsoDuration, calendar?: BusinessCalendar): string {
  const r = tryAddDuration(atIso, iso, calendar);
  if (r === null) throw new RangeError(`Cannot add ${JSON.stringify(iso)} to ${JSON.stringify(atIso)}`);
  return r;
}

/**
 * `a − b` as an ISO duration (`PT…S`), days counting as 24 h or, with a calendar, as the
 * calendar's working day; null when either does not parse or the difference is not positive.
 * Used for reminders (`due − remindBefore`, counted from the task's creation).
 */
export function subtractDurations(a: IsoDuration, b: IsoDuration, calendar?: BusinessCalendar): IsoDuration | null {
  const dayMs = calendar ? resolveCalendar(calendar).dayMinutes * 60_000 : DAY_MS;
  const x = durationMs(a, dayMs);
  const y = durationMs(b, dayMs);
  if (x === null || y === null || x - y <= 0) return null;
  return msToDuration(x - y);
}
