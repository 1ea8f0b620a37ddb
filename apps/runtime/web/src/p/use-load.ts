import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../shared/api';

/** The state of one load: in flight, done with data, or failed with the API's error. */
export type Load<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; error: ApiError };

/**
 * Runs `fn` on mount and whenever `deps` change or `reload()` is called; aborts a superseded
 * call. Keeps the last data while reloading, so a refresh does not flash a spinner.
 */
export function useLoad<T>(fn: (signal: AbortSignal) => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    fn(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ kind: 'ready', data }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ kind: 'error', error: e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)) });
      },
    );
    return () => ctl.abort();
    // `fn` changes every render; `deps` say when it means something else.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return [state, reload];
}
