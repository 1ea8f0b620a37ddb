import { useTranslation } from 'react-i18next';
import type { DashboardFilter } from '@kiln/engine-reports';
import type { Locale } from '@kiln/engine-forms';
import { textOf } from '../../lib/localized';
import type { ReportParams } from '../../lib/reports-api';
import { DateRangeFilter } from './date-range-filter';
import { RelationFilter } from './relation-filter';
import { TextFilter } from './text-filter';

interface Props {
  app: string;
  filters: readonly DashboardFilter[];
  values: ReportParams;
  locale: Locale;
  onChange(param: string, value: string): void;
}

/**
 * The dashboard's shared filter bar (`dashboard-filters`), one control per filter
 * (`dashboard-filter-<param>`; date ranges also `-from` / `-to`). Changes apply at once.
 */
export function DashboardFilters({ app, filters, values, locale, onChange }: Props) {
  const { t } = useTranslation();
  if (!filters.length) return null;
  const control = (f: DashboardFilter) => {
    const id = `dashboard-filter-${f.param}`;
    const value = values[f.param] ?? '';
    const set = (v: string) => onChange(f.param, v);
    switch (f.type) {
      case 'date_range':
        return <DateRangeFilter id={id} value={value} onChange={set} />;
      case 'relation':
        return <RelationFilter app={app} form={f.form} id={id} value={value} onChange={set} />;
      case 'select':
      case 'choice':
        if (!f.options?.length) return <TextFilter id={id} type="text" value={value} onChange={set} />;
        return (
          <select className="input" id={id} data-testid={id} value={value} onChange={(e) => set(e.target.value)}>
            {(f.type === 'select' || value === '') && <option value="">{t(f.type === 'select' ? 'dashboard.any' : 'dashboard.choose')}</option>}
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {textOf(o.label, locale) || o.value}
              </option>
            ))}
          </select>
        );
      default:
        return <TextFilter id={id} type={f.type === 'number' ? 'number' : 'text'} value={value} onChange={set} />;
    }
  };
  return (
    <section className="dash-filters" aria-label={t('dashboard.filters')} data-testid="dashboard-filters">
      {filters.map((f) => (
        <label key={f.param} className="dash-filter" htmlFor={`dashboard-filter-${f.param}`}>
          <span className="dash-filter-label">{textOf(f.label, locale) || f.param}</span>
          {control(f)}
        </label>
      ))}
    </section>
  );
}
