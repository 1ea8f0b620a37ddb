import type { FormDefinition, Locale } from '@kiln/engine-forms';
import { DEFAULT_TIME_ZONE, type CompileContext } from '../compile/context.js';
import { checkDimension } from '../compile/dimensions.js';
import { compileExpr } from '../compile/expr.js';
import { compileFilter } from '../compile/filters.js';
import { compileMeasures } from '../compile/measures.js';
import { dependencies, isDerived, whenOn } from '../compile/plan.js';
import { LIMITS } from '../compile/prepare.js';
import type { ReportProblem } from '../model.js';
import { resolveParam } from '../params/resolve-params.js';
import { isTimeZone } from '../params/time-zone.js';
import { Scope } from '../paths/scope.js';
import { syntheticCatalog } from '../paths/synthetic.js';
import { isId } from '../sql/ident.js';
import { bi } from '../text.js';
import { AGGREGATES, DERIVED, PARAM_TYPES, VALUE_FORMATS, VISUAL_TYPES, type Measure, type Param, type ReportDefinition } from '../types.js';
import { checkVisual } from './check-visual.js';
import { Problems } from './problems.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const KEY = /^[a-z][a-z0-9_]{0,62}$/;
/** A fixed clock for checking defaults (presets resolve against any instant). */
const CHECK_NOW = '2024-01-15T00:00:00Z';

/**
 * Checks a report definition for publishing: its shape, every field path against the forms,
 * aggregates against field types, unique ids, derived measures (existing, acyclic), sort / topN /
 * pivot / drill references, declared parameters and their defaults, what each visual needs,
 * and the limits (≤ 5 dimensions, ≤ 20 measures, limit ≤ 10000). Returns every problem found
 * (empty = valid), each with a JSON pointer into the definition and a message in `ctx.locale`.
 */
export function validateReport(def: unknown, ctx: { forms: Record<string, FormDefinition>; locale?: Locale }): ReportProblem[] {
  const locale: Locale = ctx.locale === 'en' ? 'en' : 'zh-CN';
  const p = new Problems(locale);
  const shape = (path: string, zh: string, en: string) => p.add('REPORT_DEFINITION_INVALID', path, bi(zh, en));
  if (!isObj(def)) {
    shape('', '报表定义应为对象', 'A report definition is an object');
    return p.all;
  }
  const d = def as unknown as ReportDefinition;
  if (typeof d.key !== 'string' || !KEY.test(d.key)) shape('/key', 'key 应为小写字母开头的标识', 'key is a lower-case identifier');
  if (!(typeof d.name === 'string' ? d.name : isObj(d.name) ? d.name['zh-CN'] ?? d.name.en : '')) shape('/name', '缺少名称', 'name is missing');
  if (!isObj(d.dataset) || typeof d.dataset.form !== 'string') shape('/dataset/form', '缺少 dataset.form', 'dataset.form is missing');
  if (!Array.isArray(d.dimensions)) shape('/dimensions', 'dimensions 应为数组', 'dimensions is an array');
  if (!Array.isArray(d.measures)) shape('/measures', 'measures 应为数组', 'measures is an array');
  if (!isObj(d.visual) || !(VISUAL_TYPES as readonly string[]).includes(d.visual.type as string)) shape('/visual/type', `图表类型应为 ${VISUAL_TYPES.join('/')}`, `visual.type is one of ${VISUAL_TYPES.join(', ')}`);
  for (const k of ['params', 'sort'] as const) if (d[k] !== undefined && !Array.isArray(d[k])) shape(`/${k}`, `${k} 应为数组`, `${k} is an array`);
  if (d.timeZone !== undefined && !isTimeZone(d.timeZone)) shape('/timeZone', '时区无效', 'Unknown IANA time zone');
  if (p.all.some((x) => ['', '/dataset/form', '/dimensions', '/measures', '/visual/type', '/params', '/sort'].includes(x.path))) return p.all;
  if (!d.dimensions.every(isObj)) shape('/dimensions', '每个维度应为对象', 'Every dimension is an object');
  if (!d.measures.every(isObj)) shape('/measures', '每个指标应为对象', 'Every measure is an object');
  if (!(d.params ?? []).every(isObj)) shape('/params', '每个参数应为对象', 'Every parameter is an object');
  if (p.all.length && p.all.some((x) => x.code === 'REPORT_DEFINITION_INVALID' && ['/dimensions', '/measures', '/params'].includes(x.path))) return p.all;

  checkLimits(d, p);
  checkIds(d, p);
  const params = checkParams(d, ctx.forms, p);

  const form = ctx.forms[d.dataset.form];
  if (!form) {
    p.add('REPORT_FORM_UNKNOWN', '/dataset/form', bi(`表单 "${d.dataset.form}" 不存在`, `Unknown form "${d.dataset.form}"`));
    return p.all;
  }
  const cctx: CompileContext = { catalog: syntheticCatalog(ctx.forms), params: {}, declared: params, timeZone: isTimeZone(d.timeZone) ? d.timeZone : DEFAULT_TIME_ZONE, locale };
  let scope: Scope;
  try {
    scope = new Scope(cctx, { form: d.dataset.form, alias: 't', joinPrefix: 'j', ...(d.dataset.unnest !== undefined ? { unnest: d.dataset.unnest } : {}), ...(Array.isArray(d.dataset.columns) ? { columns: d.dataset.columns } : {}), columnsAt: '/dataset/columns' }, '/dataset/form');
  } catch {
    p.add('REPORT_FORM_UNKNOWN', '/dataset/form', bi(`表单 "${d.dataset.form}" 不存在`, `Unknown form "${d.dataset.form}"`));
    return p.all;
  }
  if (d.dataset.unnest !== undefined) {
    const sub = form.fields.find((f) => f.key === d.dataset.unnest);
    if (!sub || sub.type !== 'subtable') p.add('REPORT_FIELD_UNKNOWN', '/dataset/unnest', bi(`"${String(d.dataset.unnest)}" 不是子表字段`, `"${String(d.dataset.unnest)}" is not a sub-table field`));
  }
  (Array.isArray(d.dataset.columns) ? d.dataset.columns : []).forEach((c, i) => {
    const at = `/dataset/columns/${i}`;
    if (!isObj(c) || (c.kind !== 'expr' && c.kind !== 'rollup')) return shape(`${at}/kind`, 'kind 应为 expr 或 rollup', 'kind is expr or rollup');
    if (c.format !== undefined && !(VALUE_FORMATS as readonly unknown[]).includes(c.format)) shape(`${at}/format`, '未知格式', 'Unknown format');
    p.run(at, () => {
      if (c.kind === 'expr') compileExpr(scope, c.expr, `${at}/expr`);
      scope.resolve(`$${c.id}`, at);
    });
  });
  if (d.dataset.filters !== undefined && !Array.isArray(d.dataset.filters)) shape('/dataset/filters', 'filters 应为数组', 'filters is an array');
  (Array.isArray(d.dataset.filters) ? d.dataset.filters : []).forEach((f, i) => p.run(`/dataset/filters/${i}`, () => void compileFilter(scope, f, `/dataset/filters/${i}`)));

  d.dimensions.forEach((dim, i) => {
    p.run(`/dimensions/${i}`, () => {
      whenOn(cctx, dim.when, `/dimensions/${i}/when`);
      checkDimension(scope, dim, `/dimensions/${i}`);
    });
  });
  checkMeasures(d, scope, cctx, p);
  checkSortTopDrill(d, p);
  checkVisual(d, scope, params, p);
  return p.all;
}

function checkLimits(d: ReportDefinition, p: Problems): void {
  const lim = (path: string, zh: string, en: string) => p.add('REPORT_LIMIT_EXCEEDED', path, bi(zh, en));
  if (d.dimensions.length > LIMITS.dimensions) lim('/dimensions', `最多 ${LIMITS.dimensions} 个维度`, `At most ${LIMITS.dimensions} dimensions`);
  if (d.measures.length > LIMITS.measures) lim('/measures', `最多 ${LIMITS.measures} 个指标`, `At most ${LIMITS.measures} measures`);
  if (d.limit !== undefined && (!Number.isInteger(d.limit) || d.limit < 1 || d.limit > LIMITS.rows)) lim('/limit', `limit 应为 1–${LIMITS.rows} 的整数`, `limit is an integer 1–${LIMITS.rows}`);
}

function checkIds(d: ReportDefinition, p: Problems): void {
  const seen = new Map<string, string>();
  const claim = (id: unknown, path: string, what: string) => {
    if (!isId(id)) return p.add('REPORT_DEFINITION_INVALID', path, bi(`${what} id "${String(id)}" 无效（字母开头，字母数字下划线，不含 "__"）`, `Invalid ${what} id "${String(id)}" (a letter, then letters, digits, _; no "__")`));
    if (seen.has(id)) return p.add('REPORT_ID_DUPLICATE', path, bi(`标识 "${id}" 重复（另见 ${seen.get(id)}）`, `Duplicate id "${id}" (also at ${seen.get(id)})`));
    seen.set(id, path);
  };
  d.dimensions.forEach((x, i) => claim(x.id, `/dimensions/${i}/id`, 'dimension'));
  d.measures.forEach((x, i) => claim(x.id, `/measures/${i}/id`, 'measure'));
  const cols = new Map<string, string>();
  (Array.isArray(d.dataset.columns) ? d.dataset.columns : []).forEach((c, i) => {
    const path = `/dataset/columns/${i}/id`;
    if (!isObj(c) || !isId(c.id)) return p.add('REPORT_DEFINITION_INVALID', path, bi('计算列 id 无效', 'Invalid column id'));
    if (cols.has(c.id)) return p.add('REPORT_ID_DUPLICATE', path, bi(`计算列 "${c.id}" 重复`, `Duplicate column "${c.id}"`));
    cols.set(c.id, path);
  });
}

function checkParams(d: ReportDefinition, forms: Record<string, FormDefinition>, p: Problems): Param[] {
  const keys = new Set<string>();
  const ok: Param[] = [];
  (d.params ?? []).forEach((param, i) => {
    const at = `/params/${i}`;
    if (!isId(param.key)) return p.add('REPORT_DEFINITION_INVALID', `${at}/key`, bi('参数 key 无效', 'Invalid parameter key'));
    if (keys.has(param.key)) return p.add('REPORT_ID_DUPLICATE', `${at}/key`, bi(`参数 "${param.key}" 重复`, `Duplicate parameter "${param.key}"`));
    keys.add(param.key);
    if (!(PARAM_TYPES as readonly string[]).includes(param.type)) return p.add('REPORT_DEFINITION_INVALID', `${at}/type`, bi('未知参数类型', `type is one of ${PARAM_TYPES.join(', ')}`));
    ok.push(param);
    if ((param.type === 'select' || param.type === 'choice') && (!Array.isArray(param.options) || !param.options.length || !param.options.every((o) => isObj(o) && typeof o.value === 'string'))) {
      p.add('REPORT_DEFINITION_INVALID', `${at}/options`, bi('select/choice 参数需要选项', 'select/choice parameters need options'));
    }
    if (param.type === 'relation' && param.form !== undefined && !forms[param.form]) p.add('REPORT_FORM_UNKNOWN', `${at}/form`, bi(`表单 "${param.form}" 不存在`, `Unknown form "${param.form}"`));
    if (param.default !== undefined && param.default !== null && param.default !== '') {
      p.run(`${at}/default`, () => {
        try {
          resolveParam(param, param.default, CHECK_NOW, DEFAULT_TIME_ZONE);
        } catch (e) {
          p.add('REPORT_PARAM_INVALID', `${at}/default`, (e as { messages?: { 'zh-CN': string; en: string } }).messages ?? bi('默认值无效', 'Invalid default'));
        }
      });
    }
  });
  return ok;
}

function checkMeasures(d: ReportDefinition, scope: Scope, cctx: CompileContext, p: Problems): void {
  const ids = new Set(d.measures.map((m) => m.id));
  d.measures.forEach((m, i) => {
    const at = `/measures/${i}`;
    if (![...AGGREGATES, ...DERIVED].includes(m.agg as never)) return p.add('REPORT_MEASURE_INVALID', `${at}/agg`, bi(`未知聚合 "${String(m.agg)}"`, `agg is one of ${[...AGGREGATES, ...DERIVED].join(', ')}`));
    if (isDerived(m)) {
      for (const [k, v] of [['num', m.num], ['den', m.den], ['of', m.of]] as const) {
        if (v !== undefined && !ids.has(v)) p.add('REPORT_MEASURE_INVALID', `${at}/${k}`, bi(`指标 "${v}" 不存在`, `Measure "${v}" does not exist`));
      }
    }
    p.run(at, () => {
      whenOn(cctx, m.when, `${at}/when`);
      compileMeasures(scope, [{ m, index: i, visible: true }], d.measures);
    });
  });
  // Cycles among derived measures (compileMeasures reports them too, at the first measure met).
  const byId = new Map(d.measures.map((m) => [m.id, m] as const));
  const state = new Map<string, 1 | 2>();
  const visit = (m: Measure, trail: string[]): void => {
    if (state.get(m.id) === 2) return;
    if (state.get(m.id) === 1) {
      p.add('REPORT_MEASURE_INVALID', `/measures/${d.measures.indexOf(m)}`, bi(`指标循环引用：${[...trail, m.id].join(' → ')}`, `Measures refer to each other in a cycle: ${[...trail, m.id].join(' → ')}`));
      return;
    }
    state.set(m.id, 1);
    for (const dep of dependencies(m)) {
      const x = byId.get(dep);
      if (x) visit(x, [...trail, m.id]);
    }
    state.set(m.id, 2);
  };
  d.measures.forEach((m) => visit(m, []));
}

function checkSortTopDrill(d: ReportDefinition, p: Problems): void {
  const dims = new Set(d.dimensions.map((x) => x.id));
  const measures = new Set(d.measures.map((x) => x.id));
  (d.sort ?? []).forEach((s, i) => {
    if (!isObj(s) || (!dims.has(s.by) && !measures.has(s.by))) p.add('REPORT_SORT_INVALID', `/sort/${i}/by`, bi(`排序字段 "${String(s?.by)}" 不是报表的维度或指标`, `Sort key "${String(s?.by)}" is not a dimension or measure of the report`));
  });
  if (d.topN !== undefined) {
    const t = d.topN;
    const top = (path: string, zh: string, en: string) => p.add('REPORT_TOPN_INVALID', path, bi(zh, en));
    if (!isObj(t)) top('/topN', 'topN 应为对象', 'topN is an object');
    else {
      if (!d.dimensions.length) top('/topN', 'topN 需要至少一个维度', 'topN needs a dimension');
      if (!Number.isInteger(t.n) || t.n < 1 || t.n > LIMITS.topN) top('/topN/n', `n 应为 1–${LIMITS.topN} 的整数`, `n is an integer 1–${LIMITS.topN}`);
      const by = d.measures.find((m) => m.id === t.by);
      if (!by || isDerived(by)) top('/topN/by', 'topN.by 应为聚合指标的 id', 'topN.by names an aggregate measure');
      else if (by.agg === 'count_distinct' && d.dimensions.length > 1) top('/topN/by', '多个维度时不能按去重数取前 N', 'With several dimensions, topN cannot rank by a distinct count');
    }
  }
  if (d.drill !== undefined) {
    if (!isObj(d.drill)) return p.add('REPORT_DRILL_INVALID', '/drill', bi('drill 应为对象', 'drill is an object'));
    if (d.drill.records !== undefined && typeof d.drill.records !== 'boolean') p.add('REPORT_DEFINITION_INVALID', '/drill/records', bi('records 应为布尔值', 'records is a boolean'));
    const path = d.drill.path ?? [];
    if (!Array.isArray(path)) return p.add('REPORT_DEFINITION_INVALID', '/drill/path', bi('path 应为数组', 'path is an array'));
    path.forEach((id, i) => {
      if (!dims.has(id)) p.add('REPORT_DRILL_INVALID', `/drill/path/${i}`, bi(`下钻路径中的 "${String(id)}" 不是报表的维度`, `Drill path entry "${String(id)}" is not a dimension of the report`));
      else if (path.indexOf(id) !== i) p.add('REPORT_DRILL_INVALID', `/drill/path/${i}`, bi(`"${id}" 在下钻路径中重复`, `"${id}" appears twice in the drill path`));
    });
  }
}

