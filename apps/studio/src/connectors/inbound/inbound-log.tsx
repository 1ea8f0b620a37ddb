import { useTranslation } from 'react-i18next';
import { useAsync } from '../../hooks/useAsync';
import { useLocale } from '../../hooks/useLocale';
import { ErrorText } from '../../ui/error-text';
import { connectorApi } from '../api/connector-api';
import { jsonText } from '../calls/request-view';
import { useConnectorApp } from '../hooks/useConnectorApp';

/** An outcome as a short word: a string as is, an object's `outcome` / `state` / `status`, else its JSON. */
function outcomeOf(o: unknown): string {
  if (typeof o === 'string') return o;
  if (o && typeof o === 'object') {
    const r = o as Record<string, unknown>;
    for (const k of ['outcome', 'state', 'status', 'kind']) if (typeof r[k] === 'string') return r[k] as string;
  }
  return o === null || o === undefined ? '—' : jsonText(o);
}

/** The messages received lately (`GET …/messages`): when, the message id, and what came of it. */
export function InboundLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { app, key } = useConnectorApp();
  const log = useAsync(() => connectorApi.messages(app, key), [app, key]);
  const items = log.data?.items ?? [];
  return (
    <section className="conn-box" data-testid="inbound-log" data-count={items.length}>
      <div className="conn-box-title">
        {t('connectors.inbound.log')}
        <button type="button" className="btn btn-sm" onClick={log.reload} data-testid="inbound-log-reload">
          ↻ {t('connectors.reload')}
        </button>
      </div>
      <ErrorText error={log.error} />
      {!log.error && items.length === 0 && <p className="muted small">{log.loading ? t('common.loading') : t('connectors.inbound.logEmpty')}</p>}
      {items.length > 0 && (
        <table className="table conn-table">
          <thead>
            <tr>
              <th>{t('connectors.inbound.receivedAt')}</th>
              <th>{t('connectors.inbound.messageId')}</th>
              <th>{t('connectors.inbound.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m, i) => (
              <tr key={String(m.id)} data-testid={`inbound-log-${i}`} data-outcome={outcomeOf(m.outcome)} data-message-id={m.messageId}>
                <td className="muted">{new Date(m.receivedAt).toLocaleString(locale)}</td>
                <td>
                  <code>{m.messageId}</code>
                </td>
                <td>
                  <span className="badge" title={jsonText(m.outcome)}>
                    {outcomeOf(m.outcome)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
