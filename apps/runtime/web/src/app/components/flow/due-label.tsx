import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import type { TaskView } from '../../lib/flow-types';
import { formatTime, relativeTime } from '../../lib/time-format';

/**
 * A task's deadline relative to now ("3 小时后到期", "Due 2 hours ago") with the exact time as
 * a tooltip, and an "overdue" tag when the server says the task is late (`task-due`,
 * `data-overdue`). A closed task shows the plain date; one without an SLA a dash.
 */
export function DueLabel({ task }: { task: Pick<TaskView, 'dueAt' | 'overdue' | 'status'> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!task.dueAt) return <span className="muted" data-testid="task-due" data-overdue="false">—</span>;
  const pending = task.status === 'open' || task.status === 'waiting';
  // A closed task's deadline is history: its date, without "in 2 hours" / "overdue".
  if (!pending) return <span className="muted" data-testid="task-due" data-overdue="false">{formatTime(task.dueAt, locale)}</span>;
  const late = task.overdue;
  return (
    <span className={late ? 'due due-late' : 'due'} data-testid="task-due" data-overdue={String(late)} title={formatTime(task.dueAt, locale)}>
      {late && <span className="badge badge-danger" data-testid="task-overdue">{t('tasks.overdue')}</span>}
      {t('tasks.due', { when: relativeTime(task.dueAt, locale) })}
    </span>
  );
}
