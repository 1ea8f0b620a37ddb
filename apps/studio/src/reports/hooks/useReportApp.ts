import { useReportContext, type ReportContextState } from '../store/report-context';

const selectApp = (s: ReportContextState) => s.app;

/** The key of the app whose report is being edited. */
export function useReportApp(): string {
  return useReportContext(selectApp);
}
