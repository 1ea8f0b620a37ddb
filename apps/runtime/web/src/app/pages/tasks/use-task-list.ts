import { useEffect, useState } from 'react';
import type { TaskCounts, TaskPage, TaskView } from '../../lib/flow-types';
import { publishTaskCounts } from '../../lib/task-counts';
import { listTasks, type TaskState } from '../../lib/tasks-api';
import { useAsync } from '../../lib/use-async';

const PAGE_SIZE = 50;

/** The inbox list of one tab: the first page, pages appended by `loadMore`, and the counts. */
export interface TaskList {
  items?: TaskView[];
  counts?: TaskCounts;
  nextCursor: string | null;
  loading: boolean;
  error?: unknown;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * Loads the tasks of tab `state` page by page ("load more" appends), and publishes the counts
 * each page carries to the header badge. Changing tab or reloading starts from the first page.
 */
export function useTaskList(state: TaskState): TaskList {
  const first = useAsync(() => listTasks(state, { limit: PAGE_SIZE }), [state]);
  // Appended pages belong to the first page they continue; a new first page drops them.
  const [more, setMore] = useState<{ after: TaskPage; items: TaskView[]; counts: TaskCounts; nextCursor: string | null } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  const extra = first.data && more?.after === first.data ? more : undefined;

  useEffect(() => {
    if (first.data) publishTaskCounts(first.data.counts);
  }, [first.data]);

  const loadMore = () => {
    const base = first.data;
    const cursor = extra ? extra.nextCursor : base?.nextCursor;
    if (!base || !cursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    listTasks(state, { limit: PAGE_SIZE, cursor }).then(
      (p) => {
        setMore({ after: base, items: [...(extra?.items ?? []), ...p.items], counts: p.counts, nextCursor: p.nextCursor });
        publishTaskCounts(p.counts);
        setLoadingMore(false);
      },
      (e: unknown) => {
        setMoreError(e);
        setLoadingMore(false);
      },
    );
  };

  return {
    items: first.data ? [...first.data.items, ...(extra?.items ?? [])] : undefined,
    counts: extra?.counts ?? first.data?.counts,
    nextCursor: extra ? extra.nextCursor : (first.data?.nextCursor ?? null),
    loading: first.loading,
    error: first.error ?? moreError,
    loadingMore,
    loadMore,
    reload: first.reload,
  };
}
