import { useShallow } from 'zustand/react/shallow';
import { useRoleContext, type RoleContextState } from '../store/role-context';

const selectForms = (s: RoleContextState) => ({ forms: s.forms, formKeys: s.formKeys });

/** The app's draft forms by key, and their keys in the app's order. */
export function useAppForms(): Pick<RoleContextState, 'forms' | 'formKeys'> {
  return useRoleContext(useShallow(selectForms));
}
