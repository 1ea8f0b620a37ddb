import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import '../i18n/register';
import { CreateFlowDialog } from './create-flow-dialog';
import { FlowsTable } from './flows-table';

/** The app page's "Flows" panel: approval flow drafts, create (key, name, form) / open / delete. */
export function FlowsPanel({ app }: { app: string }) {
  const { t } = useTranslation();
  const flows = useAsync(() => endpoints.listFlows(app), [app]);
  const forms = useAsync(() => endpoints.listForms(app), [app]);
  const [creating, setCreating] = useState(false);
  const drafts = flows.data?.items ?? [];
  return (
    <section className="panel" data-testid="flows-panel">
      <header className="panel-head panel-head-row">
        <span>{t('flows.title')}</span>
        <button type="button" className="btn btn-sm" onClick={() => setCreating(true)} data-testid="flow-create">
          + {t('flows.create')}
        </button>
      </header>
      <ErrorText error={flows.error} />
      <FlowsTable app={app} drafts={drafts} loading={flows.loading && !flows.data} onChanged={flows.reload} />
      {creating && (
        <CreateFlowDialog
          app={app}
          existing={drafts.map((d) => d.key)}
          forms={forms.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(key) => navigate(paths.flow(app, key))}
        />
      )}
    </section>
  );
}
