import { useCallback, useState } from 'react';
import { downloadReportCsv, type DrillParam, type ReportParams } from '../../lib/reports-api';

/** Runs a CSV export of one report and tracks whether it is running or failed. */
export function useCsvExport(app: string, report: string): { busy: boolean; error?: unknown; run(params: ReportParams, drill: readonly DrillParam[]): void; clear(): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    (params: ReportParams, drill: readonly DrillParam[]) => {
      setBusy(true);
      setError(undefined);
      downloadReportCsv(app, report, params, drill).then(
        () => setBusy(false),
        (e: unknown) => {
          setError(e);
          setBusy(false);
        },
      );
    },
    [app, report],
  );
  return { busy, error, run, clear: useCallback(() => setError(undefined), []) };
}
