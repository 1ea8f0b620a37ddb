import { useShallow } from 'zustand/react/shallow';
import { useRoleUi, type RoleUiState } from '../store/role-ui';

const selectSaveState = (s: RoleUiState) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): Pick<RoleUiState, 'busy' | 'result'> {
  return useRoleUi(useShallow(selectSaveState));
}
