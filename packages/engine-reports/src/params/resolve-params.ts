import { DEFAULT_TIME_ZONE } from '../compile/context.js';
import { ReportError } from '../errors.js';
import type { ResolvedParam } from '../model.js';
import { isId } from '../sql/ident.js';
import { bi, type Bilingual } from '../text.js';
import type { Param, ReportDefinition } from '../types.js';
import { parseDateRange } from './date-range.js';
import { isTimeZone } from './time-zone.js';

/** Longest text parameter value. */
export const MAX_TEXT_PARAM = 200;

const invalid = (key: string, m: Bilingual, details?: Record<string, unknown>): never => {
  throw new ReportError('REPORT_PARAM_INVALID', m, { path: `/params/${key}`, details: { param: key, ...details } });
};

/** The report's time zone (validated; REPORT_DEFINITION_INVALID otherwise). @internal */
export function timeZoneOf(def: Pick<ReportDefinition, 'timeZone'>): string {
  const tz = def.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(tz)) throw new ReportError('REPORT_DEFINITION_INVALID', bi(`时区 "${String(tz)}" 无效`, `Unknown time zone "${String(tz)}"`), { path: '/timeZone' });
  return tz;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** One parameter value → its resolved form (throws REPORT_PARAM_INVALID). @internal */
export function resolveParam(p: Param, value: unknown, now: string, timeZone: string): ResolvedParam {
  const key = p.key;
  switch (p.type) {
    case 'date_range': {
      if (typeof value !== 'string') return invalid(key, bi('日期范围应为预设值或 YYYY-MM-DD..YYYY-MM-DD', 'A date range is a preset or YYYY-MM-DD..YYYY-MM-DD'));
      const range = parseDateRange(value.trim(), now, timeZone);
      if (range === undefined) return invalid(key, bi(`日期范围 "${value.slice(0, 50)}" 无效`, `Invalid date range "${value.slice(0, 50)}"`), { value: value.slice(0, 50) });
      return range ? { type: 'date_range', raw: value.trim(), range } : { type: 'date_range', raw: value.trim() };
    }
    case 'select':
    case 'choice': {
      const v = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      if (typeof v !== 'string' || v.length > MAX_TEXT_PARAM) return invalid(key, bi('参数值应为文本', 'The value must be a string'));
      if (Array.isArray(p.options) && p.options.length && !p.options.some((o) => o?.value === v)) {
        return invalid(key, bi(`"${v.slice(0, 50)}" 不是可选值`, `"${v.slice(0, 50)}" is not one of the options`), { allowed: p.options.map((o) => o?.value) });
      }
      return { type: p.type, value: v };
    }
    case 'text': {
      const v = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      if (typeof v !== 'string' || v.length > MAX_TEXT_PARAM) return invalid(key, bi(`文本最多 ${MAX_TEXT_PARAM} 个字符`, `Text is at most ${MAX_TEXT_PARAM} characters`));
      return { type: 'text', value: v };
    }
    case 'number': {
      const n = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return invalid(key, bi('参数值应为数字', 'The value must be a finite number'));
      return { type: 'number', value: n };
    }
    case 'relation': {
      const n = typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return invalid(key, bi('参数值应为记录 ID（正整数）', 'The value must be a record id (a positive integer)'));
      return { type: 'relation', value: n };
    }
    default:
      return invalid(key, bi('参数类型未知', 'Unknown parameter type'));
  }
}

/**
 * Validates and resolves the viewer's parameter values (query-string strings or JSON values) for
 * a report: defaults fill missing values, `date_range` presets resolve in the report's time zone
 * against `now`. Parameters without a value and default are left out (their filters are skipped);
 * unknown keys are ignored (dashboards pass their shared filters to every report).
 *
 * @throws ReportError REPORT_PARAM_INVALID with path `/params/<key>`.
 * @example
 * resolveParams(def, { range: 'last_7_days', channel: 'douyin' }, '2024-05-20T02:00:00Z').range
 * // { type: 'date_range', raw: 'last_7_days', range: { fromDate: '2024-05-14', toDate: '2024-05-21', … } }
 */
export function resolveParams(def: ReportDefinition, raw: Record<string, unknown>, now: string): Record<string, ResolvedParam> {
  const tz = timeZoneOf(def);
  const out: Record<string, ResolvedParam> = {};
  const given = raw && typeof raw === 'object' ? raw : {};
  for (const [i, p] of (def.params ?? []).entries()) {
    if (!isId(p.key)) throw new ReportError('REPORT_DEFINITION_INVALID', bi('参数 key 无效', 'Invalid parameter key'), { path: `/params/${i}/key` });
    const value = Object.prototype.hasOwnProperty.call(given, p.key) ? given[p.key] : undefined;
    const v = isBlank(value) ? p.default : value;
    if (isBlank(v)) {
      if (p.required) invalid(p.key, bi('缺少必填参数', 'The parameter is required'));
      continue;
    }
    out[p.key] = resolveParam(p, v, now, tz);
  }
  return out;
}
