import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@kiln/engine-forms';
import { ApiError } from '../../../shared/api';
import { currentLocale } from '../../../shared/i18n';
import { linkClick, navigate } from '../../../shared/router';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorNotice } from '../../components/error-notice';
import { FlashNotice } from '../../components/flash-notice';
import { DueLabel } from '../../components/flow/due-label';
import { InstanceSummary } from '../../components/flow/instance-summary';
import { TaskActions } from '../../components/flow/task-actions';
import { TaskClosedNotice } from '../../components/flow/task-closed-notice';
import { editedData, recordFormData } from '../../components/flow/task-fields';
import { TaskRecordForm } from '../../components/flow/task-record-form';
import { Timeline } from '../../components/flow/timeline';
import { setFlash } from '../../lib/flash';
import { flowText } from '../../lib/flow-text';
import type { TaskActionResult } from '../../lib/flow-types';
import { refreshTaskCounts } from '../../lib/task-counts';
import { getTask } from '../../lib/tasks-api';
import { formatTime } from '../../lib/time-format';
import { useAsync } from '../../lib/use-async';

type Data = Record<string, unknown>;

/** Someone else acted first, or the instance moved on: the task is no longer open. */
const isConflict = (e: unknown) => e instanceof ApiError && (e.code === 'FLOW_TASK_NOT_OPEN' || e.code === 'FLOW_NOT_RUNNING' || e.status === 409);

/**
 * One task (`/app/tasks/{id}`, `task-page` with `data-status`): the record's visible fields
 * with the node's editable ones as inputs, the actions while it is open (approve / reject go
 * back to the inbox with a flash), else a read-only view with its outcome; beside it the
 * instance's state and timeline. A conflict (someone acted first) shows the server's message
 * and reloads the task.
 */
export default function TaskPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const detail = useAsync(() => getTask(id), [id]);
  const [values, setValues] = useState<Data | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [serverErrors, setServerErrors] = useState<FieldError[] | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const d = detail.data;
  const original = useMemo(() => (d ? recordFormData(d.record, d.form.fields) : {}), [d]);
  const formValues = values ?? original;

  const onActed = (message: string, result: TaskActionResult) => {
    setFailure(undefined);
    setServerErrors(undefined);
    void refreshTaskCounts();
    if (result.task.status === 'open') {
      setNotice(message);
      detail.reload();
      return;
    }
    setFlash(message);
    navigate('/app/tasks');
  };
  const onFailed = (e: unknown) => {
    setNotice(undefined);
    setFailure(e);
    setServerErrors(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors : undefined);
    if (isConflict(e)) {
      setValues(undefined);
      detail.reload();
      void refreshTaskCounts();
    }
  };

  if (detail.error !== undefined && !d) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return (
      <div className="page">
        {missing ? (
          <p className="notice notice-error" data-testid="task-not-found">
            {t('task.notFound')}
          </p>
        ) : (
          <ErrorNotice error={detail.error} onRetry={detail.reload} />
        )}
        <a href="/app/tasks" onClick={linkClick}>
          ‹ {t('tasks.back')}
        </a>
      </div>
    );
  }
  if (!d) return <div className="spinner">{t('common.loading')}</div>;

  const { task, instance } = d;
  const open = task.status === 'open';
  const node = flowText(task.nodeName, locale, task.node);
  return (
    <div className="page page-wide" data-testid="task-page" data-status={task.status} data-task-id={task.id}>
      <Breadcrumbs items={[{ href: '/app/tasks', label: t('tasks.title') }, { label: node }]} />
      <div className="page-head">
        <div>
          <h1 className="page-title" data-testid="task-title">
            {node}
            {task.recordTitle && <span className="muted"> · {task.recordTitle}</span>}
          </h1>
          <p className="muted small task-meta">
            <span data-testid="task-flow">{flowText(task.flowName, locale, task.flow)}</span>
            {' · '}
            {flowText(task.appName, locale, task.app)}
            {task.initiator && <> · {t('task.initiatedBy', { name: task.initiator.name })}</>}
            {' · '}
            {t('task.createdAt', { time: formatTime(task.createdAt, locale) })}
            {task.dueAt && open && (
              <>
                {' · '}
                <DueLabel task={task} />
              </>
            )}
          </p>
        </div>
      </div>
      <FlashNotice message={notice} onClose={() => setNotice(undefined)} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      {!open && <TaskClosedNotice task={task} />}
      <div className="task-layout">
        <section className="card task-main">
          <h2 className="section-title">{flowText(d.form.name ?? d.form.title, locale, d.form.key)}</h2>
          {d.record ? (
            <TaskRecordForm
              key={`${task.id}/${task.status}`}
              detail={d}
              values={formValues}
              onChange={setValues}
              editing={open}
              serverErrors={serverErrors}
            />
          ) : (
            <p className="muted" data-testid="task-no-record">{t('task.noRecord')}</p>
          )}
          {open && (
            <TaskActions
              detail={d}
              data={() => editedData(formValues, original, d.editable)}
              onActed={onActed}
              onFailed={onFailed}
            />
          )}
        </section>
        <aside className="task-side">
          <InstanceSummary instance={instance} link />
          <section className="card side-card">
            <h2 className="section-title">{t('timeline.title')}</h2>
            <Timeline entries={instance.timeline} />
          </section>
        </aside>
      </div>
    </div>
  );
}
