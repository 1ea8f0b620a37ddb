import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../../reports/model/text';
import { useDashboard } from '../hooks/useDashboard';
import { useDashboardApp } from '../hooks/useDashboardApp';
import { dashboardEdit } from '../store/edit';

/** The app's reports, each with "+ add" (`dashboard-add-<key>`), which places it as a new card. */
export function ReportPicker() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { reports } = useDashboardApp();
  const { items } = useDashboard();
  const keys = Object.keys(reports).sort();
  return (
    <section className="prop-section" data-testid="dashboard-add-report">
      <div className="prop-section-title">{t('dashboards.reports')}</div>
      {keys.length === 0 && <div className="prop-hint">{t('dashboards.noReports')}</div>}
      <ul className="report-list">
        {keys.map((key) => {
          const placed = items.filter((i) => i.report === key).length;
          return (
            <li key={key} data-testid={`dashboard-report-${key}`}>
              <span>{textOf(reports[key].name, locale, key)}</span>
              {placed > 0 && <span className="badge">×{placed}</span>}
              <button type="button" className="btn btn-sm" onClick={() => dashboardEdit.addReport(key)} data-testid={`dashboard-add-${key}`}>
                + {t('dashboards.add')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
