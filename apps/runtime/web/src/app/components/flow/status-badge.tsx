import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { flowText } from '../../lib/flow-text';
import type { InstanceStatus, TaskView } from '../../lib/flow-types';

const TASK_TONE: Record<string, string> = {
  open: 'info',
  waiting: 'warn',
  approved: 'ok',
  rejected: 'danger',
  transferred: 'muted',
  returned: 'warn',
  cancelled: 'muted',
};

const INSTANCE_TONE: Record<string, string> = {
  running: 'info',
  approved: 'ok',
  completed: 'ok',
  rejected: 'danger',
  failed: 'danger',
  withdrawn: 'muted',
  cancelled: 'muted',
};

/**
 * A task's state as a coloured badge (`data-status`). An approved or rejected task shows its
 * node's outcome label when the flow gives one (a to-do's "Contacted").
 */
export function TaskStatusBadge({ task, testId = 'task-status' }: { task: Pick<TaskView, 'status' | 'labels'>; testId?: string }) {
  const { t } = useTranslation();
  const custom = task.status === 'approved' ? task.labels?.approve : task.status === 'rejected' ? task.labels?.reject : undefined;
  const text = custom ? flowText(custom, currentLocale()) : t(`flowStatus.task.${task.status}`, { defaultValue: task.status });
  return (
    <span className={`badge badge-${TASK_TONE[task.status] ?? 'muted'}`} data-testid={testId} data-status={task.status}>
      {text}
    </span>
  );
}

/** An instance's state as a coloured badge (`data-status`). */
export function InstanceStatusBadge({ status, testId = 'instance-status' }: { status: InstanceStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${INSTANCE_TONE[status] ?? 'muted'}`} data-testid={testId} data-status={status}>
      {t(`flowStatus.instance.${status}`, { defaultValue: status })}
    </span>
  );
}
