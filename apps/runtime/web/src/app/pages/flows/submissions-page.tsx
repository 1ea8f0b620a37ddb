import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { linkClick, navigate, useLocation } from '../../../shared/router';
import { ErrorNotice } from '../../components/error-notice';
import { FlashNotice } from '../../components/flash-notice';
import { ActiveNodes } from '../../components/flow/instance-summary';
import { RelTime } from '../../components/flow/rel-time';
import { InstanceStatusBadge } from '../../components/flow/status-badge';
import { WithdrawButton } from '../../components/flow/withdraw-button';
import { Tabs } from '../../components/tabs';
import { flowText } from '../../lib/flow-text';
import { listMySubmissions, type InstanceState } from '../../lib/instances-api';
import { useAsync } from '../../lib/use-async';

/** The page of one instance. */
export const instanceHref = (id: number) => `/app/instances/${id}`;

/**
 * What I started (`/app/submissions?tab=running|finished`): tabs `submissions-tab-running` /
 * `submissions-tab-finished`, one `submission-row-<id>` per instance (`data-status`) with its
 * status (`instance-status`), current nodes (`submission-nodes`) and `withdraw` while nobody
 * has acted; `submissions-empty` when there is none. A row opens the instance page.
 */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { search } = useLocation();
  const tab: InstanceState = search.get('tab') === 'finished' ? 'finished' : 'running';
  const list = useAsync(() => listMySubmissions(tab), [tab]);
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const finished = tab === 'finished';
  return (
    <div className="page page-wide" data-testid="submissions-page" data-tab={tab}>
      <h1 className="page-title">{t('submissions.title')}</h1>
      <FlashNotice message={notice} onClose={() => setNotice(undefined)} />
      {failure !== undefined && <ErrorNotice error={failure} />}
      <Tabs
        label={t('submissions.title')}
        testIdPrefix="submissions-tab"
        active={tab}
        href={(k) => (k === 'running' ? '/app/submissions' : `/app/submissions?tab=${k}`)}
        items={[
          { key: 'running', label: t('submissions.tabRunning') },
          { key: 'finished', label: t('submissions.tabFinished') },
        ]}
      />
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <div className="spinner">{t('common.loading')}</div>}
      {list.data && list.data.length === 0 && (
        <div className="empty-state card" data-testid="submissions-empty">
          <strong>{t(finished ? 'submissions.emptyFinished' : 'submissions.emptyRunning')}</strong>
          <span className="muted">{t('submissions.emptyHint')}</span>
        </div>
      )}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap card">
          <table className="records" data-testid="submissions-table">
            <thead>
              <tr>
                <th>{t('submissions.colRecord')}</th>
                <th>{t('submissions.colFlow')}</th>
                <th>{t('submissions.colStatus')}</th>
                <th>{finished ? t('submissions.colFinished') : t('submissions.colNodes')}</th>
                <th>{t('submissions.colStarted')}</th>
                <th className="actions-col">{t('records.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((i) => (
                <tr
                  key={i.id}
                  className="clickable"
                  data-testid={`submission-row-${i.id}`}
                  data-status={i.status}
                  onClick={(e) => {
                    const el = e.target as HTMLElement;
                    if (!el.closest('a, button, .modal-backdrop')) navigate(instanceHref(i.id));
                  }}
                >
                  <td>
                    <a href={instanceHref(i.id)} onClick={linkClick} data-testid="submission-title">
                      {i.recordTitle || (i.record !== null ? `#${i.record}` : `#${i.id}`)}
                    </a>
                  </td>
                  <td>{flowText(i.flowName, locale, i.flow)}</td>
                  <td>
                    <InstanceStatusBadge status={i.status} />
                  </td>
                  <td>{finished ? <RelTime at={i.finishedAt} /> : <ActiveNodes nodes={i.activeNodes} testId="submission-nodes" />}</td>
                  <td>
                    <RelTime at={i.startedAt} />
                  </td>
                  <td className="actions-col">
                    {i.canWithdraw && (
                      <WithdrawButton
                        instance={i}
                        onDone={() => {
                          setFailure(undefined);
                          setNotice(t('submissions.withdrawn', { title: i.recordTitle || `#${i.id}` }));
                          list.reload();
                        }}
                        onFailed={(e) => {
                          setFailure(e);
                          list.reload();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
