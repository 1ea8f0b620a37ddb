import { sql } from 'kysely';
import type { Resolved, Scope } from '../paths/scope.js';
import { and, type Sql } from '../sql/kysely.js';
import { bi } from '../text.js';
import { FILTER_OPS, type Filter, type FilterOp } from '../types.js';
import { fail } from './context.js';
import { expected, fitValue } from './values.js';

/** Most values an `in` / `nin` list takes. */
export const MAX_IN_VALUES = 1000;

/** A compiled condition and whether it reads the unnested line. @internal */
export interface Condition {
  readonly sql: Sql;
  readonly usesLine: boolean;
}

const CMP: Partial<Record<FilterOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const ORDERED = new Set(['number', 'money', 'date', 'datetime', 'text']);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m);

/**
 * One filter → a sargable condition on the raw column, every value bound and type-checked
 * against the field. Returns undefined when its parameter has no value (the filter is skipped).
 * @internal
 */
export function compileFilter(scope: Scope, f: Filter, at: string): Condition | undefined {
  const ctx = scope.ctx;
  if (!f || typeof f !== 'object') fail(ctx, 'REPORT_FILTER_INVALID', at, bi('筛选条件应为对象', 'A filter is an object'));
  if (!(FILTER_OPS as readonly string[]).includes(f.op)) fail(ctx, 'REPORT_FILTER_INVALID', `${at}/op`, bi(`未知运算符 "${String(f.op)}"`, `Unknown operator "${String(f.op)}"`));
  const r = scope.resolve(f.field, `${at}/field`);
  const bad = (path: string, why = bi(`"${r.path}" 的值应为${expected(r)['zh-CN']}`, `"${r.path}" takes ${expected(r).en}`)): never =>
    fail(ctx, 'REPORT_FILTER_INVALID', path, why, { field: r.path, op: f.op });
  if (f.value !== undefined && f.param !== undefined) return bad(at, bi('value 与 param 只能给一个', 'Give either value or param, not both'));
  const done = (s: Sql): Condition => ({ sql: s, usesLine: r.usesLine });

  if (f.op === 'null' || f.op === 'notnull') return done(nullTest(r, f.op === 'null'));

  let value: unknown;
  let valueAt = `${at}/value`;
  let fromParam = false;
  if (f.param !== undefined) {
    valueAt = `${at}/param`;
    const decl = ctx.declared.find((p) => p.key === f.param);
    if (!decl) fail(ctx, 'REPORT_PARAM_UNKNOWN', valueAt, bi(`参数 "${String(f.param)}" 未声明`, `Parameter "${String(f.param)}" is not declared`), { param: f.param });
    const p = ctx.params[f.param];
    if (decl.type === 'choice') return bad(valueAt, bi('choice 参数只用于 when', 'choice parameters are only for `when`'));
    if (decl.type === 'date_range') {
      if (f.op !== 'between' || (r.valueType !== 'date' && r.valueType !== 'datetime')) return bad(valueAt, bi('日期范围参数只能用于日期字段的 between', 'A date_range parameter fits `between` on a date or date-time field'));
      if (!p || p.type !== 'date_range' || !p.range) return undefined;
      const [from, to] = r.valueType === 'date' ? [p.range.fromDate, p.range.toDate] : [p.range.from, p.range.to];
      return done(sql`${r.sql} >= ${from} and ${r.sql} < ${to}`);
    }
    if (!p || p.type === 'date_range') return undefined;
    value = f.op === 'in' || f.op === 'nin' ? [p.value] : p.value;
    fromParam = true;
  } else {
    value = f.value;
  }
  if (value === undefined) return bad(valueAt, bi('缺少 value 或 param', 'The filter needs a value or a param'));
  const fit = (v: unknown, path: string) => {
    const out = fitValue(r, v, ctx.timeZone, !fromParam);
    if (out === undefined) return bad(path);
    return out;
  };

  if (f.op === 'in' || f.op === 'nin') {
    if (!Array.isArray(value)) return bad(valueAt, bi('in/nin 需要数组', 'in/nin take an array'));
    if (value.length > MAX_IN_VALUES) fail(ctx, 'REPORT_FILTER_INVALID', valueAt, bi(`in 最多 ${MAX_IN_VALUES} 个值`, `in takes at most ${MAX_IN_VALUES} values`));
    const values = value.map((v, i) => fit(v, fromParam ? valueAt : `${valueAt}/${i}`));
    if (!values.length) return done(f.op === 'in' ? sql`false` : sql`true`);
    if (r.many) {
      const ex = sql`exists (select 1 from ${sql.id(r.many.joinTable)} as mr where mr.src = ${r.many.src} and mr.dst in (${sql.join(values)}))`;
      return done(f.op === 'in' ? ex : sql`not ${ex}`);
    }
    if (r.multi) return done(f.op === 'in' ? sql`${r.sql} && ${values}::text[]` : sql`not (coalesce(${r.sql}, '{}') && ${values}::text[])`);
    return done(f.op === 'in' ? sql`${r.sql} in (${sql.join(values)})` : sql`(${r.sql} is null or ${r.sql} not in (${sql.join(values)}))`);
  }

  if (f.op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return bad(valueAt, bi('between 需要 [起, 止) 两个值', 'between takes [from, to)'));
    if (!ORDERED.has(r.valueType) || r.many || r.multi) return bad(`${at}/op`, bi(`"${r.path}" 不能用 between`, `between does not apply to "${r.path}"`));
    const [a, b] = [fit(value[0], `${valueAt}/0`), fit(value[1], `${valueAt}/1`)];
    return done(sql`${r.sql} >= ${a} and ${r.sql} < ${b}`);
  }

  if (r.many) {
    const v = fit(value, valueAt);
    const ex = sql`exists (select 1 from ${sql.id(r.many.joinTable)} as mr where mr.src = ${r.many.src} and mr.dst = ${v})`;
    if (f.op === 'eq' || f.op === 'contains') return done(ex);
    if (f.op === 'ne') return done(sql`not ${ex}`);
    bad(`${at}/op`, bi(`"${r.path}" 不能用 ${f.op}`, `${f.op} does not apply to "${r.path}"`));
  }
  if (r.multi) {
    const v = fit(value, valueAt);
    if (f.op === 'eq' || f.op === 'contains') return done(sql`${r.sql} @> array[${v}]::text[]`);
    if (f.op === 'ne') return done(sql`not (coalesce(${r.sql}, '{}') @> array[${v}]::text[])`);
    bad(`${at}/op`, bi(`"${r.path}" 不能用 ${f.op}`, `${f.op} does not apply to "${r.path}"`));
  }
  if (f.op === 'contains') {
    if (r.valueType !== 'text') return bad(`${at}/op`, bi('contains 只用于文本字段', 'contains applies to text fields'));
    const v = fit(value, valueAt) as string;
    return done(sql`${r.sql} ilike ${'%' + escapeLike(v) + '%'}`);
  }
  if (value === null && (f.op === 'eq' || f.op === 'ne')) return done(nullTest(r, f.op === 'eq'));
  const v = fit(value, valueAt);
  if (f.op === 'eq') return done(sql`${r.sql} = ${v}`);
  if (f.op === 'ne') return done(sql`(${r.sql} is null or ${r.sql} <> ${v})`);
  if (!ORDERED.has(r.valueType)) return bad(`${at}/op`, bi(`"${r.path}" 不能用 ${f.op}`, `${f.op} does not apply to "${r.path}"`));
  return done(sql`${r.sql} ${sql.raw(CMP[f.op]!)} ${v}`);
}

function nullTest(r: Resolved, isNull: boolean): Sql {
  if (r.many) {
    const ex = sql`exists (select 1 from ${sql.id(r.many.joinTable)} as mr where mr.src = ${r.many.src})`;
    return isNull ? sql`not ${ex}` : ex;
  }
  if (r.multi) return isNull ? sql`coalesce(cardinality(${r.sql}), 0) = 0` : sql`cardinality(${r.sql}) > 0`;
  return isNull ? sql`${r.sql} is null` : sql`${r.sql} is not null`;
}

/** Several filters (skipping those without a parameter value). @internal */
export function compileFilters(scope: Scope, filters: readonly Filter[] | undefined, at: string): Condition[] {
  if (filters !== undefined && !Array.isArray(filters)) fail(scope.ctx, 'REPORT_DEFINITION_INVALID', at, bi('filters 应为数组', 'filters is an array'));
  const out: Condition[] = [];
  (filters ?? []).forEach((f, i) => {
    const c = compileFilter(scope, f, `${at}/${i}`);
    if (c) out.push(c);
  });
  return out;
}

/** `cond and cond …` of conditions. @internal */
export const allOf = (conds: readonly Condition[]): Sql => and(conds.map((c) => c.sql));
