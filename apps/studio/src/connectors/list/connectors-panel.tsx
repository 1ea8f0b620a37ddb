import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import { connectorApi } from '../api/connector-api';
import '../i18n/register';
import { ConnectorsTable } from './connectors-table';
import '../connectors-list.css';

// The presets (and the JSONata engine behind them) load only when a connector is being created.
const CreateConnectorDialog = lazy(() => import('./create-connector-dialog'));

/** The app page's "Connectors" panel: connector drafts, create from a preset / open / delete. */
export function ConnectorsPanel({ app }: { app: string }) {
  const { t } = useTranslation();
  const list = useAsync(() => connectorApi.list(app), [app]);
  const [creating, setCreating] = useState(false);
  const drafts = list.data?.items ?? [];
  return (
    <section className="panel" data-testid="connectors-panel">
      <header className="panel-head panel-head-row">
        <span>{t('connectors.title')}</span>
        <button type="button" className="btn btn-sm" onClick={() => setCreating(true)} data-testid="connector-create">
          + {t('connectors.create')}
        </button>
      </header>
      <ErrorText error={list.error} />
      <ConnectorsTable app={app} drafts={drafts} loading={list.loading && !list.data} onChanged={list.reload} />
      {creating && (
        <Suspense fallback={null}>
          <CreateConnectorDialog app={app} existing={drafts.map((d) => d.key)} onClose={() => setCreating(false)} onCreated={(key) => navigate(paths.connector(app, key))} />
        </Suspense>
      )}
    </section>
  );
}
