import { useCallback, useEffect, useRef, useState } from 'react';
import { connectorApi } from '../api/connector-api';
import type { Delivery, DeliveryPage, DeliveryState } from '../api/types';
import { useConnectorApp } from './useConnectorApp';

/** How often the monitor refreshes itself. */
export const REFRESH_MS = 3000;
const PAGE = 50;

/** State of {@link useDeliveries}. */
export interface DeliveriesView {
  items: Delivery[];
  counts: DeliveryPage['counts'] | null;
  nextCursor: string | null;
  error: unknown;
  loading: boolean;
  /** Refreshes now (after a retry or replay). */
  refresh: () => void;
  /** Appends the next page. */
  more: () => void;
}

/**
 * The outbox of the open connector, filtered by `state` (all when null): the first page (as
 * many rows as are shown), refreshed every {@link REFRESH_MS} while the page is visible.
 */
export function useDeliveries(state: DeliveryState | null): DeliveriesView {
  const { app, key } = useConnectorApp();
  const [page, setPage] = useState<{ items: Delivery[]; counts: DeliveryPage['counts'] | null; nextCursor: string | null }>({ items: [], counts: null, nextCursor: null });
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const shown = useRef(PAGE);
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    connectorApi.deliveries(app, key, { state: state ?? undefined, limit: Math.min(200, Math.max(PAGE, shown.current)) }).then(
      (p) => {
        if (mine !== seq.current) return;
        setPage({ items: p.items, counts: p.counts, nextCursor: p.nextCursor });
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [app, key, state]);

  const more = useCallback(() => {
    if (!page.nextCursor) return;
    const mine = ++seq.current;
    connectorApi.deliveries(app, key, { state: state ?? undefined, cursor: page.nextCursor, limit: PAGE }).then(
      (p) => {
        if (mine !== seq.current) return;
        setPage((cur) => {
          const items = [...cur.items, ...p.items.filter((d) => !cur.items.some((x) => x.id === d.id))];
          shown.current = items.length;
          return { items, counts: p.counts, nextCursor: p.nextCursor };
        });
      },
      (e: unknown) => mine === seq.current && setError(e),
    );
  }, [app, key, state, page.nextCursor]);

  useEffect(() => {
    shown.current = PAGE;
    setLoading(true);
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return { ...page, error, loading, refresh, more };
}
