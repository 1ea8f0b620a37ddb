import { useRoleContext, type RoleContextState } from '../store/role-context';

const selectApp = (s: RoleContextState) => s.app;
const selectKey = (s: RoleContextState) => s.roleKey;

/** The app key and the edited role's (route) key. */
export function useRoleApp(): { app: string; key: string } {
  return { app: useRoleContext(selectApp), key: useRoleContext(selectKey) };
}
