import type { Draft } from '../../api/endpoints';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import { rolesApi } from '../api/roles-api';
import type { RoleDefinition } from '../model/types';
import { useRolesPage, type RolesPageState } from '../store/page-ui';

const selectVersion = (s: RolesPageState) => s.listVersion;

/** The app's role drafts (`GET /api/apps/{app}/roles`), reloaded after every create / rename / save / delete. */
export function useRoleList(app: string): AsyncState<{ items: Draft<RoleDefinition>[] }> {
  const version = useRolesPage(selectVersion);
  return useAsync(() => rolesApi.list(app), [app, version]);
}
