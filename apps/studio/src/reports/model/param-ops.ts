import type { Filter, Param, ReportDefinition, When } from '@kiln/engine-reports';
import { newId } from './ids';
import { takenIds } from './well-ops';

/** A new parameter: a date range over the last 30 days, with a fresh key (`period`, `period_2`, …). */
export function newParam(def: ReportDefinition): Param {
  const key = newId('period', takenIds(def));
  return { key, label: { 'zh-CN': '日期范围', en: 'Period' }, type: 'date_range', default: 'last_30_days' };
}

const rebindFilters = (list: readonly Filter[] | undefined, from: string, to: string) =>
  list?.map((f) => (f.param === from ? { ...f, param: to } : f));
const rebindWhen = (w: When | undefined, from: string, to: string) => (w?.param === from ? { ...w, param: to } : w);

/**
 * Renames parameter `from` to `to` everywhere it is referenced (filters, conditional measure
 * filters, `when` switches, KPI compare, tree root), so renaming a key breaks nothing.
 */
export function renameParamRefs(def: ReportDefinition, from: string, to: string): ReportDefinition {
  if (from === to) return def;
  const { compare, tree } = def.visual;
  return {
    ...def,
    dataset: { ...def.dataset, filters: rebindFilters(def.dataset.filters, from, to) },
    dimensions: def.dimensions.map((d) => (d.when?.param === from ? { ...d, when: rebindWhen(d.when, from, to) } : d)),
    measures: def.measures.map((m) => ({ ...m, filters: rebindFilters(m.filters, from, to), when: rebindWhen(m.when, from, to) })),
    visual: {
      ...def.visual,
      ...(compare?.param === from ? { compare: { param: to } } : {}),
      ...(tree?.root === from ? { tree: { ...tree, root: to } } : {}),
    },
  };
}
