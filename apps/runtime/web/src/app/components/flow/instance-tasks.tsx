import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { flowText } from '../../lib/flow-text';
import type { TaskView } from '../../lib/flow-types';
import { formatTime } from '../../lib/time-format';
import { DueLabel } from './due-label';
import { TaskStatusBadge } from './status-badge';

/**
 * The tasks of one instance (`instance-tasks`), one `instance-task-<id>` each: node, assignee
 * (`instance-task-assignee`), status / outcome, due, when acted on, and the comment.
 */
export function InstanceTasks({ tasks }: { tasks: readonly TaskView[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!tasks.length) return <p className="muted" data-testid="instance-tasks-empty">{t('instance.noTasks')}</p>;
  return (
    <div className="table-wrap">
      <table className="records" data-testid="instance-tasks">
        <thead>
          <tr>
            <th>{t('tasks.colNode')}</th>
            <th>{t('instance.assignee')}</th>
            <th>{t('tasks.colStatus')}</th>
            <th>{t('tasks.colDue')}</th>
            <th>{t('tasks.colActed')}</th>
            <th>{t('task.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} data-testid={`instance-task-${task.id}`} data-status={task.status}>
              <td>{flowText(task.nodeName, locale, task.node)}</td>
              <td data-testid="instance-task-assignee">{task.assignee.name}</td>
              <td>
                <TaskStatusBadge task={task} />
              </td>
              <td>
                <DueLabel task={task} />
              </td>
              <td>{task.actedAt ? formatTime(task.actedAt, locale) : <span className="muted">—</span>}</td>
              <td className="wrap">{task.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
