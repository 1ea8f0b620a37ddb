import type { CompiledQuery } from 'kysely';
import type { Catalog, CompileOptions } from '../catalog.js';
import { previousRange } from '../params/date-range.js';
import { compileSql } from '../sql/kysely.js';
import { bi, localized } from '../text.js';
import type { ReportDefinition, ResultColumn } from '../types.js';
import { fail, type CompileContext } from './context.js';
import type { DimensionMeta } from './dimensions.js';
import { groupedQuery } from './grouped-query.js';
import type { MeasureMeta } from './measures.js';
import { planReport } from './plan.js';
import { prepare } from './prepare.js';
import { compileTree, type TreeMeta } from './tree.js';

/**
 * A compiled report: the query (and the previous period's, for a KPI with compare), the result
 * columns, and what buildResult and a client click need. Plain data: it can be cached per
 * definition + parameters.
 */
export interface CompiledReport {
  readonly main: CompiledQuery;
  readonly previous?: CompiledQuery;
  readonly columns: readonly ResultColumn[];
  /** What a click does: pins `dimension` (the first visible one) and shows `next`, or opens the records. */
  readonly drill: { readonly dimension?: string; readonly next?: string; readonly records: boolean };
  readonly kind: 'grouped' | 'tree';
  /** Visible dimensions after `when` and drill steps, in result order. */
  readonly dimensions: readonly DimensionMeta[];
  /** Visible measures. */
  readonly measures: readonly MeasureMeta[];
  /** Rows shown; the query fetches one more to tell that the result was cut (`truncated`). */
  readonly limit?: number;
  /** topN with an "others" row: rows carry `kiln__others` (buildResult turns it into OTHERS_KEY). */
  readonly others: boolean;
  readonly timeZone: string;
  readonly tree?: TreeMeta;
}

/** The result columns of dimensions (each followed by its label column) and visible measures. @internal */
export function resultColumns(dims: readonly DimensionMeta[], measures: readonly MeasureMeta[], locale: CompileContext['locale']): ResultColumn[] {
  const cols: ResultColumn[] = [];
  for (const d of dims) {
    const label = localized(d.label, locale);
    cols.push({ key: d.id, label, role: 'dimension', ...(d.labelKey ? { labelKey: d.labelKey } : {}) });
    if (d.labelKey) cols.push({ key: d.labelKey, label, role: 'label' });
  }
  for (const m of measures) cols.push({ key: m.id, label: localized(m.label, locale), role: 'measure', ...(m.format ? { format: m.format } : {}) });
  return cols;
}

/**
 * Compiles a report definition to SQL for PostgreSQL / PGlite: every identifier from the catalog,
 * every value bound. Parameters are resolved against `opts.now`; drill steps pin dimensions;
 * `opts.rowFilter` restricts every table read.
 *
 * @throws ReportError (REPORT_FIELD_UNKNOWN, REPORT_PARAM_INVALID, REPORT_DRILL_INVALID, …)
 * @example
 * const c = compileReport(def, catalog, { now: new Date().toISOString(), params: { range: 'last_30_days' } });
 * const rows = (await pool.query(c.main.sql, [...c.main.parameters])).rows;
 * return buildResult(def, c, rows, undefined, { catalog, locale: 'zh-CN' });
 */
export function compileReport(def: ReportDefinition, catalog: Catalog, opts: CompileOptions): CompiledReport {
  const ctx = prepare(def, catalog, opts);
  if (def.visual.type === 'tree') return compileTree(def, ctx, opts);
  const plan = planReport(def, ctx, opts.drill);
  const built = groupedQuery(def, ctx, plan);
  const dims = built.dims.map((d) => d.meta);
  const measures = built.measures.filter((m) => m.meta.visible).map((m) => m.meta);
  let previous: CompiledQuery | undefined;
  const compare = def.visual.compare;
  if (compare !== undefined) {
    const decl = (def.params ?? []).find((p) => p.key === compare?.param);
    if (!decl || decl.type !== 'date_range') fail(ctx, 'REPORT_PARAM_UNKNOWN', '/visual/compare/param', bi('compare.param 应为已声明的日期范围参数', 'compare.param names a declared date_range parameter'), { param: compare?.param });
    const p = ctx.params[decl.key];
    if (def.visual.type === 'kpi' && p && p.type === 'date_range' && p.range) {
      const prevCtx = prepare(def, catalog, opts, { [decl.key]: { type: 'date_range', raw: p.raw, range: previousRange(p.range, ctx.timeZone) } });
      previous = compileSql(groupedQuery(def, prevCtx, planReport(def, prevCtx, opts.drill)).sql);
    }
  }
  return {
    main: compileSql(built.sql),
    ...(previous ? { previous } : {}),
    columns: resultColumns(dims, measures, ctx.locale),
    drill: plan.drill,
    kind: 'grouped',
    dimensions: dims,
    measures,
    ...(built.limit !== undefined ? { limit: built.limit } : {}),
    others: built.others,
    timeZone: ctx.timeZone,
  };
}
