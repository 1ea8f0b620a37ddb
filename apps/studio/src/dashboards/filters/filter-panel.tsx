import type { DashboardFilter } from '@kiln/engine-reports';
import { FormProvider } from '@formily/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { usePanelForm } from '../../reports/hooks/usePanelForm';
import { applyValue, toValues } from '../../reports/model/accessors';
import { ParamFields } from '../../reports/props/param-fields';
import { pick } from '../../ui/localized';
import { useDashboardApp } from '../hooks/useDashboardApp';
import { filterAccessors, fixFilterType } from '../model/filter-accessors';
import { bumpRevision } from '../store/dashboard-ui';
import { dashboardEdit } from '../store/edit';

/** A shared filter's properties (formily, the report parameter fields): param key, label, type, options, default. */
export function FilterPanel({ filter, index }: { filter: DashboardFilter; index: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { forms } = useDashboardApp();
  const formOptions = useMemo(() => Object.entries(forms).map(([key, f]) => ({ value: key, label: `${pick(f.title, locale, key)} (${key})` })), [forms, locale]);
  const form = usePanelForm(toValues(filter, filterAccessors), (name, value) => {
    dashboardEdit.update((d) => {
      const filters = (d.filters ?? []).map((f, i) => {
        if (i !== index) return f;
        const next = applyValue(f, filterAccessors, name, value);
        return name === 'type' ? fixFilterType(next) : next;
      });
      return { ...d, filters };
    }, `filter:${index}:${name}`);
    if (name === 'type') bumpRevision();
  });
  return (
    <FormProvider form={form}>
      <div className="prop-panel dashboard-filter-panel" data-testid="dashboard-filter-panel" data-index={index}>
        <ParamFields type={filter.type} options={filter.options} forms={formOptions} keyHint={t('dashboards.paramHint')} />
        <div className="prop-section">
          <button type="button" className="btn btn-sm btn-danger" onClick={() => dashboardEdit.removeFilter(index)} data-testid="dashboard-filter-remove">
            {t('common.delete')}
          </button>
        </div>
      </div>
    </FormProvider>
  );
}
