import type { Resolved } from '../paths/scope.js';
import { dayStart, isDay } from '../params/time-zone.js';

/** Longest text value bound in a filter. */
export const MAX_TEXT_VALUE = 1000;

/**
 * A value checked against a resolved field and normalised for binding (datetimes as UTC ISO; a
 * bare day on a datetime field means the day's start in the report's zone). `undefined` = does
 * not fit. `checkOptions` refuses select values that are not options (definitions, not params).
 * @internal
 */
export function fitValue(r: Resolved, v: unknown, timeZone: string, checkOptions = true): unknown {
  switch (r.valueType) {
    case 'number':
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'relation':
      return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'date':
      if (isDay(v)) return v;
      return typeof v === 'string' && isDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)) ? v.slice(0, 10) : undefined;
    case 'datetime':
      if (isDay(v)) return dayStart(v, timeZone);
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;
    case 'select':
      if (typeof v !== 'string' || v.length > MAX_TEXT_VALUE) return undefined;
      if (checkOptions && r.field && (r.field.type === 'select' || r.field.type === 'multiselect') && !r.field.options.some((o) => o.value === v)) return undefined;
      return v;
    default:
      return typeof v === 'string' && v.length <= MAX_TEXT_VALUE ? v : undefined;
  }
}

/** A short description of the expected value, for messages. @internal */
export function expected(r: Resolved): { 'zh-CN': string; en: string } {
  switch (r.valueType) {
    case 'number':
      return { 'zh-CN': '数字', en: 'a number' };
    case 'money':
      return { 'zh-CN': '整数分', en: 'an amount in fen' };
    case 'relation':
      return { 'zh-CN': '记录 ID（正整数）', en: 'a record id (positive integer)' };
    case 'boolean':
      return { 'zh-CN': 'true 或 false', en: 'true or false' };
    case 'date':
      return { 'zh-CN': '日期 YYYY-MM-DD', en: 'a date YYYY-MM-DD' };
    case 'datetime':
      return { 'zh-CN': 'ISO 时间或日期', en: 'an ISO date-time or date' };
    case 'select':
      return { 'zh-CN': '选项值', en: 'an option value' };
    default:
      return { 'zh-CN': `不超过 ${MAX_TEXT_VALUE} 个字符的文本`, en: `a text of at most ${MAX_TEXT_VALUE} characters` };
  }
}
