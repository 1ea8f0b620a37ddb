import { useEffect, useSyncExternalStore } from 'react';
import type { TaskCounts } from './flow-types';
import { listTasks } from './tasks-api';

/**
 * The signed-in user's task counts, shared by the header badge and the inbox tabs: whoever
 * loads a task page publishes its counts here, and anyone who changes a task asks for a
 * refresh, so the badge never lags behind what the inbox shows.
 */
let counts: TaskCounts | undefined;
const listeners = new Set<() => void>();
let inFlight: Promise<void> | undefined;

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Publishes counts just read from `GET /api/tasks`. */
export function publishTaskCounts(next: TaskCounts | undefined): void {
  if (next === counts || (next && counts && next.open === counts.open && next.overdue === counts.overdue && next.done === counts.done)) return;
  counts = next;
  for (const fn of listeners) fn();
}

/** Reads the counts again (one request at a time); failures keep what was shown. */
export function refreshTaskCounts(): Promise<void> {
  inFlight ??= listTasks('open', { limit: 1 })
    .then((p) => publishTaskCounts(p.counts))
    .catch(() => undefined)
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

const POLL_MS = 60_000;

/**
 * The current counts (undefined until known). With `poll`, refreshes when `key` changes (pass
 * the path, so every navigation refreshes) and once a minute while the tab is visible.
 */
export function useTaskCounts(poll = false, key?: string): TaskCounts | undefined {
  const value = useSyncExternalStore(subscribe, () => counts);
  useEffect(() => {
    if (!poll) return;
    void refreshTaskCounts();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refreshTaskCounts();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [poll, key]);
  return value;
}

/** Forgets the counts (on logout, so the next user never sees the last one's badge). */
export function clearTaskCounts(): void {
  publishTaskCounts(undefined);
}
