import { create } from 'zustand';

/** The roles page's tabs. */
export const ROLES_TABS = ['roles', 'members', 'tokens', 'viewas'] as const;
export type RolesTab = (typeof ROLES_TABS)[number];

/** State of {@link useRolesPage}: kept while roles are switched (the editor below is re-keyed). */
export interface RolesPageState {
  tab: RolesTab;
  /** Bumped after a role is created, renamed, saved or deleted: the list reloads. */
  listVersion: number;
}

/** Page-level state of the roles page. */
export const useRolesPage = create<RolesPageState>(() => ({ tab: 'roles', listVersion: 0 }));

/** Shows a tab of the roles page. */
export function showRolesTab(tab: RolesTab): void {
  useRolesPage.setState({ tab });
}

/** Makes the roles list reload. */
export function reloadRoleList(): void {
  useRolesPage.setState((s) => ({ listVersion: s.listVersion + 1 }));
}
