import { useCallback, useEffect, useRef, useState } from 'react';
import { searchAudit } from '../audit-api';
import type { AuditFilters, AuditItem } from '../model/types';

/** What {@link useAuditSearch} gives the page. */
export interface AuditSearch {
  items: AuditItem[];
  /** Whether there is a next page (`load more`). */
  more: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
}

/**
 * The entries matching `filters` (a new search whenever they change), with "load more" following
 * the server's cursor; answers to an older search are ignored.
 */
export function useAuditSearch(filters: AuditFilters): AuditSearch {
  const [items, setItems] = useState<AuditItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const seq = useRef(0);

  const fetchPage = useCallback(
    (from: string | null, append: boolean) => {
      const mine = ++seq.current;
      setLoading(true);
      setError(undefined);
      searchAudit(filters, from).then(
        (page) => {
          if (mine !== seq.current) return;
          setItems((cur) => (append ? [...cur, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setError(e);
          setLoading(false);
        },
      );
    },
    [filters],
  );

  useEffect(() => fetchPage(null, false), [fetchPage]);
  const loadMore = useCallback(() => cursor && fetchPage(cursor, true), [cursor, fetchPage]);
  return { items, more: cursor !== null, loading, error, loadMore };
}
