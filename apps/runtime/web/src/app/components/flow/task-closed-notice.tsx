import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import type { TaskView } from '../../lib/flow-types';
import { formatTime } from '../../lib/time-format';
import { TaskStatusBadge } from './status-badge';

/**
 * Why a task can no longer be acted on (`task-closed`, `data-status`): its status or outcome,
 * when, and the comment given; a `waiting` task explains that an added signer goes first.
 */
export function TaskClosedNotice({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="notice notice-info task-closed" role="status" data-testid="task-closed" data-status={task.status}>
      <div>
        <TaskStatusBadge task={task} /> <span>{t(task.status === 'waiting' ? 'task.waitingHint' : 'task.closedHint')}</span>
        {task.actedAt && <span className="muted small"> · {formatTime(task.actedAt, locale)}</span>}
        {task.comment && (
          <blockquote className="timeline-comment" data-testid="task-closed-comment">
            {task.comment}
          </blockquote>
        )}
      </div>
    </div>
  );
}
