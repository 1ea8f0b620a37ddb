import type { DateRange } from '../model.js';
import { DATE_RANGE_PRESETS, type DateRangePreset } from '../types.js';
import { addDays, addMonths, dayIn, dayStart, daysBetween, isDay } from './time-zone.js';

/** Builds a range from its first day and the day after its last. */
export function rangeOfDays(fromDate: string, toDate: string, timeZone: string): DateRange {
  return { from: dayStart(fromDate, timeZone), to: dayStart(toDate, timeZone), fromDate, toDate, days: daysBetween(fromDate, toDate) };
}

/**
 * A date_range value → its days in `timeZone` against `now`: a preset, or `YYYY-MM-DD..YYYY-MM-DD`
 * (inclusive) → half-open `[from, to + 1 day)`. `all` → null (no restriction); unparseable → undefined.
 * `last_N_days` end with today; `this_*` cover the whole calendar period.
 */
export function parseDateRange(value: string, now: string, timeZone: string): DateRange | null | undefined {
  if ((DATE_RANGE_PRESETS as readonly string[]).includes(value)) return presetRange(value as DateRangePreset, now, timeZone);
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!m || !isDay(m[1]) || !isDay(m[2]) || m[1]! > m[2]!) return undefined;
  return rangeOfDays(m[1]!, addDays(m[2]!, 1), timeZone);
}

function presetRange(preset: DateRangePreset, now: string, timeZone: string): DateRange | null {
  const today = dayIn(now, timeZone);
  const month = `${today.slice(0, 7)}-01`;
  const quarter = `${today.slice(0, 4)}-${String(Math.floor((+today.slice(5, 7) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const year = `${today.slice(0, 4)}-01-01`;
  const r = (from: string, to: string) => rangeOfDays(from, to, timeZone);
  switch (preset) {
    case 'today':
      return r(today, addDays(today, 1));
    case 'last_7_days':
      return r(addDays(today, -6), addDays(today, 1));
    case 'last_30_days':
      return r(addDays(today, -29), addDays(today, 1));
    case 'last_90_days':
      return r(addDays(today, -89), addDays(today, 1));
    case 'this_month':
      return r(month, addMonths(month, 1));
    case 'last_month':
      return r(addMonths(month, -1), month);
    case 'this_quarter':
      return r(quarter, addMonths(quarter, 3));
    case 'this_year':
      return r(year, addMonths(year, 12));
    case 'all':
      return null;
  }
}

/** The previous period of equal length: `[from − days, from)`. */
export function previousRange(range: DateRange, timeZone: string): DateRange {
  return rangeOfDays(addDays(range.fromDate, -range.days), range.fromDate, timeZone);
}
