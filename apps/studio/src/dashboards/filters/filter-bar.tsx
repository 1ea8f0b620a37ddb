import { ParamInput } from '../../reports/preview/param-input';
import { useDashboard } from '../hooks/useDashboard';
import { useDashboardUi, type DashboardUiState } from '../store/dashboard-ui';

const selectValues = (s: DashboardUiState) => s.filterValues;

function setValue(key: string, value: string): void {
  useDashboardUi.setState((s) => {
    const filterValues = { ...s.filterValues };
    if (value === '') delete filterValues[key];
    else filterValues[key] = value;
    return { filterValues };
  });
}

/** The shared filters as a viewer sees them above the grid (`dashboard-filter-value-<param>`); the cards follow. */
export function FilterBar() {
  const { filters } = useDashboard();
  const values = useDashboardUi(selectValues);
  if (!filters?.length) return null;
  return (
    <div className="report-preview-params dashboard-filter-bar" data-testid="dashboard-filter-bar">
      {filters.map((f) => (
        <ParamInput key={f.param} param={{ key: f.param, label: f.label, type: f.type, options: f.options, default: f.default }} value={values[f.param] ?? ''} onChange={(v) => setValue(f.param, v)} testId={`dashboard-filter-value-${f.param}`} />
      ))}
    </div>
  );
}
