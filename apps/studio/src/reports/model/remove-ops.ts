import type { ReportDefinition } from '@kiln/engine-reports';
import type { Selection } from './selection';

/** Removes a dimension and every reference to it (pivot sides, sort keys, drill path). */
function removeDimension(def: ReportDefinition, id: string): ReportDefinition {
  const pivot = def.visual.pivot;
  const path = def.drill?.path?.filter((x) => x !== id);
  return {
    ...def,
    dimensions: def.dimensions.filter((d) => d.id !== id),
    visual: pivot ? { ...def.visual, pivot: { rows: pivot.rows.filter((x) => x !== id), columns: pivot.columns.filter((x) => x !== id) } } : def.visual,
    sort: def.sort?.filter((s) => s.by !== id),
    drill: def.drill ? { ...def.drill, path } : def.drill,
  };
}

/** Removes a measure and the sort keys and top-N that order by it (derived measures keep pointing: validation shows them). */
function removeMeasure(def: ReportDefinition, id: string): ReportDefinition {
  const { topN, ...rest } = def;
  return {
    ...rest,
    ...(topN && topN.by !== id ? { topN } : {}),
    measures: def.measures.filter((m) => m.id !== id),
    sort: def.sort?.filter((s) => s.by !== id),
  };
}

/** Removes the selected element (a chip, a parameter or a computed column). */
export function removeSelection(def: ReportDefinition, sel: Selection): ReportDefinition {
  switch (sel.kind) {
    case 'dimension':
      return removeDimension(def, sel.id);
    case 'measure':
      return removeMeasure(def, sel.id);
    case 'filter':
      return { ...def, dataset: { ...def.dataset, filters: (def.dataset.filters ?? []).filter((_, i) => String(i) !== sel.id) } };
    case 'param':
      return { ...def, params: (def.params ?? []).filter((p) => p.key !== sel.id) };
    case 'column':
      return { ...def, dataset: { ...def.dataset, columns: (def.dataset.columns ?? []).filter((c) => c.id !== sel.id) } };
  }
}
