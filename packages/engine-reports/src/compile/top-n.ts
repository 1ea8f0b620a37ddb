import { sql } from 'kysely';
import { list, type Sql } from '../sql/kysely.js';
import { bi } from '../text.js';
import type { ReportDefinition } from '../types.js';
import { fail, type CompileContext } from './context.js';
import type { DimensionSql } from './dimensions.js';
import type { MeasureSql } from './measures.js';
import { LIMITS } from './prepare.js';

/** The flag column of the "others" row. @internal */
export const OTHERS = 'kiln__others';
const RN = 'kiln__rn';
const TOT = 'kiln__tot';
const q = (id: string): Sql => sql.id(id);
const r = (a: string, id: string): Sql => sql`${sql.raw(a)}.${sql.id(id)}`;

/**
 * Top N groups of the first dimension by an aggregate measure, in SQL: rank the grouped rows
 * (row_number for one dimension; dense_rank over per-value totals for several) and fold the
 * rest into one "others" row re-aggregated from the groups (sums and counts add, min/max
 * combine, averages from carried sum/count; a distinct count cannot be combined → NULL).
 * Returns the CTEs (`with g as (…), ranked as (…)`) and the rows to build on. @internal
 */
export function topNQuery(def: ReportDefinition, ctx: CompileContext, dims: readonly DimensionSql[], aggs: readonly MeasureSql[], inner: Sql): { prefix: Sql; base: Sql } {
  const t = def.topN!;
  const bad = (path: string, zh: string, en: string): never => fail(ctx, 'REPORT_TOPN_INVALID', path, bi(zh, en));
  if (!dims.length) return bad('/topN', 'topN 需要至少一个维度', 'topN needs a dimension');
  if (!Number.isInteger(t.n) || t.n < 1 || t.n > LIMITS.topN) return bad('/topN/n', `n 应为 1–${LIMITS.topN} 的整数`, `n is an integer 1–${LIMITS.topN}`);
  const by = aggs.find((m) => m.m.id === t.by);
  if (!by) return bad('/topN/by', `topN.by 应为聚合指标的 id`, 'topN.by names an aggregate measure');
  const d1 = dims[0]!.meta.id;
  const rest = dims.slice(1).map((d) => d.meta.id);
  const cols = [...dims.map((d) => d.meta.id), ...aggs.map((m) => m.m.id)];
  let ranked: Sql;
  if (!rest.length) {
    ranked = sql`select g.*, row_number() over (order by ${r('g', by.m.id)} desc nulls last, ${r('g', d1)} asc nulls last) as ${q(RN)}\nfrom g`;
  } else {
    if (by.agg === 'count_distinct') return bad('/topN/by', '多个维度时不能按去重数取前 N', 'With several dimensions, topN cannot rank by a distinct count');
    const part = sql`over (partition by ${r('g', d1)})`;
    const tot = by.agg === 'avg'
      ? sql`(sum(${r('g', `${by.m.id}__s`)}) ${part})::numeric / nullif(sum(${r('g', `${by.m.id}__c`)}) ${part}, 0)`
      : sql`${sql.raw(by.agg === 'min' ? 'min' : by.agg === 'max' ? 'max' : 'sum')}(${r('g', by.m.id)}) ${part}`;
    ranked = sql`select g0.*, dense_rank() over (order by ${r('g0', TOT)} desc nulls last, ${r('g0', d1)} asc nulls last) as ${q(RN)}\nfrom (select g.*, ${tot} as ${q(TOT)} from g) as g0`;
  }
  const prefix = sql`with g as (\n${inner}\n), ranked as (\n${ranked}\n)\n`;
  const top = sql`select ${list(cols.map((c) => r('ranked', c)))}${t.others ? sql`, false as ${q(OTHERS)}` : sql``}\nfrom ranked\nwhere ${r('ranked', RN)} <= ${t.n}`;
  if (!t.others) return { prefix, base: top };
  const reagg = aggs.map((m) => {
    const v = r('ranked', m.m.id);
    switch (m.agg) {
      case 'min':
        return sql`min(${v})`;
      case 'max':
        return sql`max(${v})`;
      case 'avg':
        return sql`sum(${r('ranked', `${m.m.id}__s`)})::numeric / nullif(sum(${r('ranked', `${m.m.id}__c`)}), 0)`;
      case 'count_distinct':
        return sql`null::bigint`;
      default:
        return sql`sum(${v})`;
    }
  });
  const othersCols = [sql`null`, ...rest.map((c) => r('ranked', c)), ...reagg, sql`true`];
  const groupRest = rest.length ? sql`\ngroup by ${sql.raw(rest.map((_, i) => String(i + 2)).join(', '))}` : sql`\nhaving count(*) > 0`;
  const otherRows = sql`select ${list(othersCols)}\nfrom ranked\nwhere ${r('ranked', RN)} > ${t.n}${groupRest}`;
  return { prefix, base: sql`${top}\nunion all\n${otherRows}` };
}
