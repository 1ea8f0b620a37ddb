import type { UserHit } from '../../api/types';
import { useUserHits } from '../../hooks/useUserHits';
import { rememberUsers } from '../store/flow-context';

/**
 * Users matching `q` (`GET /api/users/search`), searched after a short pause while `active`;
 * hits are remembered so their names show wherever their ids are stored.
 */
export function useUserSearch(q: string, active: boolean): { items: UserHit[]; error: unknown } {
  return useUserHits(q, active, rememberUsers);
}
