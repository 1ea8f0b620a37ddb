import { Temporal } from 'temporal-polyfill';
import type { BusinessCalendar } from '../types.js';

/** The calendar defaults (see `BusinessCalendar`). */
export const DEFAULT_CALENDAR = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [['09:00', '12:00'], ['13:00', '18:00']],
  holidays: [],
  extraWorkdays: [],
} as const satisfies Required<BusinessCalendar>;

/** A calendar with defaults applied and periods in minutes of the day. @internal */
export interface ResolvedCalendar {
  readonly timezone: string;
  readonly workdays: ReadonlySet<number>;
  readonly periods: readonly (readonly [number, number])[];
  readonly holidays: ReadonlySet<string>;
  readonly extraWorkdays: ReadonlySet<string>;
  /** Working minutes of a working day. */
  readonly dayMinutes: number;
}

/** `HH:mm` → minutes of the day, or null. `24:00` is allowed as an end. @internal */
export function parseHhMm(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** Applies the defaults of `BusinessCalendar`. @internal */
export function resolveCalendar(cal: BusinessCalendar = {}): ResolvedCalendar {
  const periods = (cal.hours ?? DEFAULT_CALENDAR.hours)
    .map(([a, b]) => [parseHhMm(a), parseHhMm(b)] as const)
    .filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null && p[1] > p[0]);
  return {
    timezone: cal.timezone ?? DEFAULT_CALENDAR.timezone,
    workdays: new Set(cal.workdays ?? DEFAULT_CALENDAR.workdays),
    periods,
    holidays: new Set(cal.holidays ?? []),
    extraWorkdays: new Set(cal.extraWorkdays ?? []),
    dayMinutes: periods.reduce((sum, [a, b]) => sum + (b - a), 0),
  };
}

/** Whether a local date is a working day: holidays win, then make-up days, then weekdays. @internal */
export function isWorkingDay(cal: ResolvedCalendar, date: Temporal.PlainDate): boolean {
  const iso = date.toString();
  if (cal.holidays.has(iso)) return false;
  if (cal.extraWorkdays.has(iso)) return true;
  return cal.workdays.has(date.dayOfWeek);
}

// A calendar without working time would loop forever: give up after ten years of days.
const MAX_DAYS = 3660;

/**
 * Adds `ms` of working time to an instant. A start outside working hours begins at the next
 * working period; a sum that ends exactly at a period's end ends there (18:00, not 09:00 next day).
 * Returns null when the calendar has no working time within ten years. @internal
 */
export function addWorkingMs(start: Temporal.Instant, ms: number, cal: ResolvedCalendar): Temporal.Instant | null {
  if (ms <= 0) return start;
  let remaining = ms;
  const zoned = start.toZonedDateTimeISO(cal.timezone);
  let date = zoned.toPlainDate();
  for (let i = 0; i < MAX_DAYS; i++, date = date.add({ days: 1 })) {
    if (!isWorkingDay(cal, date)) continue;
    for (const [from, to] of cal.periods) {
      const periodStart = at(date, from, cal.timezone);
      const periodEnd = at(date, to, cal.timezone);
      if (Temporal.Instant.compare(periodEnd, start) <= 0) continue;
      const begin = Temporal.Instant.compare(start, periodStart) > 0 ? start : periodStart;
      const available = periodEnd.epochMilliseconds - begin.epochMilliseconds;
      if (remaining <= available) return begin.add({ milliseconds: remaining });
      remaining -= available;
    }
  }
  return null;
}

function at(date: Temporal.PlainDate, minutes: number, timeZone: string): Temporal.Instant {
  // `24:00` is the next day's midnight; local times keep DST days right.
  const day = minutes >= 1440 ? date.add({ days: 1 }) : date;
  const m = minutes % 1440;
  const time = new Temporal.PlainTime(Math.floor(m / 60), m % 60);
  return day.toZonedDateTime({ timeZone, plainTime: time }).toInstant();
}
