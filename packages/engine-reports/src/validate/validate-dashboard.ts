import type { Locale } from '@kiln/engine-forms';
import { DEFAULT_TIME_ZONE } from '../compile/context.js';
import type { ReportProblem } from '../model.js';
import { resolveParam } from '../params/resolve-params.js';
import { isId } from '../sql/ident.js';
import { bi } from '../text.js';
import { PARAM_TYPES, type DashboardDefinition, type Param, type ReportDefinition } from '../types.js';
import { Problems } from './problems.js';

/** Grid columns of a dashboard (react-grid-layout). */
export const GRID_COLUMNS = 12;
/** Shortest auto-refresh interval. */
export const MIN_REFRESH_SECONDS = 5;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number): v is number => Number.isInteger(v) && (v as number) >= min;

/**
 * Checks a dashboard for publishing: items with unique ids, a report that exists and a position
 * inside the 12-column grid; shared filters with unique params that at least one placed report
 * declares with the same type (and a valid default); refreshSeconds 0 or ≥ 5.
 */
export function validateDashboard(def: unknown, ctx: { reports: Record<string, ReportDefinition>; locale?: Locale }): ReportProblem[] {
  const p = new Problems(ctx.locale === 'en' ? 'en' : 'zh-CN');
  const bad = (path: string, zh: string, en: string) => p.add('REPORT_DASHBOARD_INVALID', path, bi(zh, en));
  if (!isObj(def)) {
    bad('', '仪表盘定义应为对象', 'A dashboard definition is an object');
    return p.all;
  }
  const d = def as unknown as DashboardDefinition;
  if (typeof d.key !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(d.key)) bad('/key', 'key 应为小写字母开头的标识', 'key is a lower-case identifier');
  if (!d.name || (typeof d.name !== 'string' && !isObj(d.name))) bad('/name', '缺少名称', 'name is missing');
  if (!Array.isArray(d.items)) {
    bad('/items', 'items 应为数组', 'items is an array');
    return p.all;
  }
  const ids = new Set<string>();
  const placed: ReportDefinition[] = [];
  d.items.forEach((item, i) => {
    const at = `/items/${i}`;
    if (!isObj(item)) return bad(at, '项目应为对象', 'An item is an object');
    if (!isId(item.id)) bad(`${at}/id`, '项目 id 无效', 'Invalid item id');
    else if (ids.has(item.id)) p.add('REPORT_ID_DUPLICATE', `${at}/id`, bi(`项目 "${item.id}" 重复`, `Duplicate item "${item.id}"`));
    else ids.add(item.id);
    const report = typeof item.report === 'string' && Object.prototype.hasOwnProperty.call(ctx.reports, item.report) ? ctx.reports[item.report] : undefined;
    if (!report) p.add('REPORT_NOT_FOUND', `${at}/report`, bi(`报表 "${String(item.report)}" 不存在`, `No report "${String(item.report)}"`));
    else placed.push(report);
    if (!isInt(item.x, 0)) bad(`${at}/x`, 'x 应为非负整数', 'x is an integer ≥ 0');
    if (!isInt(item.y, 0)) bad(`${at}/y`, 'y 应为非负整数', 'y is an integer ≥ 0');
    if (!isInt(item.w, 1) || item.w > GRID_COLUMNS) bad(`${at}/w`, `w 应为 1–${GRID_COLUMNS}`, `w is 1–${GRID_COLUMNS}`);
    if (!isInt(item.h, 1)) bad(`${at}/h`, 'h 应为正整数', 'h is an integer ≥ 1');
    if (isInt(item.x, 0) && isInt(item.w, 1) && item.x + item.w > GRID_COLUMNS) bad(`${at}/w`, `超出 ${GRID_COLUMNS} 列网格`, `x + w exceeds the ${GRID_COLUMNS}-column grid`);
  });
  if (d.filters !== undefined && !Array.isArray(d.filters)) bad('/filters', 'filters 应为数组', 'filters is an array');
  const params = new Set<string>();
  (Array.isArray(d.filters) ? d.filters : []).forEach((f, i) => {
    const at = `/filters/${i}`;
    if (!isObj(f) || !isId(f.param)) return bad(`${at}/param`, '筛选参数 key 无效', 'Invalid filter param');
    if (params.has(f.param)) return p.add('REPORT_ID_DUPLICATE', `${at}/param`, bi(`筛选 "${f.param}" 重复`, `Duplicate filter "${f.param}"`));
    params.add(f.param);
    if (!(PARAM_TYPES as readonly unknown[]).includes(f.type)) return bad(`${at}/type`, '未知参数类型', `type is one of ${PARAM_TYPES.join(', ')}`);
    const declared = placed.flatMap((r) => (r.params ?? []).filter((x) => x.key === f.param));
    if (!declared.length) p.add('REPORT_PARAM_UNKNOWN', `${at}/param`, bi(`没有报表声明参数 "${f.param}"`, `No report on the dashboard declares the parameter "${f.param}"`));
    else if (declared.some((x) => x.type !== f.type)) bad(`${at}/type`, `报表中的参数 "${f.param}" 类型不同`, `A report declares "${f.param}" with another type`);
    if ((f.type === 'select' || f.type === 'choice') && (!Array.isArray(f.options) || !f.options.length)) bad(`${at}/options`, 'select/choice 筛选需要选项', 'select/choice filters need options');
    if (f.default !== undefined && f.default !== null && f.default !== '') {
      try {
        resolveParam({ key: f.param, label: f.label, type: f.type, ...(f.options ? { options: f.options } : {}) } as Param, f.default, '2024-01-15T00:00:00Z', DEFAULT_TIME_ZONE);
      } catch (e) {
        p.add('REPORT_PARAM_INVALID', `${at}/default`, (e as { messages?: { 'zh-CN': string; en: string } }).messages ?? bi('默认值无效', 'Invalid default'));
      }
    }
  });
  if (d.refreshSeconds !== undefined && d.refreshSeconds !== 0 && !(Number.isInteger(d.refreshSeconds) && d.refreshSeconds >= MIN_REFRESH_SECONDS)) {
    bad('/refreshSeconds', `刷新间隔应为 0 或至少 ${MIN_REFRESH_SECONDS} 秒`, `refreshSeconds is 0 or at least ${MIN_REFRESH_SECONDS}`);
  }
  return p.all;
}
