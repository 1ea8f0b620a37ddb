import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { linkClick } from '../../../shared/router';
import { flowText } from '../../lib/flow-text';
import type { InstanceView, NodeRef } from '../../lib/flow-types';
import { formatTime } from '../../lib/time-format';
import { InstanceStatusBadge } from './status-badge';

/** The record page of an instance's record. */
export const recordHref = (i: Pick<InstanceView, 'app' | 'form' | 'record'>) =>
  i.record === null ? undefined : `/app/${encodeURIComponent(i.app)}/${encodeURIComponent(i.form)}/${i.record}`;

/** The names of the nodes an instance waits at (`instance-nodes`), or a dash. */
export function ActiveNodes({ nodes, testId = 'instance-nodes' }: { nodes: readonly NodeRef[]; testId?: string }) {
  const locale = currentLocale();
  if (!nodes.length) return <span className="muted" data-testid={testId}>—</span>;
  return <span data-testid={testId}>{nodes.map((n) => flowText(n.name, locale, n.node)).join(', ')}</span>;
}

/**
 * The facts of one instance (`instance-summary`, `data-status`): status, flow and version,
 * record (linked), initiator, start and end, and where it waits now. With `link`, a link to the
 * instance page (`instance-link`).
 */
export function InstanceSummary({ instance, link }: { instance: InstanceView; link?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const href = recordHref(instance);
  return (
    <section className="card side-card" data-testid="instance-summary" data-status={instance.status}>
      <h2 className="section-title">{t('instance.title')}</h2>
      <dl className="facts">
        <dt>{t('instance.status')}</dt>
        <dd>
          <InstanceStatusBadge status={instance.status} />
        </dd>
        <dt>{t('instance.flow')}</dt>
        <dd data-testid="instance-flow">
          {flowText(instance.flowName, locale, instance.flow)} <span className="muted small">v{instance.version}</span>
        </dd>
        <dt>{t('instance.record')}</dt>
        <dd>
          {href ? (
            <a href={href} onClick={linkClick} data-testid="instance-record">
              {instance.recordTitle || `#${instance.record}`}
            </a>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
        <dt>{t('instance.initiator')}</dt>
        <dd data-testid="instance-initiator">{instance.initiator?.name ?? t('timeline.system')}</dd>
        <dt>{t('instance.startedAt')}</dt>
        <dd>{formatTime(instance.startedAt, locale)}</dd>
        {instance.finishedAt && (
          <>
            <dt>{t('instance.finishedAt')}</dt>
            <dd>{formatTime(instance.finishedAt, locale)}</dd>
          </>
        )}
        {instance.status === 'running' && (
          <>
            <dt>{t('instance.activeNodes')}</dt>
            <dd>
              <ActiveNodes nodes={instance.activeNodes} />
            </dd>
          </>
        )}
      </dl>
      {instance.error && (
        <p className="notice notice-error small" data-testid="instance-error">
          {instance.error.message}
        </p>
      )}
      {link && (
        <a className="small" href={`/app/instances/${instance.id}`} onClick={linkClick} data-testid="instance-link">
          {t('instance.open')} ›
        </a>
      )}
    </section>
  );
}
