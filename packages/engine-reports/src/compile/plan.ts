import type { DrillStep } from '../catalog.js';
import { isId } from '../sql/ident.js';
import { bi } from '../text.js';
import { DERIVED, type Dimension, type Measure, type ReportDefinition, type When } from '../types.js';
import { fail, type CompileContext } from './context.js';

/** A drill step checked against the report: the dimension it pins, where it is. @internal */
export interface Pin {
  readonly dim: Dimension;
  readonly index: number;
  readonly value: unknown;
  readonly at: string;
}

/** A measure the query computes; `visible` ones are result columns, the rest feed derived ones. @internal */
export interface PlannedMeasure {
  readonly m: Measure;
  readonly index: number;
  readonly visible: boolean;
}

/** What a compiled report shows after `when` switches and drill steps. @internal */
export interface Plan {
  readonly dims: readonly { readonly dim: Dimension; readonly index: number }[];
  readonly pins: readonly Pin[];
  readonly measures: readonly PlannedMeasure[];
  readonly drill: { readonly dimension?: string; readonly next?: string; readonly records: boolean };
}

/** Whether a `when` switch is on: its choice parameter has exactly this value. @internal */
export function whenOn(ctx: CompileContext, when: When | undefined, at: string): boolean {
  if (when === undefined) return true;
  if (!when || typeof when !== 'object' || typeof when.param !== 'string') fail(ctx, 'REPORT_DEFINITION_INVALID', at, bi('when 需要 param 与 equals', 'when needs param and equals'));
  const decl = ctx.declared.find((p) => p.key === when.param);
  if (!decl || (decl.type !== 'choice' && decl.type !== 'select')) {
    fail(ctx, 'REPORT_PARAM_UNKNOWN', `${at}/param`, bi(`when 引用的参数 "${when.param}" 未声明为 choice`, `when refers to "${when.param}", which is not a declared choice parameter`), { param: when.param });
  }
  const p = ctx.params[when.param];
  return p !== undefined && 'value' in p && p.value === when.equals;
}

export const isDerived = (m: Measure): boolean => (DERIVED as readonly string[]).includes(m.agg);

/** Ids a derived measure reads. @internal */
export function dependencies(m: Measure): string[] {
  if (m.agg === 'ratio' || m.agg === 'difference') return [m.num, m.den].filter((x): x is string => typeof x === 'string');
  if (m.agg === 'share' || m.agg === 'running') return typeof m.of === 'string' ? [m.of] : [];
  return [];
}

/**
 * Applies `when` switches and drill steps.
 *
 * Drill semantics: `def.drill.path` lists ids of dimensions declared in `def.dimensions`. Only
 * one of them is visible at a time — the first that no drill step pins yet (it is moved to the
 * front); dimensions not in the path (e.g. a series dimension) stay visible unless pinned. Each
 * step pins a declared dimension to a value (a WHERE condition). A click pins the current path
 * dimension and shows the next path entry; after the last one it opens the records (when
 * `drill.records`). Without a path, steps just pin dimensions and a click pins the first.
 * @internal
 */
export function planReport(def: ReportDefinition, ctx: CompileContext, steps: readonly DrillStep[] | undefined): Plan {
  const dims = def.dimensions;
  if (steps !== undefined && !Array.isArray(steps)) fail(ctx, 'REPORT_DRILL_INVALID', '/drill', bi('drill 应为数组', 'drill is an array'));
  const pins: Pin[] = [];
  (steps ?? []).forEach((s, i) => {
    const at = `/drill/${i}`;
    const index = s && typeof s === 'object' ? dims.findIndex((d) => d.id === s.dimension) : -1;
    if (index < 0) fail(ctx, 'REPORT_DRILL_INVALID', `${at}/dimension`, bi(`下钻维度 "${String(s?.dimension)}" 不存在`, `Unknown drill dimension "${String(s?.dimension)}"`));
    if (pins.some((p) => p.index === index)) fail(ctx, 'REPORT_DRILL_INVALID', `${at}/dimension`, bi('同一维度只能下钻一次', 'A dimension is pinned at most once'));
    pins.push({ dim: dims[index]!, index, value: s.value, at });
  });
  const pinned = new Set(pins.map((p) => p.dim.id));
  const path = (Array.isArray(def.drill?.path) ? def.drill.path : []).filter((id) => dims.some((d) => d.id === id));
  const active = dims.map((dim, index) => ({ dim, index })).filter(({ dim, index }) => whenOn(ctx, dim.when, `/dimensions/${index}/when`));
  const current = path.find((id) => !pinned.has(id) && active.some((a) => a.dim.id === id));
  let visible = active.filter(({ dim }) => !pinned.has(dim.id) && (!path.includes(dim.id) || dim.id === current));
  if (current) visible = [...visible.filter((v) => v.dim.id === current), ...visible.filter((v) => v.dim.id !== current)];
  const afterCurrent = current ? path.slice(path.indexOf(current) + 1).find((id) => !pinned.has(id)) : undefined;
  const dimension = visible[0]?.dim.id;
  const records = def.drill?.records === true && afterCurrent === undefined;

  // Measures: the visible ones plus whatever derived ones read (hidden).
  const byId = new Map(def.measures.map((m, i) => [m.id, i] as const));
  const switchedOn = def.measures.map((m, i) => (whenOn(ctx, m.when, `/measures/${i}/when`) ? i : -1)).filter((i) => i >= 0);
  const visibleIdx = switchedOn.filter((i) => def.measures[i]!.hidden !== true);
  const extra: number[] = switchedOn.filter((i) => def.measures[i]!.hidden === true);
  const needed = new Set<number>(visibleIdx);
  if (def.topN && byId.has(def.topN.by)) extra.push(byId.get(def.topN.by)!);
  const stack = [...visibleIdx, ...extra];
  while (stack.length) {
    const i = stack.pop()!;
    needed.add(i);
    for (const dep of dependencies(def.measures[i]!)) {
      const j = byId.get(dep);
      if (j === undefined) fail(ctx, 'REPORT_MEASURE_INVALID', `/measures/${i}`, bi(`指标 "${dep}" 不存在`, `Measure "${dep}" does not exist`), { measure: dep });
      if (!needed.has(j)) stack.push(j);
    }
  }
  const visibleSet = new Set(visibleIdx);
  const measures = def.measures.map((m, index) => ({ m, index, visible: visibleSet.has(index) })).filter((x) => needed.has(x.index));
  for (const d of dims) if (!isId(d.id)) fail(ctx, 'REPORT_DEFINITION_INVALID', `/dimensions/${dims.indexOf(d)}/id`, bi(`维度 id "${String(d.id)}" 无效`, `Invalid dimension id "${String(d.id)}"`));
  for (const { m, index } of measures) if (!isId(m.id)) fail(ctx, 'REPORT_DEFINITION_INVALID', `/measures/${index}/id`, bi(`指标 id "${String(m.id)}" 无效`, `Invalid measure id "${String(m.id)}"`));
  return {
    dims: visible,
    pins,
    measures,
    drill: { ...(dimension ? { dimension } : {}), ...(afterCurrent ? { next: afterCurrent } : {}), records },
  };
}
