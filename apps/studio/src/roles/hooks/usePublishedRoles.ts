import type { Draft } from '../../api/endpoints';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import { rolesApi } from '../api/roles-api';
import type { RoleDefinition } from '../model/types';
import { useRolesPage, type RolesPageState } from '../store/page-ui';

const selectVersion = (s: RolesPageState) => s.listVersion;

/**
 * The roles of the app's published version (`GET /api/apps/{app}` → `roles`): members and API
 * tokens may only name these. Reloaded when the role list changes (e.g. after a publish).
 */
export function usePublishedRoles(app: string): AsyncState<Draft<RoleDefinition>[]> {
  const version = useRolesPage(selectVersion);
  return useAsync(() => rolesApi.published(app), [app, version]);
}
