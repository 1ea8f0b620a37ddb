import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { textOf } from '../model/text';
import { SaveResultBadge } from '../../ui/save-result-badge';
import { useDirty } from '../hooks/useDirty';
import { useReport } from '../hooks/useReport';
import { useReportApp } from '../hooks/useReportApp';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { reportEdit } from '../store/edit';
import { publishReportApp, saveReportDraft } from '../store/persist';

/** Report designer top bar: back, name, unsaved indicator, undo / redo, save, publish. */
export function ReportToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const app = useReportApp();
  const dirty = useDirty();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy, result } = useSaveState();
  return (
    <div className="designer-toolbar report-toolbar">
      <Link to={paths.app(app)} className="btn btn-ghost btn-sm" data-testid="report-back">
        ← {app}
      </Link>
      <div className="designer-title">
        <span className="badge report-kind">{t('reports.kind')}</span>
        <strong data-testid="report-heading">{textOf(report.name, locale, report.key)}</strong>
        <code className="muted-code">{report.key}</code>
        <span className={dirty ? 'dirty-dot is-dirty' : 'dirty-dot'} data-testid="report-dirty" data-dirty={dirty}>
          {dirty ? t('designer.unsaved') : t('designer.allSaved')}
        </span>
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="report-result" />
      <div className="btn-group">
        <button type="button" className="btn btn-sm" disabled={!canUndo} onClick={reportEdit.undo} title={t('designer.undoHint')} data-testid="report-undo">
          ↶ {t('designer.undo')}
        </button>
        <button type="button" className="btn btn-sm" disabled={!canRedo} onClick={reportEdit.redo} title={t('designer.redoHint')} data-testid="report-redo">
          ↷ {t('designer.redo')}
        </button>
      </div>
      <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void saveReportDraft()} data-testid="report-save">
        {busy === 'saving' ? t('designer.saving') : t('designer.saveDraft')}
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={busy !== null} onClick={() => void publishReportApp()} data-testid="report-publish">
        {busy === 'publishing' ? t('designer.publishing') : t('designer.publish')}
      </button>
    </div>
  );
}
