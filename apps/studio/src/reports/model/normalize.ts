import type { ReportDefinition } from '@kiln/engine-reports';

/**
 * A stored draft made safe to edit: the lists the designer maps over exist, the dataset and
 * the visual are objects. Unknown properties are kept as they are.
 */
export function normalizeReport(raw: unknown, key: string): ReportDefinition {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<ReportDefinition>;
  return {
    ...r,
    key: r.key || key,
    name: r.name ?? key,
    dataset: { ...r.dataset, form: r.dataset?.form ?? '' },
    dimensions: Array.isArray(r.dimensions) ? r.dimensions : [],
    measures: Array.isArray(r.measures) ? r.measures : [],
    visual: { ...r.visual, type: r.visual?.type ?? 'bar' },
  };
}
