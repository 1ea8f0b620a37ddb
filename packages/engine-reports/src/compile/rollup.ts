import { sql } from 'kysely';
import type { ValueType } from '../model.js';
import { aggregatesFor } from '../paths/field-info.js';
import { Scope } from '../paths/scope.js';
import { col } from '../sql/ident.js';
import { and, type Sql } from '../sql/kysely.js';
import { bi } from '../text.js';
import { AGGREGATES, type RollupColumn } from '../types.js';
import { fail } from './context.js';
import { compileFilters } from './filters.js';

/**
 * A rollup column as a LEFT JOIN to a pre-aggregated subquery over the other form, grouped by
 * the relation that points back (`left join (select r1.f_campaign as k, sum(r1.f_total) as v
 * from orders r1 where … group by 1) as ru1 on ru1.k = t.id`) — one scan of the other table,
 * never a correlated subquery per row. Counts and sums of nothing are 0. @internal
 */
export function compileRollup(owner: Scope, c: RollupColumn, joinAlias: string, baseAlias: string, at: string): { clause: Sql; value: Sql; valueType: ValueType } {
  const ctx = owner.ctx;
  const bad = (path: string, zh: string, en: string): never => fail(ctx, 'REPORT_ROLLUP_INVALID', path, bi(zh, en), { column: c.id });
  if (typeof c.form !== 'string') return bad(`${at}/form`, '汇总列需要 form', 'A rollup column needs a form');
  const inner = new Scope(ctx, { form: c.form, alias: baseAlias, joinPrefix: `${baseAlias}j` }, `${at}/form`);
  let viaCol: Sql;
  let key: Sql = sql`${sql.raw(owner.opts.alias)}.id`;
  if (c.match === undefined) {
    const via = inner.formDef.fields.find((f) => f.key === c.via);
    if (!via || via.type !== 'relation' || via.many || via.target !== owner.opts.form) {
      return bad(`${at}/via`, `via 应为表单 "${c.form}" 中指向 "${owner.opts.form}" 的单选关联字段（或给出 match）`, `via must be a single relation of "${c.form}" pointing at "${owner.opts.form}" (or give match)`);
    }
    inner.requireReadable(c.form, via.key, c.via, `${at}/via`);
    const viaStorage = inner.storage.columns[via.id];
    if (!viaStorage || viaStorage.retired) return inner.unknown(c.via, `${at}/via`);
    viaCol = col(baseAlias, viaStorage.column);
  } else {
    // Matched by value: via (a field of the other form) holds match (a field of this row).
    const matched = owner.resolve(c.match, `${at}/match`);
    const via = inner.resolve(c.via, `${at}/via`);
    const kind = (t: string) => (['text', 'select', 'region'].includes(t) ? 'text' : t === 'money' ? 'number' : t);
    if (!matched.groupable || matched.usesLine || matched.fieldType === 'rollup' || matched.fieldType === 'expr') {
      return bad(`${at}/match`, 'match 应为数据集表单的字段', 'match names a field of the dataset form');
    }
    if (!via.groupable || kind(via.valueType) !== kind(matched.valueType)) {
      return bad(`${at}/via`, `via 与 match 的值类型应一致（${via.valueType} / ${matched.valueType}）`, `via and match must hold the same kind of value (${via.valueType} vs ${matched.valueType})`);
    }
    viaCol = via.sql;
    key = matched.sql;
  }
  if (!(AGGREGATES as readonly string[]).includes(c.agg)) return bad(`${at}/agg`, `未知聚合 "${String(c.agg)}"`, `Unknown aggregate "${String(c.agg)}"`);
  let agg: Sql;
  let valueType: ValueType = 'number';
  if (c.field === undefined) {
    if (c.agg !== 'count') return bad(`${at}/field`, `${c.agg} 需要 field`, `${c.agg} needs a field`);
    agg = sql`count(*)`;
  } else {
    const r = inner.resolve(c.field, `${at}/field`);
    if (!aggregatesFor(r.valueType, r.groupable).includes(c.agg)) {
      fail(ctx, 'REPORT_AGGREGATE_INVALID', `${at}/agg`, bi(`"${r.path}" 不能做 ${c.agg}`, `${c.agg} does not fit "${r.path}"`), { field: r.path, agg: c.agg });
    }
    agg = c.agg === 'count_distinct' ? sql`count(distinct ${r.sql})` : sql`${sql.raw(c.agg)}(${r.sql})`;
    if (c.agg !== 'count' && c.agg !== 'count_distinct' && r.valueType === 'money') valueType = 'money';
    if ((c.agg === 'min' || c.agg === 'max') && (r.valueType === 'date' || r.valueType === 'datetime')) valueType = r.valueType;
  }
  const conds = compileFilters(inner, c.filters, `${at}/filters`).map((x) => x.sql);
  const rf = inner.rowFilter(c.form, baseAlias);
  if (rf) conds.push(rf);
  const keys = owner.opts.rollupKeys?.(viaCol, c.match);
  if (keys) conds.push(keys);
  const where = conds.length ? sql`\nwhere ${and(conds)}` : sql``;
  const subquery = sql`select ${viaCol} as k, ${agg} as v\n${inner.fromClause(at)}${where}\ngroup by 1`;
  const clause = sql`left join (${subquery}) as ${sql.raw(joinAlias)} on ${sql.raw(joinAlias)}.k = ${key}`;
  const v = sql`${sql.raw(joinAlias)}.v`;
  const value = c.agg === 'count' || c.agg === 'count_distinct' || c.agg === 'sum' ? sql`coalesce(${v}, 0)` : v;
  return { clause, value, valueType };
}
