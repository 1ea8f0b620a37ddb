import { sql } from 'kysely';
import type { ValueType } from '../model.js';
import { aggregatesFor } from '../paths/field-info.js';
import type { Scope } from '../paths/scope.js';
import type { Sql } from '../sql/kysely.js';
import { bi, both, type Bilingual } from '../text.js';
import { AGGREGATES, DERIVED, VALUE_FORMATS, type Aggregate, type Measure, type ValueFormat } from '../types.js';
import { fail } from './context.js';
import { allOf, compileFilters } from './filters.js';
import { dependencies, isDerived, type PlannedMeasure } from './plan.js';

/** What buildResult needs of a measure (plain data). @internal */
export interface MeasureMeta {
  readonly id: string;
  readonly label: Bilingual;
  readonly format?: ValueFormat;
  /** date/datetime min/max: the values are `YYYY-MM-DD` / ISO strings. */
  readonly valueType: ValueType;
  readonly visible: boolean;
}

/** A measure compiled. Aggregates are computed in the grouped query; derived ones in layers over it. @internal */
export interface MeasureSql {
  readonly meta: MeasureMeta;
  readonly m: Measure;
  readonly agg?: Aggregate;
  /** aggregates: the expression inside the GROUP BY query. */
  readonly inner?: Sql;
  /** avg under topN others: sum and count parts for re-aggregation. */
  readonly avgParts?: { readonly sum: Sql; readonly count: Sql };
  /** derived: layer (1 + the deepest measure it reads) and the expression over the layer below. */
  readonly depth: number;
  readonly derived?: (g: string, ctx: { readonly partition: readonly Sql[]; readonly order?: Sql }) => Sql;
}

const AGG_LABEL: Record<string, Bilingual> = {
  count_distinct: bi('去重数', 'distinct count'), sum: bi('合计', 'sum'), avg: bi('平均', 'average'), min: bi('最小', 'min'), max: bi('最大', 'max'),
};

/** Compiles the planned measures (aggregates and derived) in definition order. @internal */
export function compileMeasures(scope: Scope, planned: readonly PlannedMeasure[], all: readonly Measure[]): MeasureSql[] {
  const ctx = scope.ctx;
  const out = new Map<string, MeasureSql>();
  const byId = new Map(all.map((m, i) => [m.id, { m, i }] as const));
  const visiting: string[] = [];

  const build = (m: Measure, index: number, visible: boolean): MeasureSql => {
    const done = out.get(m.id);
    if (done) return done;
    const at = `/measures/${index}`;
    if (visiting.includes(m.id)) fail(ctx, 'REPORT_MEASURE_INVALID', at, bi(`指标循环引用：${[...visiting, m.id].join(' → ')}`, `Measures refer to each other in a cycle: ${[...visiting, m.id].join(' → ')}`));
    if (m.format !== undefined && !(VALUE_FORMATS as readonly string[]).includes(m.format)) fail(ctx, 'REPORT_DEFINITION_INVALID', `${at}/format`, bi('未知格式', 'Unknown format'));
    visiting.push(m.id);
    try {
      const r = isDerived(m) ? derived(m, index, visible, at) : aggregate(m, index, visible, at);
      out.set(m.id, r);
      return r;
    } finally {
      visiting.pop();
    }
  };

  const dep = (id: string | undefined, path: string): MeasureSql => {
    const d = id === undefined ? undefined : byId.get(id);
    if (!d) fail(ctx, 'REPORT_MEASURE_INVALID', path, bi(`指标 "${String(id)}" 不存在`, `Measure "${String(id)}" does not exist`), { measure: id });
    const p = planned.find((x) => x.index === d.i);
    return build(d.m, d.i, p?.visible ?? false);
  };

  function aggregate(m: Measure, index: number, visible: boolean, at: string): MeasureSql {
    if (!(AGGREGATES as readonly string[]).includes(m.agg)) fail(ctx, 'REPORT_MEASURE_INVALID', `${at}/agg`, bi(`未知聚合 "${String(m.agg)}"`, `Unknown aggregate "${String(m.agg)}"`));
    const agg = m.agg as Aggregate;
    const conds = compileFilters(scope, m.filters, `${at}/filters`);
    const filter = conds.length ? sql` filter (where ${allOf(conds)})` : sql``;
    let valueType: ValueType = 'number';
    let format: ValueFormat | undefined = m.format;
    let label: Bilingual;
    let inner: Sql;
    let avgParts: MeasureSql['avgParts'];
    if (m.field === undefined) {
      if (agg !== 'count') fail(ctx, 'REPORT_MEASURE_INVALID', `${at}/field`, bi(`${agg} 需要 field`, `${agg} needs a field`));
      inner = sql`count(*)${filter}`;
      label = bi('记录数', 'Count');
      format ??= 'integer';
    } else {
      const r = scope.resolve(m.field, `${at}/field`);
      if (r.many || !aggregatesFor(r.valueType, r.groupable).includes(agg)) {
        fail(ctx, 'REPORT_AGGREGATE_INVALID', `${at}/agg`, bi(`"${r.path}" 不能做 ${agg}`, `${agg} does not fit "${r.path}" (${r.valueType})`), { field: r.path, agg });
      }
      if (scope.opts.unnest !== undefined && (agg === 'sum' || agg === 'avg') && !r.usesLine) {
        fail(ctx, 'REPORT_AGGREGATE_INVALID', `${at}/field`, bi(`数据集按 "${scope.opts.unnest}" 逐行展开，"${r.path}" 会被每行重复计算`, `The dataset has one row per "${scope.opts.unnest}" line: "${r.path}" would count once per line`), { field: r.path, agg });
      }
      const x = r.sql;
      if (agg === 'count') inner = sql`count(${x})${filter}`;
      else if (agg === 'count_distinct') inner = sql`count(distinct ${x})${filter}`;
      else inner = sql`${sql.raw(agg)}(${x})${filter}`;
      if (agg === 'avg') avgParts = { sum: sql`sum(${x})${filter}`, count: sql`count(${x})${filter}` };
      if (agg === 'count' || agg === 'count_distinct') format ??= 'integer';
      else if (r.valueType === 'money' || r.format === 'money') {
        valueType = 'money';
        format ??= 'money';
      } else if (r.valueType === 'date' || r.valueType === 'datetime') valueType = r.valueType;
      else format ??= r.format ?? 'number';
      label = agg === 'count' ? bi(`${r.label['zh-CN']} 计数`, `${r.label.en} (count)`) : bi(`${r.label['zh-CN']} ${AGG_LABEL[agg]!['zh-CN']}`, `${r.label.en} (${AGG_LABEL[agg]!.en})`);
    }
    const meta: MeasureMeta = { id: m.id, label: m.label !== undefined ? both(m.label) : label, valueType, visible, ...(format ? { format } : {}) };
    return { meta, m, agg, inner, depth: 0, ...(avgParts ? { avgParts } : {}) };
  }

  function derived(m: Measure, index: number, visible: boolean, at: string): MeasureSql {
    const kind = m.agg;
    if (!(DERIVED as readonly string[]).includes(kind)) fail(ctx, 'REPORT_MEASURE_INVALID', `${at}/agg`, bi('未知派生指标', 'Unknown derived measure'));
    const ref = (g: string, id: string) => sql`${sql.raw(g)}.${sql.id(id)}`;
    if (kind === 'ratio') {
      if (typeof m.num !== 'string' || typeof m.den !== 'string') fail(ctx, 'REPORT_MEASURE_INVALID', at, bi('ratio 需要 num 与 den', 'ratio needs num and den'));
      const num = dep(m.num, `${at}/num`);
      const den = dep(m.den, `${at}/den`);
      const moneyPerUnit = num.meta.format === 'money' && den.meta.format !== 'money' && !m.subtract;
      const format = m.format ?? (moneyPerUnit ? 'money' : 'number');
      const label = m.label !== undefined ? both(m.label) : m.subtract
        ? bi(`(${num.meta.label['zh-CN']} − ${den.meta.label['zh-CN']}) ÷ ${den.meta.label['zh-CN']}`, `(${num.meta.label.en} − ${den.meta.label.en}) ÷ ${den.meta.label.en}`)
        : bi(`${num.meta.label['zh-CN']} ÷ ${den.meta.label['zh-CN']}`, `${num.meta.label.en} ÷ ${den.meta.label.en}`);
      const expr = m.subtract
        ? (g: string) => sql`(${ref(g, num.m.id)} - ${ref(g, den.m.id)})::numeric / nullif(${ref(g, den.m.id)}, 0)`
        : (g: string) => sql`${ref(g, num.m.id)}::numeric / nullif(${ref(g, den.m.id)}, 0)`;
      return { meta: { id: m.id, label, format, valueType: format === 'money' ? 'money' : 'number', visible }, m, depth: Math.max(num.depth, den.depth) + 1, derived: expr };
    }
    if (kind === 'difference') {
      if (typeof m.num !== 'string' || typeof m.den !== 'string') fail(ctx, 'REPORT_MEASURE_INVALID', at, bi('difference 需要 num 与 den', 'difference needs num and den'));
      const num = dep(m.num, `${at}/num`);
      const den = dep(m.den, `${at}/den`);
      const format = m.format ?? num.meta.format;
      const label = m.label !== undefined ? both(m.label) : bi(`${num.meta.label['zh-CN']} − ${den.meta.label['zh-CN']}`, `${num.meta.label.en} − ${den.meta.label.en}`);
      return {
        meta: { id: m.id, label, valueType: num.meta.valueType, visible, ...(format ? { format } : {}) }, m, depth: Math.max(num.depth, den.depth) + 1,
        derived: (g) => sql`coalesce(${ref(g, num.m.id)}, 0) - coalesce(${ref(g, den.m.id)}, 0)`,
      };
    }
    if (typeof m.of !== 'string') fail(ctx, 'REPORT_MEASURE_INVALID', at, bi(`${kind} 需要 of`, `${kind} needs of`));
    const of = dep(m.of, `${at}/of`);
    if (kind === 'share') {
      const label = m.label !== undefined ? both(m.label) : bi(`${of.meta.label['zh-CN']} 占比`, `${of.meta.label.en} share`);
      const format = m.format ?? 'percent';
      return { meta: { id: m.id, label, format, valueType: 'number', visible }, m, depth: of.depth + 1, derived: (g) => sql`${ref(g, of.m.id)}::numeric / nullif(sum(${ref(g, of.m.id)}) over (), 0)` };
    }
    const label = m.label !== undefined ? both(m.label) : bi(`${of.meta.label['zh-CN']} 累计`, `${of.meta.label.en} running total`);
    const format = m.format ?? of.meta.format;
    return {
      meta: { id: m.id, label, valueType: of.meta.valueType, visible, ...(format ? { format } : {}) }, m, depth: of.depth + 1,
      derived: (g, w) => {
        if (!w.order) return ref(g, of.m.id);
        const partition = w.partition.length ? sql`partition by ${sql.join([...w.partition])} ` : sql``;
        return sql`sum(${ref(g, of.m.id)}) over (${partition}order by ${w.order} rows between unbounded preceding and current row)`;
      },
    };
  }

  for (const p of planned) build(p.m, p.index, p.visible);
  // Keep definition order; visibility as planned (a dependency built first keeps its own flag).
  return planned.map((p) => ({ ...out.get(p.m.id)!, meta: { ...out.get(p.m.id)!.meta, visible: p.visible } }));
}

export { dependencies };
