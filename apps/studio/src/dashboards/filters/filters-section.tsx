import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../../reports/model/text';
import { useDashboard } from '../hooks/useDashboard';
import { useDashboardApp } from '../hooks/useDashboardApp';
import { useProblems } from '../hooks/useProblems';
import { boundCount, filterFor, newDateFilter, unboundParams } from '../model/filter-ops';
import { dashboardEdit } from '../store/edit';
import { useDashboardUi, type DashboardUiState } from '../store/dashboard-ui';
import { FilterPanel } from './filter-panel';

const NEW = '$$new';
const selectSelected = (s: DashboardUiState) => s.selectedFilter;
const selectRevision = (s: DashboardUiState) => s.revision;

/**
 * Shared filters: each binds the same-key parameter of every report on the dashboard. Add one
 * for a parameter the reports declare (or a new date range), click one to edit it below.
 */
export function FiltersSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const dashboard = useDashboard();
  const { reports } = useDashboardApp();
  const selected = useDashboardUi(selectSelected);
  const revision = useDashboardUi(selectRevision);
  const problems = useProblems();
  const filters = dashboard.filters ?? [];
  const candidates = unboundParams(dashboard, reports);
  const add = (v: string) => {
    if (v === NEW) return dashboardEdit.addFilter(newDateFilter(dashboard));
    const p = candidates.find((c) => c.key === v);
    if (p) dashboardEdit.addFilter(filterFor(p));
  };
  const current = selected !== null ? filters[selected] : undefined;
  return (
    <section className="prop-section" data-testid="dashboard-filters">
      <div className="prop-section-title">{t('dashboards.filters')}</div>
      <div className="prop-hint">{t('dashboards.filtersHint')}</div>
      <ul className="report-list">
        {filters.map((f, i) => {
          const bad = problems.some((p) => p.path === `/filters/${i}` || p.path.startsWith(`/filters/${i}/`));
          return (
            <li key={i} className={[selected === i && 'is-selected', bad && 'has-problem'].filter(Boolean).join(' ')} onClick={() => useDashboardUi.setState({ selectedFilter: i })} data-testid={`dashboard-filter-${i}`}>
              <span>{textOf(f.label, locale, f.param)}</span>
              <code className="muted-code">{f.param}</code>
              <span className="badge" title={t('dashboards.boundHint')}>{t('dashboards.bound', { count: boundCount(dashboard, reports, f.param) })}</span>
            </li>
          );
        })}
      </ul>
      <select className="input" value="" onChange={(e) => e.target.value && add(e.target.value)} data-testid="dashboard-filter-add">
        <option value="">+ {t('dashboards.addFilter')}</option>
        {candidates.map((p) => (
          <option key={p.key} value={p.key}>
            {textOf(p.label, locale, p.key)} ({p.key})
          </option>
        ))}
        <option value={NEW}>{t('dashboards.newDateFilter')}</option>
      </select>
      {current && selected !== null && <FilterPanel key={`${selected}:${revision}`} filter={current} index={selected} />}
    </section>
  );
}
