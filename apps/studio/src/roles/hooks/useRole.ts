import type { DocState } from '../../reports/store/doc-store';
import type { RoleDefinition } from '../model/types';
import { useRoleStore } from '../store/role-store';

const selectDoc = (s: DocState<RoleDefinition>) => s.doc;

/** The role being edited. */
export function useRole(): RoleDefinition {
  return useRoleStore(selectDoc);
}
