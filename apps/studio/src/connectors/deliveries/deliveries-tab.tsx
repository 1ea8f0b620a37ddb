import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmAction } from '../../ui/confirm';
import { ErrorText } from '../../ui/error-text';
import { connectorApi } from '../api/connector-api';
import { DELIVERY_STATES, type DeliveryState } from '../api/types';
import { useConnectorApp } from '../hooks/useConnectorApp';
import { REFRESH_MS, useDeliveries } from '../hooks/useDeliveries';
import { DeliveriesTable } from './deliveries-table';
import { DeliveryDrawer } from './delivery-drawer';

/**
 * The outbox monitor: state chips with their counts (filters), the deliveries (refreshed every
 * few seconds), retry of one, replay of every dead one, and a drawer with one delivery's attempts.
 */
export function DeliveriesTab() {
  const { t } = useTranslation();
  const { app, key } = useConnectorApp();
  const [filter, setFilter] = useState<DeliveryState | null>(null);
  const [open, setOpen] = useState<number | string | null>(null);
  const [actionError, setActionError] = useState<unknown>();
  const [replayed, setReplayed] = useState<number | null>(null);
  const view = useDeliveries(filter);
  const total = view.counts ? DELIVERY_STATES.reduce((n, s) => n + (view.counts?.[s] ?? 0), 0) : null;

  const retry = async (id: number | string) => {
    setActionError(undefined);
    try {
      await connectorApi.retry(app, key, id);
      view.refresh();
    } catch (e) {
      setActionError(e);
    }
  };
  const replay = async () => {
    const dead = view.counts?.dead ?? 0;
    if (!(await confirmAction(t('connectors.deliveries.confirmReplay', { count: dead }), { danger: true }))) return;
    setActionError(undefined);
    try {
      const { count } = await connectorApi.replayDead(app, key);
      setReplayed(count);
      view.refresh();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <div className="conn-deliveries conn-scroll" data-testid="deliveries">
      <div className="conn-deliveries-bar">
        <div className="conn-chips" role="group">
          <button type="button" className={filter === null ? 'conn-chip is-active' : 'conn-chip'} aria-pressed={filter === null} onClick={() => setFilter(null)} data-testid="deliveries-filter-all" data-count={total ?? ''}>
            {t('connectors.deliveries.all')} <span className="badge">{total ?? '…'}</span>
          </button>
          {DELIVERY_STATES.map((s) => (
            <button key={s} type="button" className={`conn-chip conn-chip-${s}${filter === s ? ' is-active' : ''}`} aria-pressed={filter === s} onClick={() => setFilter(s)} data-testid={`deliveries-filter-${s}`} data-count={view.counts?.[s] ?? ''}>
              {t(`connectors.deliveries.states.${s}`)} <span className="badge">{view.counts?.[s] ?? '…'}</span>
            </button>
          ))}
        </div>
        <span className="muted small">{t('connectors.deliveries.auto', { seconds: REFRESH_MS / 1000 })}</span>
        <div className="toolbar-spacer" />
        {replayed !== null && (
          <span className="badge badge-ok" data-testid="deliveries-replay-result">
            {t('connectors.deliveries.replayed', { count: replayed })}
          </span>
        )}
        <button type="button" className="btn btn-sm" onClick={view.refresh} data-testid="deliveries-refresh">
          ↻ {t('connectors.reload')}
        </button>
        <button type="button" className="btn btn-sm btn-danger" disabled={!view.counts?.dead} onClick={() => void replay()} data-testid="deliveries-replay">
          {t('connectors.deliveries.replay')}
        </button>
      </div>
      <ErrorText error={view.error ?? actionError} />
      <DeliveriesTable view={view} onOpen={setOpen} onRetry={(id) => void retry(id)} />
      {open !== null && <DeliveryDrawer id={open} onClose={() => setOpen(null)} onRetry={(id) => void retry(id)} listItem={view.items.find((d) => d.id === open)} />}
    </div>
  );
}
