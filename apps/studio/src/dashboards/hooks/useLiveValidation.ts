import { validateDashboard } from '@kiln/engine-reports';
import { useEffect } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { toPointer } from '../../reports/model/problem-target';
import { useDashboardUi, type DashboardProblem } from '../store/dashboard-ui';
import { useDashboardApp } from './useDashboardApp';
import { useDashboard } from './useDashboard';

const DEBOUNCE_MS = 200;

/** Validates the dashboard against the app's report drafts (`validateDashboard`) after every change, debounced. */
export function useLiveValidation(): void {
  const dashboard = useDashboard();
  const { reports } = useDashboardApp();
  const locale = useLocale();
  useEffect(() => {
    const timer = window.setTimeout(() => {
      let problems: DashboardProblem[];
      try {
        problems = validateDashboard(dashboard, { reports, locale }).map((p) => ({ source: 'live', code: p.code, message: p.message, path: toPointer(p.path) }));
      } catch (e) {
        problems = [{ source: 'live', code: 'REPORT_DASHBOARD_INVALID', message: e instanceof Error ? e.message : String(e), path: '' }];
      }
      useDashboardUi.setState({ liveProblems: problems });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [dashboard, reports, locale]);
}
