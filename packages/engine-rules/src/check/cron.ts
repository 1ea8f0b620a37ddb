/** The five cron fields: name, lowest and highest value, accepted names (month / weekday). */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, extra: /^(?:L|\d{1,2}W|LW)$/ },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], extra: /^(?:[0-7]L|[0-7]#[1-5])$/ },
] as const;

/** A cron problem: the field count is wrong, or field `n` (1-based) is not valid. */
export type CronProblem = { readonly count: number } | { readonly n: number; readonly value: string; readonly name: string; readonly min: number; readonly max: number };

function valueOf(token: string, f: (typeof FIELDS)[number]): number | undefined {
  const names: readonly string[] | undefined = 'names' in f ? f.names : undefined;
  const byName = names?.indexOf(token.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + (f.min === 1 ? 1 : 0);
  if (!/^\d{1,2}$/.test(token)) return undefined;
  const n = Number(token);
  return n >= f.min && n <= f.max ? n : undefined;
}

function itemValid(item: string, f: (typeof FIELDS)[number]): boolean {
  if ('extra' in f && f.extra.test(item)) return true;
  const [range, step, more] = item.split('/');
  if (more !== undefined || range === undefined || range === '') return false;
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return false;
  if (range === '*' || range === '?') return range === '*' || f.name.startsWith('day');
  const [lo, hi, extra] = range.split('-');
  if (extra !== undefined) return false;
  const a = valueOf(lo!, f);
  if (a === undefined) return false;
  if (hi === undefined) return true;
  const b = valueOf(hi, f);
  return b !== undefined && a <= b;
}

/**
 * Checks a five-field cron expression (`m h dom mon dow`: numbers, `*`, ranges, steps, lists,
 * month and weekday names, `L`/`W`/`#`). Returns the first problem, or null.
 *
 * @example cronProblem('*\/10 * * * *') // null
 */
export function cronProblem(cron: string): CronProblem | null {
  const parts = cron.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5) return { count: parts.length };
  for (let i = 0; i < 5; i++) {
    const f = FIELDS[i]!;
    if (!parts[i]!.split(',').every((item) => itemValid(item, f))) return { n: i + 1, value: parts[i]!, name: f.name, min: f.min, max: f.max };
  }
  return null;
}

/** Whether `tz` is a time zone the platform knows (IANA name such as `Asia/Shanghai`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.trim() !== '';
  } catch {
    return false;
  }
}
