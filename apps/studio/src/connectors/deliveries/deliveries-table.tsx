import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import type { Delivery } from '../api/types';
import type { DeliveriesView } from '../hooks/useDeliveries';
import { StateBadge } from './state-badge';

/** Retry: a dead or waiting delivery goes now with a fresh budget; a delivered one is replayed with the same idempotency key. */
export const canRetry = (d: Pick<Delivery, 'state'>) => d.state !== 'sending';

/** When, in the UI language (`—` for none). */
export function when(iso: string | null | undefined, locale: string): string {
  return iso ? new Date(iso).toLocaleString(locale) : '—';
}

/** The deliveries: id, operation, state, attempts, next attempt, record, error, created; a row opens its drawer. */
export function DeliveriesTable({ view, onOpen, onRetry }: { view: DeliveriesView; onOpen: (id: number | string) => void; onRetry: (id: number | string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (view.loading && view.items.length === 0) return <div className="muted pad">{t('common.loading')}</div>;
  if (view.items.length === 0) return <div className="page-empty" data-testid="deliveries-empty">{t('connectors.deliveries.empty')}</div>;
  return (
    <>
      <table className="table conn-table" data-testid="deliveries-table" data-count={view.items.length}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('connectors.deliveries.operation')}</th>
            <th>{t('connectors.deliveries.state')}</th>
            <th>{t('connectors.deliveries.attempts')}</th>
            <th>{t('connectors.deliveries.next')}</th>
            <th>{t('connectors.deliveries.record')}</th>
            <th>{t('connectors.deliveries.error')}</th>
            <th>{t('connectors.deliveries.created')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {view.items.map((d) => (
            <tr key={String(d.id)} className="conn-row" onClick={() => onOpen(d.id)} data-testid={`delivery-row-${d.id}`} data-state={d.state} data-attempts={d.attempts} data-operation={d.operation}>
              <td>
                <code>{d.id}</code>
              </td>
              <td>
                <code>{d.operation}</code>
              </td>
              <td>
                <StateBadge state={d.state} testId={`delivery-state-${d.id}`} />
              </td>
              <td data-testid={`delivery-attempts-${d.id}`}>
                {d.attempts}/{d.maxAttempts}
              </td>
              <td className="muted">{d.state === 'pending' ? when(d.nextAttemptAt, locale) : '—'}</td>
              <td className="muted">{d.record ? `${d.record.form} #${d.record.id}` : '—'}</td>
              <td className="conn-error-cell" title={d.error?.message ?? ''} data-testid={`delivery-error-${d.id}`}>
                {d.error ? (
                  <>
                    <code className="error-code">{d.error.code}</code> {d.error.message}
                  </>
                ) : (
                  ''
                )}
              </td>
              <td className="muted">{when(d.createdAt, locale)}</td>
              <td className="row-actions">
                {canRetry(d) && (
                  <button type="button" className="btn btn-sm" onClick={(e) => (e.stopPropagation(), onRetry(d.id))} data-testid={`delivery-retry-${d.id}`}>
                    {t('connectors.deliveries.retry')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.nextCursor && (
        <div className="pad">
          <button type="button" className="btn btn-sm" onClick={view.more} data-testid="deliveries-more">
            {t('connectors.deliveries.more')}
          </button>
        </div>
      )}
    </>
  );
}
