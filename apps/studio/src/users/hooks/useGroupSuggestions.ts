import { useAsync } from '../../hooks/useAsync';
import type { GroupCount } from '../user-types';
import { usersApi } from '../users-api';

const NONE: GroupCount[] = [];

/**
 * The groups already in use (`GET /api/groups`), suggested by the groups input; `version`
 * changes (e.g. after a save) reload them. A failed load only means no suggestions.
 */
export function useGroupSuggestions(version: number): GroupCount[] {
  const { data } = useAsync(() => usersApi.groups(), [version]);
  return data?.items ?? NONE;
}
