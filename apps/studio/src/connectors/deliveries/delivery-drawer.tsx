import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../hooks/useAsync';
import { useLocale } from '../../hooks/useLocale';
import { ErrorText } from '../../ui/error-text';
import { connectorApi } from '../api/connector-api';
import type { Delivery } from '../api/types';
import { CallErrorView, jsonText } from '../calls/request-view';
import { StepsView } from '../calls/steps-view';
import { useConnectorApp } from '../hooks/useConnectorApp';
import { canRetry, when } from './deliveries-table';
import { StateBadge } from './state-badge';

interface Props {
  id: number | string;
  onClose: () => void;
  onRetry: (id: number | string) => void;
  /** The row as the (auto-refreshed) list has it: a change reloads the detail. */
  listItem: Delivery | undefined;
}

/** One delivery: its input, result, error and every attempt's steps (requests sent, responses received). */
export function DeliveryDrawer({ id, onClose, onRetry, listItem }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { app, key } = useConnectorApp();
  const detail = useAsync(() => connectorApi.delivery(app, key, id), [app, key, id, listItem?.updatedAt, listItem?.state]);
  const d = detail.data;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="conn-drawer" data-testid="delivery-drawer" data-id={String(id)} data-state={d?.state ?? ''}>
      <div className="conn-drawer-head">
        <strong>
          {t('connectors.deliveries.delivery')} <code>#{String(id)}</code>
        </strong>
        {d && <StateBadge state={d.state} testId="delivery-drawer-state" />}
        <div className="toolbar-spacer" />
        {d && canRetry(d) && (
          <button type="button" className="btn btn-sm" onClick={() => onRetry(id)} data-testid="delivery-drawer-retry">
            {t('connectors.deliveries.retry')}
          </button>
        )}
        <button type="button" className="btn btn-sm btn-ghost" onClick={onClose} data-testid="delivery-drawer-close">
          ✕
        </button>
      </div>
      <div className="conn-drawer-body">
        <ErrorText error={detail.error} />
        {!d && !detail.error && <div className="muted">{t('common.loading')}</div>}
        {d && (
          <>
            <dl className="conn-facts">
              <dt>{t('connectors.deliveries.operation')}</dt>
              <dd>
                <code>{d.operation}</code>
              </dd>
              <dt>{t('connectors.deliveries.key')}</dt>
              <dd>
                <code data-testid="delivery-drawer-key">{d.idempotencyKey ?? '—'}</code>
              </dd>
              <dt>{t('connectors.deliveries.attempts')}</dt>
              <dd>
                {Array.isArray(d.attempts) ? d.attempts.length : String(d.attempts)}/{d.maxAttempts}
              </dd>
              <dt>{t('connectors.deliveries.record')}</dt>
              <dd>{d.record ? `${d.record.form} #${d.record.id}` : '—'}</dd>
              <dt>{t('connectors.deliveries.created')}</dt>
              <dd>{when(d.createdAt, locale)}</dd>
              <dt>{t('connectors.deliveries.deliveredAt')}</dt>
              <dd>{when(d.deliveredAt, locale)}</dd>
              {d.state === 'pending' && (
                <>
                  <dt>{t('connectors.deliveries.next')}</dt>
                  <dd>{when(d.nextAttemptAt, locale)}</dd>
                </>
              )}
            </dl>
            <div className="conn-box-sub">{t('connectors.deliveries.input')}</div>
            <pre className="conn-pre" data-testid="delivery-drawer-input">{jsonText(d.input)}</pre>
            {d.result !== null && d.result !== undefined && (
              <>
                <div className="conn-box-sub">{t('connectors.preview.result')}</div>
                <pre className="conn-pre" data-testid="delivery-drawer-result">{jsonText(d.result)}</pre>
              </>
            )}
            {d.error && <CallErrorView error={d.error} testId="delivery-drawer-error" />}
            <div className="conn-box-sub">{t('connectors.deliveries.attemptLog')}</div>
            {(Array.isArray(d.attempts) ? d.attempts : []).map((a, i) => (
              <div key={`${a.n}-${i}`} className="conn-attempt" data-testid={`delivery-attempt-${a.n}`} data-ok={a.ok}>
                <div className="conn-step-head">
                  <strong>{t('connectors.deliveries.attemptN', { n: a.n })}</strong>
                  <span className={a.ok ? 'badge badge-ok' : 'badge badge-bad'}>{a.ok ? t('connectors.test.ok') : t('connectors.test.failed')}</span>
                  <span className="muted small">
                    {when(a.startedAt, locale)} · {a.durationMs} ms
                  </span>
                </div>
                <StepsView steps={a.steps ?? []} prefix={`delivery-attempt-${a.n}-step`} />
                {a.error && <CallErrorView error={a.error} testId={`delivery-attempt-${a.n}-error`} />}
              </div>
            ))}
          </>
        )}
      </div>
    </aside>
  );
}
