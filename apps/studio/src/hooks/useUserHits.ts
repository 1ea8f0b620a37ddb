import { useEffect, useRef, useState } from 'react';
import { endpoints } from '../api/endpoints';
import type { UserHit } from '../api/types';

const DEBOUNCE_MS = 200;

/**
 * Users matching `q` (`GET /api/users/search`), searched after a short pause while `active`.
 * `onHits` sees every answer (e.g. to remember names for ids shown elsewhere).
 */
export function useUserHits(q: string, active: boolean, onHits?: (items: UserHit[]) => void): { items: UserHit[]; error: unknown } {
  const [state, setState] = useState<{ items: UserHit[]; error: unknown }>({ items: [], error: undefined });
  const hits = useRef(onHits);
  hits.current = onHits;
  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = window.setTimeout(() => {
      endpoints.searchUsers(q.trim()).then(
        (r) => {
          if (!live) return;
          hits.current?.(r.items);
          setState({ items: r.items, error: undefined });
        },
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
