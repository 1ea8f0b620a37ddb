import { useTranslation } from 'react-i18next';
import { useLocation } from '../../../shared/router';
import { ErrorNotice } from '../../components/error-notice';
import { FlashNotice } from '../../components/flash-notice';
import { Tabs } from '../../components/tabs';
import type { TaskState } from '../../lib/tasks-api';
import { TaskTable } from './task-table';
import { useTaskList } from './use-task-list';

/**
 * The inbox (`/app/tasks?tab=open|done`): tabs `tasks-tab-open` / `tasks-tab-done` with their
 * counts (`tasks-tab-open-count`, overdue `tasks-overdue-count`), the rows of the active tab,
 * `tasks-more` to load the next page, `tasks-empty` when there is nothing.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const tab: TaskState = search.get('tab') === 'done' ? 'done' : 'open';
  const list = useTaskList(tab);
  const counts = list.counts;
  return (
    <div className="page page-wide" data-testid="tasks-page" data-tab={tab}>
      <h1 className="page-title">{t('tasks.title')}</h1>
      <FlashNotice />
      <Tabs
        label={t('tasks.title')}
        testIdPrefix="tasks-tab"
        active={tab}
        href={(k) => (k === 'open' ? '/app/tasks' : `/app/tasks?tab=${k}`)}
        items={[
          {
            key: 'open',
            label: t('tasks.tabOpen'),
            count: counts?.open,
            extra: counts && counts.overdue > 0 && (
              <span className="badge badge-danger" data-testid="tasks-overdue-count" title={t('tasks.overdueCount', { count: counts.overdue })}>
                {t('tasks.overdueShort', { count: counts.overdue })}
              </span>
            ),
          },
          { key: 'done', label: t('tasks.tabDone'), count: counts?.done },
        ]}
      />
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.items && <div className="spinner">{t('common.loading')}</div>}
      {list.items && list.items.length > 0 && <TaskTable tasks={list.items} done={tab === 'done'} />}
      {list.items && list.items.length === 0 && (
        <div className="empty-state card" data-testid="tasks-empty">
          <strong>{t(tab === 'open' ? 'tasks.emptyOpen' : 'tasks.emptyDone')}</strong>
          <span className="muted">{t(tab === 'open' ? 'tasks.emptyOpenHint' : 'tasks.emptyDoneHint')}</span>
        </div>
      )}
      {list.nextCursor && (
        <div className="pager">
          <button type="button" className="btn" data-testid="tasks-more" disabled={list.loadingMore} onClick={list.loadMore}>
            {list.loadingMore ? t('common.loading') : t('tasks.more')}
          </button>
        </div>
      )}
    </div>
  );
}
