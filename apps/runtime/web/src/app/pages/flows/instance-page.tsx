import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api';
import { currentLocale } from '../../../shared/i18n';
import { linkClick } from '../../../shared/router';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorNotice } from '../../components/error-notice';
import { FlashNotice } from '../../components/flash-notice';
import { InstanceSummary } from '../../components/flow/instance-summary';
import { InstanceTasks } from '../../components/flow/instance-tasks';
import { Timeline } from '../../components/flow/timeline';
import { WithdrawButton } from '../../components/flow/withdraw-button';
import { flowText } from '../../lib/flow-text';
import { getInstance } from '../../lib/instances-api';
import { useAsync } from '../../lib/use-async';

/**
 * One flow instance (`/app/instances/{id}`, `instance-page` with `data-status`): its facts,
 * `withdraw` while allowed, its tasks and its timeline.
 */
export function InstancePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const inst = useAsync(() => getInstance(id), [id]);
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();

  if (inst.error !== undefined && !inst.data) {
    const missing = inst.error instanceof ApiError && (inst.error.status === 404 || inst.error.status === 403);
    return (
      <div className="page">
        {missing ? <p className="notice notice-error" data-testid="instance-not-found">{t('instance.notFound')}</p> : <ErrorNotice error={inst.error} onRetry={inst.reload} />}
        <a href="/app/submissions" onClick={linkClick}>‹ {t('submissions.title')}</a>
      </div>
    );
  }
  const i = inst.data;
  if (!i) return <div className="spinner">{t('common.loading')}</div>;
  const flowName = flowText(i.flowName, locale, i.flow);
  return (
    <div className="page page-wide" data-testid="instance-page" data-status={i.status}>
      <Breadcrumbs items={[{ href: '/app/submissions', label: t('submissions.title') }, { label: `${flowName} #${i.id}` }]} />
      <div className="page-head">
        <h1 className="page-title" data-testid="instance-title">
          {flowName}
          {i.recordTitle && <span className="muted"> · {i.recordTitle}</span>}
        </h1>
        {i.canWithdraw && (
          <WithdrawButton
            instance={i}
            onDone={() => {
              setFailure(undefined);
              setNotice(t('submissions.withdrawn', { title: i.recordTitle || `#${i.id}` }));
              inst.reload();
            }}
            onFailed={(e) => {
              setFailure(e);
              inst.reload();
            }}
          />
        )}
      </div>
      <FlashNotice message={notice} onClose={() => setNotice(undefined)} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div className="task-layout">
        <div className="task-main-col">
          <section className="card task-main">
            <h2 className="section-title">{t('instance.tasks')}</h2>
            <InstanceTasks tasks={i.tasks} />
          </section>
          <section className="card task-main">
            <h2 className="section-title">{t('timeline.title')}</h2>
            <Timeline entries={i.timeline} />
          </section>
        </div>
        <aside className="task-side">
          <InstanceSummary instance={i} />
        </aside>
      </div>
    </div>
  );
}
