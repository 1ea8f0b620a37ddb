import { useShallow } from 'zustand/react/shallow';
import { useDashboardContext, type DashboardContextState } from '../store/dashboard-context';

const selectAll = (s: DashboardContextState) => ({ app: s.app, dashboardKey: s.dashboardKey, reports: s.reports, forms: s.forms });

/** The app around the dashboard: its key, the report drafts and the draft forms. */
export function useDashboardApp(): DashboardContextState {
  return useDashboardContext(useShallow(selectAll));
}
