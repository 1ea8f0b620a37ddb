import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import '../i18n/register';
import { CreateReportDialog } from './create-report-dialog';
import { ReportsTable } from './reports-table';

/** The app page's "Reports" panel: report drafts, create (key, name, dataset) / open / delete. */
export function ReportsPanel({ app }: { app: string }) {
  const { t } = useTranslation();
  const reports = useAsync(() => endpoints.listReports(app), [app]);
  const forms = useAsync(() => endpoints.listForms(app), [app]);
  const [creating, setCreating] = useState(false);
  const drafts = reports.data?.items ?? [];
  return (
    <section className="panel" data-testid="reports-panel">
      <header className="panel-head panel-head-row">
        <span>{t('reports.title')}</span>
        <button type="button" className="btn btn-sm" onClick={() => setCreating(true)} data-testid="report-create">
          + {t('reports.create')}
        </button>
      </header>
      <ErrorText error={reports.error} />
      <ReportsTable app={app} drafts={drafts} loading={reports.loading && !reports.data} onChanged={reports.reload} />
      {creating && (
        <CreateReportDialog
          app={app}
          existing={drafts.map((d) => d.key)}
          forms={forms.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(key) => navigate(paths.report(app, key))}
        />
      )}
    </section>
  );
}
