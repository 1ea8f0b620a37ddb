import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../../reports/model/text';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { SaveResultBadge } from '../../ui/save-result-badge';
import { useDashboard } from '../hooks/useDashboard';
import { useDashboardApp } from '../hooks/useDashboardApp';
import { useDirty } from '../hooks/useDirty';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { refreshCards } from '../store/dashboard-ui';
import { dashboardEdit } from '../store/edit';
import { publishDashboardApp, saveDashboardDraft } from '../store/persist';
import { DirtyDot, SavePublishButtons, UndoRedoButtons } from '../../ui/designer-controls';

/** Dashboard editor top bar: back, name, unsaved indicator, undo / redo, refresh, save, publish. */
export function DashboardToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const dashboard = useDashboard();
  const { app } = useDashboardApp();
  const dirty = useDirty();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy, result } = useSaveState();
  return (
    <div className="designer-toolbar dashboard-toolbar">
      <Link to={paths.app(app)} className="btn btn-ghost btn-sm" data-testid="dashboard-back">
        ← {app}
      </Link>
      <div className="designer-title">
        <span className="badge dashboard-kind">{t('dashboards.kind')}</span>
        <strong data-testid="dashboard-heading">{textOf(dashboard.name, locale, dashboard.key)}</strong>
        <code className="muted-code">{dashboard.key}</code>
        <DirtyDot dirty={dirty} testId="dashboard-dirty" />
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="dashboard-result" />
      <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={dashboardEdit.undo} onRedo={dashboardEdit.redo} testPrefix="dashboard" />
      <button type="button" className="btn btn-sm" onClick={refreshCards} data-testid="dashboard-refresh-now">
        ⟳ {t('dashboards.refreshNow')}
      </button>
      <SavePublishButtons busy={busy} onSave={saveDashboardDraft} onPublish={publishDashboardApp} testPrefix="dashboard" />
    </div>
  );
}
