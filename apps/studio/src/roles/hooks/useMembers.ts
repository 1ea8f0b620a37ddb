import { useAsync, type AsyncState } from '../../hooks/useAsync';
import { rolesApi } from '../api/roles-api';
import type { AppMember } from '../api/types';

/** The app's explicit members (`GET /api/apps/{app}/members`). */
export function useMembers(app: string): AsyncState<{ items: AppMember[] }> {
  return useAsync(() => rolesApi.members(app), [app]);
}
