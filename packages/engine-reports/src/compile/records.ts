import { sql, type CompiledQuery } from 'kysely';
import type { Catalog, CompileOptions } from '../catalog.js';
import { and, compileSql } from '../sql/kysely.js';
import { bi } from '../text.js';
import type { ReportDefinition } from '../types.js';
import { fail } from './context.js';
import { allOf } from './filters.js';
import { baseConditions, datasetScope } from './grouped-query.js';
import { planReport } from './plan.js';
import { prepare } from './prepare.js';

/** Most ids one records page returns. */
export const MAX_RECORDS_PAGE = 1000;

/**
 * The ids (column `id`) of the dataset form's records behind a chart: the report's filters,
 * parameters, drill steps and row filter, newest first, one keyset page (`id < beforeId`).
 * On an unnested dataset, conditions on line fields go into an EXISTS over the lines, so each
 * record appears once and the id index drives the page.
 *
 * @example
 * compileRecords(def, catalog, { now, params, drill: [{ dimension: 'campaign', value: 7 }], limit: 50 })
 * // select t.id from "rec_1_3" as t where … and t."f_f_campaign" = $3 order by t.id desc limit $4
 */
export function compileRecords(def: ReportDefinition, catalog: Catalog, opts: CompileOptions & { limit: number; beforeId?: number }): CompiledQuery {
  const ctx = prepare(def, catalog, opts);
  if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > MAX_RECORDS_PAGE) {
    fail(ctx, 'REPORT_LIMIT_EXCEEDED', '/limit', bi(`每页 1–${MAX_RECORDS_PAGE} 条`, `A page holds 1–${MAX_RECORDS_PAGE} records`), { limit: opts.limit });
  }
  if (opts.beforeId !== undefined && (!Number.isSafeInteger(opts.beforeId) || opts.beforeId < 1)) {
    fail(ctx, 'REPORT_PARAM_INVALID', '/beforeId', bi('beforeId 应为正整数', 'beforeId is a positive integer'));
  }
  const plan = planReport(def, ctx, opts.drill);
  const scope = datasetScope(def, ctx);
  const conds = baseConditions(def, scope, plan);
  const tail = sql`\norder by t.id desc\nlimit ${opts.limit}`;
  const before = opts.beforeId !== undefined ? [sql`t.id < ${opts.beforeId}`] : [];
  if (scope.hasLineJoin) {
    // A join reads the line (`lines.product.name`): keep the lateral unnest and group per record.
    const all = [...conds.map((c) => c.sql), ...before];
    return compileSql(sql`select t.id\n${scope.fromClause('/dataset/form')}${all.length ? sql`\nwhere ${and(all)}` : sql``}\ngroup by t.id${tail}`);
  }
  const line = conds.filter((c) => c.usesLine);
  const all = [
    ...conds.filter((c) => !c.usesLine).map((c) => c.sql),
    ...(line.length ? [sql`exists (select 1 from ${scope.unnestSource('/dataset/unnest')} where ${allOf(line)})`] : []),
    ...before,
  ];
  return compileSql(sql`select t.id\n${scope.fromClauseWithoutUnnest('/dataset/form')}${all.length ? sql`\nwhere ${and(all)}` : sql``}${tail}`);
}
