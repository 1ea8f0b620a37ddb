import { sql } from 'kysely';
import { Scope } from '../paths/scope.js';
import { list, type Sql } from '../sql/kysely.js';
import { bi } from '../text.js';
import type { ReportDefinition } from '../types.js';
import { fail, type CompileContext } from './context.js';
import { compileDimension, type DimensionSql } from './dimensions.js';
import { pinCondition } from './drill.js';
import { allOf, compileFilters, type Condition } from './filters.js';
import { compileMeasures, type MeasureSql } from './measures.js';
import type { Plan } from './plan.js';
import { LIMITS } from './prepare.js';
import { restrictRollups } from './restrict-rollups.js';
import { OTHERS, topNQuery } from './top-n.js';

/** The grouped query and what the result needs to know about it. @internal */
export interface GroupedQuery {
  readonly sql: Sql;
  readonly dims: readonly DimensionSql[];
  readonly measures: readonly MeasureSql[];
  readonly others: boolean;
  readonly limit?: number;
}

const q = (id: string): Sql => sql.id(id);
const r = (a: string, id: string): Sql => sql`${sql.raw(a)}.${sql.id(id)}`;

/** The dataset scope of a report (base alias `t`, joins j1…). @internal */
export function datasetScope(def: ReportDefinition, ctx: CompileContext, extra: Partial<ConstructorParameters<typeof Scope>[1]> = {}): Scope {
  const unnest = def.dataset.unnest;
  return new Scope(ctx, { form: def.dataset.form, alias: 't', joinPrefix: 'j', ...(unnest !== undefined ? { unnest } : {}), ...(def.dataset.columns ? { columns: def.dataset.columns } : {}), columnsAt: '/dataset/columns', ...extra }, '/dataset/form');
}

/** Dataset filters, drill pins and the base row filter, as conditions. @internal */
export function baseConditions(def: ReportDefinition, scope: Scope, plan: Pick<Plan, 'pins'>): Condition[] {
  const conds = compileFilters(scope, def.dataset.filters, '/dataset/filters');
  for (const pin of plan.pins) conds.push(pinCondition(scope, pin));
  const rf = scope.rowFilter(def.dataset.form, 't');
  if (rf) conds.push({ sql: rf, usesLine: false });
  return conds;
}

/**
 * Builds the report query: one scan with one GROUP BY (by ordinal: bound parameters in the
 * select list would otherwise not match the GROUP BY), then — over the grouped rows only —
 * topN with an "others" row, derived measures in layers, label joins, ORDER BY and LIMIT.
 * @internal
 */
export function groupedQuery(def: ReportDefinition, ctx: CompileContext, plan: Plan): GroupedQuery {
  const scope = datasetScope(def, ctx, { rollupKeys: restrictRollups(def, ctx) });
  const conds = baseConditions(def, scope, plan);
  const dims = plan.dims.map(({ dim, index }) => compileDimension(scope, dim, `/dimensions/${index}`));
  const measures = compileMeasures(scope, plan.measures, def.measures);
  const aggs = measures.filter((m) => m.depth === 0);
  const topN = def.topN;
  const others = topN?.others === true;

  const innerCols: Sql[] = [
    ...dims.map((d) => sql`${d.inner} as ${q(d.meta.id)}`),
    ...aggs.map((m) => sql`${m.inner!} as ${q(m.m.id)}`),
    ...(others ? aggs.filter((m) => m.avgParts).flatMap((m) => [sql`${m.avgParts!.sum} as ${q(`${m.m.id}__s`)}`, sql`${m.avgParts!.count} as ${q(`${m.m.id}__c`)}`]) : []),
  ];
  const where = conds.length ? sql`\nwhere ${allOf(conds)}` : sql``;
  const groupBy = dims.length ? sql`\ngroup by ${sql.raw(dims.map((_, i) => String(i + 1)).join(', '))}` : sql``;
  const inner = sql`select ${list(innerCols)}\n${scope.fromClause('/dataset/form')}${where}${groupBy}`;

  let base: Sql = inner;
  let prefix: Sql = sql``;
  if (topN) {
    const built = topNQuery(def, ctx, dims, aggs, inner);
    base = built.base;
    prefix = built.prefix;
  }

  const src = derivedLayers(base, measures, dims.map((d) => d.meta.id));

  const g = 'g';
  const select: Sql[] = [];
  const joins: Sql[] = [];
  dims.forEach((d, i) => {
    select.push(sql`${d.outer(g)} as ${q(d.meta.id)}`);
    if (d.labelJoin) {
      const j = d.labelJoin(g, `lb${i + 1}`);
      joins.push(j.clause);
      select.push(sql`${j.label} as ${q(`${d.meta.id}__label`)}`);
    }
  });
  for (const m of measures.filter((x) => x.meta.visible)) {
    const v = r(g, m.m.id);
    if (m.meta.valueType === 'date') select.push(sql`to_char(${v}, 'YYYY-MM-DD') as ${q(m.m.id)}`);
    else if (m.meta.valueType === 'datetime') select.push(sql`to_char(${v} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ${q(m.m.id)}`);
    else select.push(sql`${v} as ${q(m.m.id)}`);
  }
  if (others) select.push(sql`${r(g, OTHERS)} as ${q(OTHERS)}`);

  const order = orderBy(def, ctx, dims, measures, others);
  const limit = dims.length ? rowLimit(def, ctx) : undefined;
  const tail = sql`${order.length ? sql`\norder by ${list(order)}` : sql``}${limit !== undefined ? sql`\nlimit ${limit + 1}` : sql``}`;
  const outer = sql`${prefix}select ${list(select)}\nfrom (${src}) as ${sql.raw(g)}${joins.length ? sql`\n${sql.join(joins, sql`\n`)}` : sql``}${tail}`;
  return { sql: outer, dims, measures, others, ...(limit !== undefined ? { limit } : {}) };
}

/**
 * Derived measures over the grouped rows, one layer per depth (window functions cannot nest):
 * `select g1.*, g1."gmv"::numeric / nullif(g1."orders", 0) as "aov" from (…) as g1`. @internal
 */
export function derivedLayers(base: Sql, measures: readonly MeasureSql[], dimIds: readonly string[]): Sql {
  const maxDepth = Math.max(0, ...measures.map((m) => m.depth));
  let src = base;
  for (let depth = 1; depth <= maxDepth; depth++) {
    const a = `g${depth}`;
    const w = { partition: dimIds.slice(1).map((id) => r(a, id)), ...(dimIds[0] ? { order: r(a, dimIds[0]) } : {}) };
    const cols = measures.filter((m) => m.depth === depth).map((m) => sql`${m.derived!(a, w)} as ${q(m.m.id)}`);
    src = sql`select ${sql.raw(a)}.*, ${list(cols)}\nfrom (${src}) as ${sql.raw(a)}`;
  }
  return src;
}

/** The row limit: `limit` (default 1000, at most 10000). @internal */
export function rowLimit(def: ReportDefinition, ctx: CompileContext): number {
  const limit = def.limit ?? LIMITS.defaultRows;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.rows) fail(ctx, 'REPORT_LIMIT_EXCEEDED', '/limit', bi(`limit 应为 1–${LIMITS.rows} 的整数`, `limit is an integer 1–${LIMITS.rows}`), { limit });
  return limit;
}

/** ORDER BY over the final alias `g`: sort keys by id, else the first time dimension ascending, else the first measure descending. */
function orderBy(def: ReportDefinition, ctx: CompileContext, dims: readonly DimensionSql[], measures: readonly MeasureSql[], others: boolean): Sql[] {
  if (!dims.length) return [];
  const keys: Sql[] = others ? [sql`${r('g', OTHERS)}`] : [];
  const used = new Set<string>();
  const push = (id: string, desc: boolean) => {
    if (used.has(id)) return;
    used.add(id);
    keys.push(sql`${r('g', id)} ${sql.raw(desc ? 'desc' : 'asc')} nulls last`);
  };
  if (def.sort !== undefined && !Array.isArray(def.sort)) fail(ctx, 'REPORT_SORT_INVALID', '/sort', bi('sort 应为数组', 'sort is an array'));
  (def.sort ?? []).forEach((s, i) => {
    const id = s?.by;
    const dim = dims.find((d) => d.meta.id === id);
    const m = measures.find((x) => x.m.id === id);
    if (dim || m) return push(id, s.desc === true);
    // Declared but hidden now (pinned by a drill step, switched off by `when`): nothing to sort.
    if (def.dimensions.some((d) => d.id === id) || def.measures.some((x) => x.id === id)) return;
    fail(ctx, 'REPORT_SORT_INVALID', `/sort/${i}/by`, bi(`排序字段 "${String(id)}" 不是报表的维度或指标`, `Sort key "${String(id)}" is not a dimension or measure of the report`), { by: id });
  });
  if (!def.sort?.length) {
    if (def.visual.type === 'pivot') dims.forEach((d) => push(d.meta.id, false));
    const time = dims.find((d) => d.meta.bucket);
    const firstMeasure = measures.find((m) => m.meta.visible);
    if (time) push(time.meta.id, false);
    else if (firstMeasure) push(firstMeasure.m.id, true);
  }
  for (const d of dims) push(d.meta.id, false);
  return keys;
}

