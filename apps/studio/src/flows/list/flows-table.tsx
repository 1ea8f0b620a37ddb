import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FlowDraft } from '../../api/types';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { paths } from '../../router/routes';
import { DraftTable } from '../../ui/draft-table';
import { pick } from '../../ui/localized';

interface Props {
  app: string;
  drafts: FlowDraft[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's flow drafts: name, key, form, steps, updated; open / delete. */
export function FlowsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('flows.confirmDelete', { key }), (key) => endpoints.deleteFlow(app, key), onChanged);
  return (
    <DraftTable
      drafts={drafts} loading={loading} empty={t('flows.empty')} error={error} testId="flow"
      headers={{ name: t('flows.name'), key: t('flows.key') }}
      href={(key) => paths.flow(app, key)}
      name={(d, key) => pick(d?.name, locale, key)}
      badge={(d) => d?.enabled === false && <span className="badge">{t('rules.off')}</span>}
      columns={[
        { header: t('flows.settings.form'), className: 'muted', cell: (d) => d?.form || '—' },
        { header: t('flows.steps'), className: 'muted', cell: (d) => (Array.isArray(d?.nodes) ? d.nodes.length : 0) },
      ]}
      onDelete={(key) => void remove(key)}
    />
  );
}
