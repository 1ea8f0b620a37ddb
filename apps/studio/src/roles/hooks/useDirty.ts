import { useMemo } from 'react';
import { useRoleUi, type RoleUiState } from '../store/role-ui';
import { useRole } from './useRole';

const selectSaved = (s: RoleUiState) => s.savedJson;

/** True when the role differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const role = useRole();
  const saved = useRoleUi(selectSaved);
  return useMemo(() => JSON.stringify(role) !== saved, [role, saved]);
}
