import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { useAsync } from '../../hooks/useAsync';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import { CreateRuleDialog } from './create-rule-dialog';
import { RulesTable } from './rules-table';
import '../../styles/rules.css';

/** The app page's "Rules" panel: rule drafts (automations and decision tables), create / open / delete. */
export function RulesPanel({ app }: { app: string }) {
  const { t } = useTranslation();
  const rules = useAsync(() => endpoints.listRules(app), [app]);
  const forms = useAsync(() => endpoints.listForms(app), [app]);
  const [creating, setCreating] = useState(false);
  const drafts = rules.data?.items ?? [];
  return (
    <section className="panel" data-testid="rules-panel">
      <header className="panel-head panel-head-row">
        <span>{t('rules.title')}</span>
        <button type="button" className="btn btn-sm" onClick={() => setCreating(true)} data-testid="rule-create">
          + {t('rules.create')}
        </button>
      </header>
      <ErrorText error={rules.error} />
      <RulesTable app={app} drafts={drafts} loading={rules.loading && !rules.data} onChanged={rules.reload} />
      {creating && (
        <CreateRuleDialog
          app={app}
          existing={drafts.map((d) => d.key)}
          forms={forms.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(key) => navigate(paths.rule(app, key))}
        />
      )}
    </section>
  );
}
