import { useTranslation } from 'react-i18next';
import { useUnsavedGuard } from '../designer/hooks/useUnsavedGuard';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts';
import '../reports/i18n/register';
import { ErrorText } from '../ui/error-text';
import { FilterBar } from './filters/filter-bar';
import { FiltersSection } from './filters/filters-section';
import { DashboardGrid } from './grid/dashboard-grid';
import { useDirty } from './hooks/useDirty';
import { useLiveValidation } from './hooks/useLiveValidation';
import { useLoadDashboard } from './hooks/useLoadDashboard';
import { useRefreshInterval } from './hooks/useRefreshInterval';
import './i18n/register';
import { DashboardProblems } from './problems/problems-panel';
import { ReportPicker } from './side/report-picker';
import { SettingsSection } from './side/settings-section';
import { dashboardEdit } from './store/edit';
import { DashboardToolbar } from './toolbar/dashboard-toolbar';
import '../styles/designer.css';
import '../styles/rules.css';
import '../styles/flows.css';
import '../reports/reports.css';
import './dashboards.css';

/** The dashboard editor route (`/apps/:app/dashboards/:dashboard`): reports, settings and filters · filter bar, grid, problems. */
export default function DashboardPage({ app, dashboard }: { app: string; dashboard: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadDashboard(app, dashboard);
  if (error) {
    return (
      <div className="page">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return <DashboardEditor />;
}

function DashboardEditor() {
  const dirty = useDirty();
  useUndoShortcuts(dashboardEdit, { keepNative: '.dashboard-filter-bar' });
  useUnsavedGuard(dirty);
  useLiveValidation();
  useRefreshInterval();
  return (
    <div className="report-editor dashboard-editor" data-testid="dashboard-editor">
      <DashboardToolbar />
      <div className="dashboard-body">
        <aside className="inspector dashboard-side">
          <ReportPicker />
          <SettingsSection />
          <FiltersSection />
        </aside>
        <div className="report-center">
          <div className="report-scroll">
            <FilterBar />
            <DashboardGrid />
          </div>
          <DashboardProblems />
        </div>
      </div>
    </div>
  );
}
