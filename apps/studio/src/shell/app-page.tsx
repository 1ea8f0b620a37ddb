import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import { ConnectorsPanel } from '../connectors/list/connectors-panel';
import { DashboardsPanel } from '../dashboards/list/dashboards-panel';
import { FlowsPanel } from '../flows/list/flows-panel';
import { useAsync } from '../hooks/useAsync';
import { useLocale } from '../hooks/useLocale';
import { navigate } from '../router/history';
import { Link } from '../router/link';
import { paths } from '../router/routes';
import { ReportsPanel } from '../reports/list/reports-panel';
import { RolesPanel } from '../roles/list/roles-panel';
import { RulesPanel } from '../rules/list/rules-panel';
import { ErrorText } from '../ui/error-text';
import { pick } from '../ui/localized';
import { CreateFormDialog } from './create-form-dialog';
import { FormsTable } from './forms-table';
import { VersionsPanel } from './versions-panel';

/** One app: its form, flow, rule, report, dashboard and connector drafts (create / open / delete), versions with rollback, and links out. */
export default function AppPage({ app }: { app: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const apps = useAsync(() => endpoints.listApps(), []);
  const forms = useAsync(() => endpoints.listForms(app), [app]);
  const [creating, setCreating] = useState(false);
  const [versionsTick, setVersionsTick] = useState(0);
  const summary = apps.data?.items.find((a) => a.key === app);
  const drafts = forms.data?.items ?? [];

  return (
    <div className="page">
      <nav className="crumbs">
        <Link to={paths.apps()}>{t('apps.title')}</Link>
        <span>/</span>
        <span>{pick(summary?.name, locale, app)}</span>
      </nav>
      <div className="page-head">
        <h1>
          {pick(summary?.name, locale, app)} <code className="muted-code">{app}</code>
        </h1>
        <a className="btn" href={`/app/${encodeURIComponent(app)}`} target="_blank" rel="noreferrer" data-testid="open-operator">
          {t('apps.openOperator')} ↗
        </a>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="form-create">
          + {t('forms.create')}
        </button>
      </div>
      <div className="app-layout">
        <div className="app-main">
          <section className="panel">
            <header className="panel-head">{t('forms.title')}</header>
            <ErrorText error={forms.error} />
            <FormsTable app={app} drafts={drafts} loading={forms.loading && !forms.data} onChanged={forms.reload} />
          </section>
          <FlowsPanel app={app} />
          <RulesPanel app={app} />
          <ReportsPanel app={app} />
          <DashboardsPanel app={app} />
          <ConnectorsPanel app={app} />
          <RolesPanel app={app} />
        </div>
        <VersionsPanel app={app} refreshKey={versionsTick} onRolledBack={() => { setVersionsTick((n) => n + 1); forms.reload(); }} />
      </div>
      {creating && (
        <CreateFormDialog
          app={app}
          existing={drafts.map((d) => d.key)}
          onClose={() => setCreating(false)}
          onCreated={(key) => navigate(paths.form(app, key))}
        />
      )}
    </div>
  );
}
