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
import { DirtyDot, SavePublishButtons, UndoRedoButtons } from '../../ui/designer-controls';

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
        <DirtyDot dirty={dirty} testId="report-dirty" />
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="report-result" />
      <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={reportEdit.undo} onRedo={reportEdit.redo} testPrefix="report" />
      <SavePublishButtons busy={busy} onSave={saveReportDraft} onPublish={publishReportApp} testPrefix="report" />
    </div>
  );
}
