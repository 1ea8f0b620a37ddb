import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import '../i18n/register';
import { CreateDashboardDialog } from './create-dashboard-dialog';
import { DashboardsTable } from './dashboards-table';

/** The app page's "Dashboards" panel: dashboard drafts, create (key, name) / open / delete. */
export function DashboardsPanel({ app }: { app: string }) {
  const { t } = useTranslation();
  const dashboards = useAsync(() => endpoints.listDashboards(app), [app]);
  const [creating, setCreating] = useState(false);
  const drafts = dashboards.data?.items ?? [];
  return (
    <section className="panel" data-testid="dashboards-panel">
      <header className="panel-head panel-head-row">
        <span>{t('dashboards.title')}</span>
        <button type="button" className="btn btn-sm" onClick={() => setCreating(true)} data-testid="dashboard-create">
          + {t('dashboards.create')}
        </button>
      </header>
      <ErrorText error={dashboards.error} />
      <DashboardsTable app={app} drafts={drafts} loading={dashboards.loading && !dashboards.data} onChanged={dashboards.reload} />
      {creating && (
        <CreateDashboardDialog
          app={app}
          existing={drafts.map((d) => d.key)}
          onClose={() => setCreating(false)}
          onCreated={(key) => navigate(paths.dashboard(app, key))}
        />
      )}
    </section>
  );
}
