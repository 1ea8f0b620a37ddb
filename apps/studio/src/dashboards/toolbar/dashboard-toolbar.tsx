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
        <span className={dirty ? 'dirty-dot is-dirty' : 'dirty-dot'} data-testid="dashboard-dirty" data-dirty={dirty}>
          {dirty ? t('designer.unsaved') : t('designer.allSaved')}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="dashboard-result" />
      <div className="btn-group">
        <button type="button" className="btn btn-sm" disabled={!canUndo} onClick={dashboardEdit.undo} title={t('designer.undoHint')} data-testid="dashboard-undo">
          ↶ {t('designer.undo')}
        </button>
        <button type="button" className="btn btn-sm" disabled={!canRedo} onClick={dashboardEdit.redo} title={t('designer.redoHint')} data-testid="dashboard-redo">
          ↷ {t('designer.redo')}
        </button>
      </div>
      <button type="button" className="btn btn-sm" onClick={refreshCards} data-testid="dashboard-refresh-now">
        ⟳ {t('dashboards.refreshNow')}
      </button>
      <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void saveDashboardDraft()} data-testid="dashboard-save">
        {busy === 'saving' ? t('designer.saving') : t('designer.saveDraft')}
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void publishDashboardApp()} data-testid="dashboard-publish">
        {busy === 'publishing' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </div>
  );
}
