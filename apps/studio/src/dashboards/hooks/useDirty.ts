import { useMemo } from 'react';
import { useDashboardUi, type DashboardUiState } from '../store/dashboard-ui';
import { useDashboard } from './useDashboard';

const selectSaved = (s: DashboardUiState) => s.savedJson;

/** True when the dashboard differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const dashboard = useDashboard();
  const saved = useDashboardUi(selectSaved);
  return useMemo(() => JSON.stringify(dashboard) !== saved, [dashboard, saved]);
}
