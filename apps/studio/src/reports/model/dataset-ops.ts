import type { FormDefinition } from '@kiln/engine-forms';
import type { ReportDefinition } from '@kiln/engine-reports';

/** True when the report has chips that a change of dataset would orphan. */
export function hasFieldRefs(def: ReportDefinition): boolean {
  return def.dimensions.length > 0 || def.measures.length > 0 || (def.dataset.filters?.length ?? 0) > 0;
}

/**
 * Points the report at another form: its dimensions, measures, filters, computed columns and
 * what refers to them (sort, top-N, drill, pivot) start over; parameters and the visual stay.
 */
export function setDatasetForm(def: ReportDefinition, form: string): ReportDefinition {
  const { sort: _sort, topN: _topN, drill: _drill, ...rest } = def;
  const { pivot: _pivot, tree: _tree, ...visual } = def.visual;
  return { ...rest, dataset: { form }, dimensions: [], measures: [], visual };
}

/** Sets (or with `''` clears) the sub-table whose lines are the dataset's rows. */
export function setUnnest(def: ReportDefinition, unnest: string): ReportDefinition {
  const { unnest: _old, ...dataset } = def.dataset;
  return { ...def, dataset: unnest ? { ...dataset, unnest } : dataset };
}

/** The sub-table fields of a form (what "one row per line of" offers). */
export function subtablesOf(form: FormDefinition | undefined): { key: string; label: unknown }[] {
  return (form?.fields ?? []).filter((f) => f.type === 'subtable').map((f) => ({ key: f.key, label: f.label }));
}
