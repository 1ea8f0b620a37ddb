import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { linkClick, navigate } from '../../../shared/router';
import { DueLabel } from '../../components/flow/due-label';
import { RelTime } from '../../components/flow/rel-time';
import { TaskStatusBadge } from '../../components/flow/status-badge';
import { flowText } from '../../lib/flow-text';
import type { TaskView } from '../../lib/flow-types';

/** The page of one task. */
export const taskHref = (id: number) => `/app/tasks/${id}`;

/**
 * The inbox rows (`tasks-table`): one `task-row-<id>` per task (`data-status`, `data-overdue`;
 * overdue rows highlighted) with flow (`task-flow`), node (`task-node`), record
 * (`task-record-title`), initiator (`task-initiator`), created (`task-created`) and due
 * (`task-due`); the done tab adds the status / outcome (`task-status`) and when it was acted on.
 * A click anywhere on a row opens the task.
 */
export function TaskTable({ tasks, done }: { tasks: TaskView[]; done: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="table-wrap card">
      <table className="records tasks-table" data-testid="tasks-table">
        <thead>
          <tr>
            <th>{t('tasks.colRecord')}</th>
            <th>{t('tasks.colNode')}</th>
            <th>{t('tasks.colFlow')}</th>
            <th>{t('tasks.colInitiator')}</th>
            <th>{t('tasks.colCreated')}</th>
            <th>{t('tasks.colDue')}</th>
            {done && <th>{t('tasks.colStatus')}</th>}
            {done && <th>{t('tasks.colActed')}</th>}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const late = task.overdue && task.status === 'open';
            return (
              <tr
                key={task.id}
                className={`clickable${late ? ' row-overdue' : ''}`}
                data-testid={`task-row-${task.id}`}
                data-status={task.status}
                data-overdue={String(late)}
                onClick={(e) => {
                  if (!(e.target as HTMLElement).closest('a')) navigate(taskHref(task.id));
                }}
              >
                <td>
                  <a href={taskHref(task.id)} onClick={linkClick} data-testid="task-record-title">
                    {task.recordTitle || (task.record !== null ? `#${task.record}` : flowText(task.flowName, locale, task.flow))}
                  </a>
                </td>
                <td data-testid="task-node">{flowText(task.nodeName, locale, task.node)}</td>
                <td data-testid="task-flow">
                  {flowText(task.flowName, locale, task.flow)}
                  <span className="muted small"> · {flowText(task.appName, locale, task.app)}</span>
                </td>
                <td data-testid="task-initiator">{task.initiator?.name ?? <span className="muted">—</span>}</td>
                <td>
                  <RelTime at={task.createdAt} testId="task-created" />
                </td>
                <td>
                  <DueLabel task={task} />
                </td>
                {done && (
                  <td>
                    <TaskStatusBadge task={task} />
                  </td>
                )}
                {done && (
                  <td>
                    <RelTime at={task.actedAt} testId="task-acted" />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
