import { useShallow } from 'zustand/react/shallow';
import { useRoleContext, type RoleContextState } from '../store/role-context';

const selectDrafts = (s: RoleContextState) => ({ flows: s.flows, reports: s.reports });

/** The app's flow and report drafts (keys and names), for the role's flow and report grants. */
export function useAppDrafts(): Pick<RoleContextState, 'flows' | 'reports'> {
  return useRoleContext(useShallow(selectDrafts));
}
