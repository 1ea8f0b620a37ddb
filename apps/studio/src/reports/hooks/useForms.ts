import type { FormDefinition } from '@kiln/engine-forms';
import { useReportContext, type ReportContextState } from '../store/report-context';

const selectForms = (s: ReportContextState) => s.forms;

/** The app's draft forms, by key. */
export function useForms(): Record<string, FormDefinition> {
  return useReportContext(selectForms);
}
