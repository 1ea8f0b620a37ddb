import type { Catalog, CompileOptions } from '../catalog.js';
import { ReportError } from '../errors.js';
import type { ResolvedParam } from '../model.js';
import { resolveParams, timeZoneOf } from '../params/resolve-params.js';
import { isId } from '../sql/ident.js';
import { bi } from '../text.js';
import { VISUAL_TYPES, type ReportDefinition } from '../types.js';
import { fail, type CompileContext } from './context.js';

/** Report limits (validateReport checks them too). */
export const LIMITS = { dimensions: 5, measures: 20, rows: 10_000, defaultRows: 1000, topN: 1000, treeDepth: 10, defaultTreeDepth: 5 } as const;

/**
 * Checks the shape the compiler relies on, resolves parameters and the time zone: the context
 * every compile step reads. Errors carry the caller's locale. @internal
 */
export function prepare(def: ReportDefinition, catalog: Catalog, opts: CompileOptions, override?: Record<string, ResolvedParam>): CompileContext {
  const locale = opts.locale === 'en' ? 'en' : 'zh-CN';
  const base = { locale } as const;
  const bad = (path: string, zh: string, en: string): never => fail(base, 'REPORT_DEFINITION_INVALID', path, bi(zh, en));
  if (!def || typeof def !== 'object') return bad('', '报表定义应为对象', 'A report definition is an object');
  if (!def.dataset || typeof def.dataset !== 'object' || typeof def.dataset.form !== 'string') return bad('/dataset/form', '缺少 dataset.form', 'dataset.form is missing');
  if (!Array.isArray(def.dimensions)) return bad('/dimensions', 'dimensions 应为数组', 'dimensions is an array');
  if (!Array.isArray(def.measures)) return bad('/measures', 'measures 应为数组', 'measures is an array');
  if (!def.visual || !(VISUAL_TYPES as readonly string[]).includes(def.visual.type)) return bad('/visual/type', '未知图表类型', 'Unknown visual type');
  if (def.params !== undefined && !Array.isArray(def.params)) return bad('/params', 'params 应为数组', 'params is an array');
  for (const k of ['columns', 'filters'] as const) if (def.dataset[k] !== undefined && !Array.isArray(def.dataset[k])) bad(`/dataset/${k}`, `${k} 应为数组`, `${k} is an array`);
  const objects = (list: readonly unknown[], at: string) =>
    list.forEach((x, i) => {
      if (!x || typeof x !== 'object' || Array.isArray(x)) bad(`${at}/${i}`, '应为对象', 'must be an object');
    });
  objects(def.dimensions, '/dimensions');
  objects(def.measures, '/measures');
  objects(def.params ?? [], '/params');
  objects(def.dataset.columns ?? [], '/dataset/columns');
  if (def.dimensions.length > LIMITS.dimensions) fail(base, 'REPORT_LIMIT_EXCEEDED', '/dimensions', bi(`最多 ${LIMITS.dimensions} 个维度`, `At most ${LIMITS.dimensions} dimensions`));
  if (def.measures.length > LIMITS.measures) fail(base, 'REPORT_LIMIT_EXCEEDED', '/measures', bi(`最多 ${LIMITS.measures} 个指标`, `At most ${LIMITS.measures} measures`));
  const seen = new Map<string, string>();
  const claim = (id: unknown, path: string) => {
    if (!isId(id)) return bad(path, `标识 "${String(id)}" 无效（字母开头，字母数字下划线，不含 "__"）`, `Invalid id "${String(id)}" (a letter, then letters, digits, _; no "__")`);
    if (seen.has(id)) fail(base, 'REPORT_ID_DUPLICATE', path, bi(`标识 "${id}" 重复（另见 ${seen.get(id)}）`, `Duplicate id "${id}" (also at ${seen.get(id)})`), { id });
    seen.set(id, path);
  };
  def.dimensions.forEach((d, i) => claim(d?.id, `/dimensions/${i}/id`));
  def.measures.forEach((m, i) => claim(m?.id, `/measures/${i}/id`));
  const colIds = new Set<string>();
  (def.dataset.columns ?? []).forEach((c, i) => {
    if (!isId(c?.id)) return bad(`/dataset/columns/${i}/id`, '计算列 id 无效', 'Invalid column id');
    if (colIds.has(c.id)) fail(base, 'REPORT_ID_DUPLICATE', `/dataset/columns/${i}/id`, bi(`计算列 "${c.id}" 重复`, `Duplicate column "${c.id}"`), { id: c.id });
    colIds.add(c.id);
  });
  const paramKeys = new Set<string>();
  (def.params ?? []).forEach((p, i) => {
    if (!isId(p?.key)) return bad(`/params/${i}/key`, '参数 key 无效', 'Invalid parameter key');
    if (paramKeys.has(p.key)) fail(base, 'REPORT_ID_DUPLICATE', `/params/${i}/key`, bi(`参数 "${p.key}" 重复`, `Duplicate parameter "${p.key}"`), { id: p.key });
    paramKeys.add(p.key);
  });
  let timeZone: string;
  let params: Record<string, ResolvedParam>;
  try {
    timeZone = timeZoneOf(def);
    params = { ...resolveParams(def, opts.params ?? {}, opts.now), ...override };
  } catch (e) {
    throw e instanceof ReportError ? e.localized(locale) : e;
  }
  return { catalog, params, declared: def.params ?? [], timeZone, locale, ...(opts.rowFilter ? { rowFilter: opts.rowFilter } : {}), ...(opts.fieldFilter ? { fieldFilter: opts.fieldFilter } : {}) };
}
