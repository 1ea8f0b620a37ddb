import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import type { UserHit } from '../../api/types';

const DEBOUNCE_MS = 200;

/** Users matching `q` (`GET /api/users/search`), searched after a short pause while `active`. */
export function useUserHits(q: string, active: boolean): { items: UserHit[]; error: unknown } {
  const [state, setState] = useState<{ items: UserHit[]; error: unknown }>({ items: [], error: undefined });
  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = window.setTimeout(() => {
      endpoints.searchUsers(q.trim()).then(
        (r) => live && setState({ items: r.items, error: undefined }),
        (error: unknown) => live && setState({ items: [], error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, active]);
  return state;
}
