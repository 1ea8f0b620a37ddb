import { useAsync } from '../../hooks/useAsync';
import type { AdminUser } from '../user-types';
import { usersApi } from '../users-api';

const NONE: AdminUser[] = [];

/** Every user (`GET /api/users`, admin only), with the load error and a reload after saves. */
export function useUsers(): { users: AdminUser[]; loaded: boolean; error: unknown; reload: () => void } {
  const { data, error, reload } = useAsync(() => usersApi.list(), []);
  return { users: data?.items ?? NONE, loaded: data !== undefined, error, reload };
}
