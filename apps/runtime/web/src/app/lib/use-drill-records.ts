import { useCallback, useEffect, useState } from 'react';
import type { RecordRow } from './records-api';
import { fetchDrillRecords, type DrillParam, type ReportParams } from './reports-api';

/** The records behind a drilled group, 50 at a time. */
export interface DrillRecordsState {
  form?: string;
  items: RecordRow[];
  nextCursor: string | null;
  loading: boolean;
  error?: unknown;
  more(): void;
  retry(): void;
}

/**
 * Loads the first page of the records endpoint for `drill`, and further pages on `more()`.
 * Mount it once per drilled group (key the component by the group): pages accumulate.
 */
export function useDrillRecords(app: string, report: string, params: ReportParams, drill: readonly DrillParam[]): DrillRecordsState {
  const [pages, setPages] = useState<{ form?: string; items: RecordRow[]; nextCursor: string | null }>({ items: [], nextCursor: null });
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [n, setN] = useState(0);
  const key = JSON.stringify([app, report, params, drill]);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(undefined);
    fetchDrillRecords(app, report, params, drill, cursor, ctl.signal).then(
      (page) => {
        setPages((p) => ({ form: page.form, items: cursor ? [...p.items, ...page.items] : page.items, nextCursor: page.nextCursor }));
        setLoading(false);
      },
      (e: unknown) => {
        if ((e as Error)?.name === 'AbortError') return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [key, cursor, n]);

  const more = useCallback(() => {
    if (pages.nextCursor) setCursor(pages.nextCursor);
  }, [pages.nextCursor]);
  const retry = useCallback(() => setN((x) => x + 1), []);
  return { ...pages, loading, error, more, retry };
}
