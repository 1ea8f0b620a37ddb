import { useTranslation } from 'react-i18next';
import { useUnsavedGuard } from '../designer/hooks/useUnsavedGuard';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts';
import { ErrorText } from '../ui/error-text';
import { DatasetBar } from './dataset/dataset-bar';
import { useDirty } from './hooks/useDirty';
import { useLiveValidation } from './hooks/useLiveValidation';
import { useLoadReport } from './hooks/useLoadReport';
import { usePreviewRunner } from './hooks/usePreviewRunner';
import './i18n/register';
import { FieldPalette } from './palette/field-palette';
import { PreviewPane } from './preview/preview-pane';
import { ReportProblems } from './problems/problems-panel';
import { ReportInspector } from './settings/inspector';
import { reportEdit } from './store/edit';
import { ReportToolbar } from './toolbar/report-toolbar';
import { VisualPicker } from './visual/visual-picker';
import { ReportDnd } from './wells/report-dnd';
import { Wells } from './wells/wells';
import '../styles/designer.css';
import '../styles/rules.css';
import '../styles/flows.css';
import './reports.css';

/** The report designer route (`/apps/:app/reports/:report`): palette · dataset, wells, visual, preview, problems · inspector. */
export default function ReportPage({ app, report }: { app: string; report: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadReport(app, report);
  if (error) {
    return (
      <div className="page">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return <ReportEditor />;
}

function ReportEditor() {
  const dirty = useDirty();
  useUndoShortcuts(reportEdit, { keepNative: '.report-preview-params' });
  useUnsavedGuard(dirty);
  useLiveValidation();
  usePreviewRunner();
  return (
    <div className="report-editor" data-testid="report-editor">
      <ReportToolbar />
      <ReportDnd>
        <div className="report-body">
          <FieldPalette />
          <div className="report-center">
            <div className="report-scroll">
              <DatasetBar />
              <Wells />
              <VisualPicker />
              <PreviewPane />
            </div>
            <ReportProblems />
          </div>
          <ReportInspector />
        </div>
      </ReportDnd>
    </div>
  );
}
