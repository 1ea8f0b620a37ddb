import { Temporal } from 'temporal-polyfill';
import { parseHhMm } from '../time/calendar.js';
import { isObject, type Problems } from './problems.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(s: unknown): boolean {
  if (typeof s !== 'string' || !DATE.test(s)) return false;
  try {
    Temporal.PlainDate.from(s, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Checks `def.calendar` (FLOW_INVALID with a path under `/calendar`). @internal */
export function checkCalendar(cal: unknown, p: Problems): void {
  const bad = (path: string, zh: string, en: string) => p.add('FLOW_INVALID', zh, en, { path: `/calendar${path}` });
  if (!isObject(cal)) return bad('', '工作日历应为对象', 'The calendar must be an object');
  if (cal.timezone !== undefined) {
    try {
      if (typeof cal.timezone !== 'string') throw new RangeError();
      Temporal.Now.instant().toZonedDateTimeISO(cal.timezone);
    } catch {
      bad('/timezone', `时区 “${String(cal.timezone)}” 无效，例如 Asia/Shanghai`, `Unknown time zone "${String(cal.timezone)}", e.g. Asia/Shanghai`);
    }
  }
  if (cal.workdays !== undefined && !(Array.isArray(cal.workdays) && cal.workdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7))) {
    bad('/workdays', '工作日应为 1–7 的列表（1 = 周一）', '`workdays` must be a list of 1–7 (1 = Monday)');
  }
  if (cal.hours !== undefined) {
    let last = -1;
    const ok = Array.isArray(cal.hours) && cal.hours.length > 0 && cal.hours.every((period) => {
      if (!Array.isArray(period) || period.length !== 2) return false;
      const [a, b] = [parseHhMm(period[0]), parseHhMm(period[1])];
      if (a === null || b === null || a < last || b <= a) return false;
      last = b;
      return true;
    });
    if (!ok) bad('/hours', '工作时段应为递增的 [“HH:mm”, “HH:mm”] 列表', '`hours` must be increasing ["HH:mm", "HH:mm"] periods');
  }
  for (const k of ['holidays', 'extraWorkdays'] as const) {
    const list = cal[k];
    if (list !== undefined && !(Array.isArray(list) && list.every(isDate))) bad(`/${k}`, `${k} 应为 YYYY-MM-DD 日期列表`, `\`${k}\` must be a list of YYYY-MM-DD dates`);
  }
  const noWorkdays = Array.isArray(cal.workdays) && cal.workdays.length === 0 && !(Array.isArray(cal.extraWorkdays) && cal.extraWorkdays.length > 0);
  if (noWorkdays) bad('/workdays', '日历没有任何工作日', 'The calendar has no working day');
}
