import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { toPointer } from '../../reports/model/problem-target';
import { pick } from '../../ui/localized';
import { useDashboardContext, type DashboardContextState } from '../store/dashboard-context';
import { useDashboardUi, type DashboardProblem, type DashboardUiState } from '../store/dashboard-ui';
import { useDashboard } from './useDashboard';

const selectLive = (s: DashboardUiState) => s.liveProblems;
const selectServer = (s: DashboardUiState) => s.serverProblems;
const selectServerJson = (s: DashboardUiState) => s.serverJson;
const selectKey = (s: DashboardContextState) => s.dashboardKey;

/** Every problem of this dashboard: the live validation, then its part of the last refused publish (until it is edited). */
export function useProblems(): DashboardProblem[] {
  const live = useDashboardUi(selectLive);
  const server = useDashboardUi(selectServer);
  const serverJson = useDashboardUi(selectServerJson);
  const key = useDashboardContext(selectKey);
  const dashboard = useDashboard();
  const locale = useLocale();
  const current = useMemo(() => (server.length ? JSON.stringify(dashboard) === serverJson : false), [server, dashboard, serverJson]);
  return useMemo(() => {
    const mine = current
      ? server.filter((p) => p.kind === 'dashboards' && p.key === key).map((p): DashboardProblem => ({ source: 'publish', code: p.code, message: pick(p.message, locale), path: toPointer(p.path) }))
      : [];
    const seen = new Set<string>();
    return [...live, ...mine].filter((p) => {
      const id = `${p.path}|${p.code}|${p.message}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
  }, [live, server, current, key, locale]);
}
