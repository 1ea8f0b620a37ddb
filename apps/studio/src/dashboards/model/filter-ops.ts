import type { DashboardDefinition, DashboardFilter, Param, ReportDefinition } from '@kiln/engine-reports';

/** The parameters the dashboard's reports declare, once per key (the first declaration wins), not yet a filter. */
export function unboundParams(def: DashboardDefinition, reports: Readonly<Record<string, ReportDefinition>>): Param[] {
  const taken = new Set((def.filters ?? []).map((f) => f.param));
  const out = new Map<string, Param>();
  for (const item of def.items) {
    for (const p of reports[item.report]?.params ?? []) if (!taken.has(p.key) && !out.has(p.key)) out.set(p.key, p);
  }
  return [...out.values()];
}

/** A shared filter for a parameter the reports declare (label, type, options and default copied). */
export function filterFor(p: Param): DashboardFilter {
  return {
    param: p.key,
    label: p.label,
    type: p.type,
    ...(p.options ? { options: p.options } : {}),
    ...(p.form ? { form: p.form } : {}),
    ...(p.default !== undefined ? { default: p.default } : {}),
  };
}

/** A new date-range filter with a free key (`period`, `period_2`, …). */
export function newDateFilter(def: DashboardDefinition): DashboardFilter {
  const taken = new Set((def.filters ?? []).map((f) => f.param));
  let key = 'period';
  for (let n = 2; taken.has(key); n++) key = `period_${n}`;
  return { param: key, label: { 'zh-CN': '日期范围', en: 'Period' }, type: 'date_range', default: 'last_30_days' };
}

/** How many placed reports declare a parameter of this key (the reports a filter drives). */
export function boundCount(def: DashboardDefinition, reports: Readonly<Record<string, ReportDefinition>>, param: string): number {
  const keys = new Set(def.items.map((i) => i.report));
  return [...keys].filter((k) => reports[k]?.params?.some((p) => p.key === param)).length;
}

/**
 * The parameter values a card sends: for each parameter its report declares, the dashboard
 * filter of the same key — the value picked in the filter bar, else the filter's default.
 */
export function cardParams(report: ReportDefinition, filters: readonly DashboardFilter[] | undefined, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of report.params ?? []) {
    const f = filters?.find((x) => x.param === p.key);
    if (!f) continue;
    const v = values[p.key] ?? (f.default === undefined || f.default === null ? '' : String(f.default));
    if (v !== '') out[p.key] = v;
  }
  return out;
}
