import type { Dimension, ReportDefinition } from '@kiln/engine-reports';
import { newDimension, newFilter, newMeasure } from './defaults';
import { insertAt, moveItem } from './list-ops';
import type { PaletteField } from './palette';
import type { Selection } from './selection';
import { pivotOf, wellItems, type WellId } from './wells';

/** Every id of the report: dimensions, measures, parameters and computed columns share one namespace (they become result columns). */
export function takenIds(def: ReportDefinition): string[] {
  return [...def.dimensions.map((d) => d.id), ...def.measures.map((m) => m.id), ...(def.params ?? []).map((p) => p.key), ...(def.dataset.columns ?? []).map((c) => c.id)];
}

/** Sets the pivot's sides and orders the dimensions rows first, then columns. */
export function withPivot(def: ReportDefinition, rows: readonly string[], columns: readonly string[]): ReportDefinition {
  const byId = new Map(def.dimensions.map((d) => [d.id, d]));
  const dimensions = [...rows, ...columns].map((id) => byId.get(id)).filter((d): d is Dimension => !!d);
  return { ...def, dimensions, visual: { ...def.visual, pivot: { rows: [...rows], columns: [...columns] } } };
}

/**
 * Drops a palette field into a well at `index` (the end when absent): a dimension (pivot rows or
 * columns too), a measure or a dataset filter, with the defaults of its type. Returns the new
 * report and the selection of the new chip.
 */
export function addToWell(def: ReportDefinition, well: WellId, field: PaletteField, index?: number): { def: ReportDefinition; selection: Selection } {
  if (well === 'measures') {
    const m = newMeasure(field, takenIds(def));
    return { def: { ...def, measures: insertAt(def.measures, m, index) }, selection: { kind: 'measure', id: m.id } };
  }
  if (well === 'filters') {
    const filters = insertAt(def.dataset.filters ?? [], newFilter(field), index);
    const at = index === undefined || index > filters.length - 1 ? filters.length - 1 : index;
    return { def: { ...def, dataset: { ...def.dataset, filters } }, selection: { kind: 'filter', id: String(at) } };
  }
  const d = newDimension(field, takenIds(def));
  if (well === 'dimensions') {
    return { def: { ...def, dimensions: insertAt(def.dimensions, d, index) }, selection: { kind: 'dimension', id: d.id } };
  }
  const { rows, columns } = pivotOf(def);
  const added = { ...def, dimensions: [...def.dimensions, d] };
  const next = well === 'pivot-rows' ? withPivot(added, insertAt(rows, d.id, index), columns) : withPivot(added, rows, insertAt(columns, d.id, index));
  return { def: next, selection: { kind: 'dimension', id: d.id } };
}

/**
 * Moves chip `id` to position `index` of well `to` (reorder within a well, or between the
 * pivot's rows and columns). Positions are those of the target list without the moved chip.
 */
export function moveChip(def: ReportDefinition, from: WellId, to: WellId, id: string, index: number): ReportDefinition {
  const items = wellItems(def, from);
  const at = items.indexOf(id);
  if (at < 0) return def;
  if (from === to) {
    if (from === 'dimensions') return { ...def, dimensions: moveItem(def.dimensions, at, index) };
    if (from === 'measures') return { ...def, measures: moveItem(def.measures, at, index) };
    if (from === 'filters') return { ...def, dataset: { ...def.dataset, filters: moveItem(def.dataset.filters ?? [], at, index) } };
  }
  const pivot = pivotOf(def);
  if (from === to && from === 'pivot-rows') return withPivot(def, moveItem(pivot.rows, at, index), pivot.columns);
  if (from === to && from === 'pivot-columns') return withPivot(def, pivot.rows, moveItem(pivot.columns, at, index));
  if (from === 'pivot-rows' && to === 'pivot-columns') return withPivot(def, pivot.rows.filter((x) => x !== id), insertAt(pivot.columns, id, index));
  if (from === 'pivot-columns' && to === 'pivot-rows') return withPivot(def, insertAt(pivot.rows, id, index), pivot.columns.filter((x) => x !== id));
  return def;
}
