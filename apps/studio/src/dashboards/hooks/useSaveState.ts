import { useShallow } from 'zustand/react/shallow';
import { useDashboardUi, type DashboardUiState } from '../store/dashboard-ui';

const selectSaveState = (s: DashboardUiState) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): Pick<DashboardUiState, 'busy' | 'result'> {
  return useDashboardUi(useShallow(selectSaveState));
}
