import type { ReportDefinition } from '@kiln/engine-reports';

/** The drop wells of the designer; pivot reports show rows / columns instead of dimensions. */
export const WELLS = ['dimensions', 'pivot-rows', 'pivot-columns', 'measures', 'filters'] as const;
export type WellId = (typeof WELLS)[number];

/** True for the wells that hold dimensions. */
export function isDimensionWell(well: WellId): boolean {
  return well === 'dimensions' || well === 'pivot-rows' || well === 'pivot-columns';
}

/**
 * The pivot's rows and columns, normalised: only existing dimension ids, and every dimension
 * placed (the ones on neither side go to the rows).
 */
export function pivotOf(def: ReportDefinition): { rows: string[]; columns: string[] } {
  const ids = def.dimensions.map((d) => d.id);
  const known = new Set(ids);
  const columns = (def.visual.pivot?.columns ?? []).filter((id) => known.has(id));
  const rows = (def.visual.pivot?.rows ?? []).filter((id) => known.has(id) && !columns.includes(id));
  for (const id of ids) if (!rows.includes(id) && !columns.includes(id)) rows.push(id);
  return { rows, columns };
}

/** The wells shown for the report's visual. */
export function visibleWells(def: ReportDefinition): WellId[] {
  return def.visual.type === 'pivot' ? ['pivot-rows', 'pivot-columns', 'measures', 'filters'] : ['dimensions', 'measures', 'filters'];
}

/** The ids of a well's chips, in order (a filter's id is its index). */
export function wellItems(def: ReportDefinition, well: WellId): string[] {
  switch (well) {
    case 'dimensions':
      return def.dimensions.map((d) => d.id);
    case 'pivot-rows':
      return pivotOf(def).rows;
    case 'pivot-columns':
      return pivotOf(def).columns;
    case 'measures':
      return def.measures.map((m) => m.id);
    case 'filters':
      return (def.dataset.filters ?? []).map((_, i) => String(i));
  }
}
