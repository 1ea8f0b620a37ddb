/**
 * Calendar arithmetic on `YYYY-MM-DD` days and their start instants in an IANA time zone, with
 * Intl only (no dependency, runs in the browser). Days are civil dates; a day's start in a zone
 * is found by correcting a UTC guess with the zone's offset (twice, for DST edges).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `tz` is an IANA zone this runtime knows. */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '' || tz.length > 64) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Whether `s` is a real calendar day `YYYY-MM-DD`. */
export function isDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));

/** `day` + n days. */
export const addDays = (day: string, n: number): string => toDay(dayMs(day) + n * 86_400_000);

/** `day` + n months (day of month clamped; used on month starts). */
export function addMonths(day: string, n: number): string {
  const y = +day.slice(0, 4);
  const m = +day.slice(5, 7) - 1 + n;
  return toDay(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, +day.slice(8, 10)));
}

/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string): number => Math.round((dayMs(b) - dayMs(a)) / 86_400_000);

/** ISO weekday (1 = Monday … 7 = Sunday). */
export const isoWeekday = (day: string): number => ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;

function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return local - Math.floor(instant / 1000) * 1000;
}

/** The civil day of an instant in a zone. */
export function dayIn(instant: string | number | Date, timeZone: string): string {
  const ms = new Date(instant).getTime();
  return toDay(ms + offsetMs(ms, timeZone));
}

/** The instant (ISO, UTC) a civil day starts in a zone. */
export function dayStart(day: string, timeZone: string): string {
  const guess = dayMs(day);
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t).toISOString();
}
