import { useCallback, useEffect, useState } from 'react';
import { fetchReportData, type DrillParam, type ReportData, type ReportParams } from './reports-api';

/** The state of one report card's data. */
export interface ReportDataState {
  data?: ReportData;
  error?: unknown;
  loading: boolean;
  /** When the shown data arrived. */
  updatedAt?: Date;
  reload(): void;
}

/**
 * Loads a report's data for the given parameter values and drill steps, again whenever they or
 * `tick` (auto-refresh, "refresh all") change. The previous data stays on screen while the next
 * answer is on its way; an answer to a superseded request is dropped (aborted). Nothing is
 * fetched while `enabled` is false (e.g. the report is not published).
 */
export function useReportData(app: string, report: string, params: ReportParams, drill: readonly DrillParam[], tick: number, enabled = true): ReportDataState {
  const [n, setN] = useState(0);
  const [state, setState] = useState<Omit<ReportDataState, 'reload'>>({ loading: true });
  const paramsKey = JSON.stringify(params);
  const drillKey = JSON.stringify(drill);
  useEffect(() => {
    if (!enabled) return setState({ loading: false });
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    fetchReportData(app, report, params, drill, ctl.signal).then(
      (data) => setState({ data, loading: false, updatedAt: new Date() }),
      (error: unknown) => {
        if ((error as Error)?.name === 'AbortError') return;
        setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => ctl.abort();
    // params/drill are compared by value through their keys.
  }, [app, report, paramsKey, drillKey, tick, n, enabled]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}
