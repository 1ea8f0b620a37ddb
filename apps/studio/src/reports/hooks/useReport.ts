import type { ReportDefinition } from '@kiln/engine-reports';
import { useReportStore } from '../store/report-store';

const selectDoc = (s: { doc: ReportDefinition }) => s.doc;

/** The report being edited. */
export function useReport(): ReportDefinition {
  return useReportStore(selectDoc);
}
