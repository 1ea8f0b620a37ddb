import type { DashboardItem } from '@kiln/engine-reports';
import { ReportView } from '@kiln/report-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { PreviewBoundary } from '../../designer/preview/preview-boundary';
import { textOf } from '../../reports/model/text';
import { ErrorText } from '../../ui/error-text';
import { useCardPreview } from '../hooks/useCardPreview';
import { useDashboardApp } from '../hooks/useDashboardApp';
import { usePathProblems } from '../hooks/usePathProblems';
import { dashboardEdit } from '../store/edit';

/**
 * One card of the grid: the report's name (the drag handle), a link to its designer, remove,
 * and its live preview — or a placeholder when the report draft is gone or cannot compute.
 */
export function ReportCard({ item, index }: { item: DashboardItem; index: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { app } = useDashboardApp();
  const preview = useCardPreview(item.report);
  const problems = usePathProblems(`/items/${index}`);
  const title = textOf(item.title, locale) || textOf(preview.report?.name, locale, item.report);
  return (
    <div className={problems.length ? 'dashboard-card has-problem' : 'dashboard-card'} data-testid={`dashboard-item-${item.id}`} data-report={item.report} data-state={preview.status} title={problems.map((p) => p.message).join('\n') || undefined}>
      <div className="dashboard-card-head">
        <span className="dashboard-card-title">{title}</span>
        <Link to={paths.report(app, item.report)} className="dashboard-card-link" data-testid={`dashboard-item-open-${item.id}`}>
          {t('dashboards.openReport')}
        </Link>
        <button type="button" className="dashboard-card-remove" title={t('common.delete')} onClick={() => dashboardEdit.removeItem(item.id)} data-testid={`dashboard-item-remove-${item.id}`}>
          ×
        </button>
      </div>
      <div className="dashboard-card-body">
        {preview.status === 'missing' && <div className="dashboard-card-note">{t('dashboards.missingReport', { key: item.report })}</div>}
        {preview.status === 'error' && <ErrorText error={preview.error} />}
        {preview.status === 'loading' && !preview.result && <div className="dashboard-card-note">{t('common.loading')}</div>}
        {preview.result && preview.report && preview.status !== 'error' && (
          <PreviewBoundary resetKey={preview.result} fallback={(e) => <div className="dashboard-card-note">{e.message}</div>}>
            <ReportView result={preview.result} visual={preview.report.visual} measures={preview.report.measures} locale={locale} height="100%" testId={`dashboard-item-view-${item.id}`} />
          </PreviewBoundary>
        )}
      </div>
    </div>
  );
}
