import type { Localized, ReportDefinition } from '@kiln/engine-reports';

/** A new report draft: a bar chart on form `form` (may be empty: picked in the designer), no fields yet. */
export function newReport(key: string, name: Localized, form: string): ReportDefinition {
  return { key, name, dataset: { form }, dimensions: [], measures: [], visual: { type: 'bar' } };
}
