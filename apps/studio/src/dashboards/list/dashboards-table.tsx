import type { DashboardDefinition } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { endpoints, type Draft } from '../../api/endpoints';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../../reports/model/text';
import { paths } from '../../router/routes';
import { DraftTable } from '../../ui/draft-table';

interface Props {
  app: string;
  drafts: Draft<DashboardDefinition>[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's dashboard drafts: name, key, cards, filters, updated; open / delete. */
export function DashboardsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('dashboards.confirmDelete', { key }), (key) => endpoints.deleteDashboard(app, key), onChanged);
  return (
    <DraftTable
      drafts={drafts} loading={loading} empty={t('dashboards.empty')} error={error} testId="dashboard"
      headers={{ name: t('dashboards.name'), key: t('dashboards.key') }}
      href={(key) => paths.dashboard(app, key)}
      name={(d, key) => textOf(d?.name, locale, key)}
      columns={[
        { header: t('dashboards.cards'), className: 'muted', cell: (d) => (Array.isArray(d?.items) ? d.items.length : 0) },
        { header: t('dashboards.filters'), className: 'muted', cell: (d) => (Array.isArray(d?.filters) ? d.filters.length : 0) },
      ]}
      onDelete={(key) => void remove(key)}
    />
  );
}
