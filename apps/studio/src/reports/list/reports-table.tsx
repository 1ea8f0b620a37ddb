import type { ReportDefinition } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { endpoints, type Draft } from '../../api/endpoints';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { paths } from '../../router/routes';
import { DraftTable } from '../../ui/draft-table';
import { textOf } from '../model/text';

interface Props {
  app: string;
  drafts: Draft<ReportDefinition>[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's report drafts: name, key, dataset, visual, updated; open / delete. */
export function ReportsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('reports.confirmDelete', { key }), (key) => endpoints.deleteReport(app, key), onChanged);
  return (
    <DraftTable
      drafts={drafts} loading={loading} empty={t('reports.empty')} error={error} testId="report"
      headers={{ name: t('reports.name'), key: t('reports.key') }}
      href={(key) => paths.report(app, key)}
      name={(d, key) => textOf(d?.name, locale, key)}
      columns={[
        { header: t('reports.dataset'), className: 'muted', cell: (d) => d?.dataset?.form || '—' },
        { header: t('reports.visual'), className: 'muted', cell: (d) => (d?.visual?.type ? t(`reports.visuals.${d.visual.type}`) : '—') },
      ]}
      onDelete={(key) => void remove(key)}
    />
  );
}
