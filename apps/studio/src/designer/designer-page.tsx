import { useTranslation } from 'react-i18next';
import { ErrorText } from '../ui/error-text';
import { Canvas } from './canvas/canvas';
import { DesignerDnd } from './canvas/designer-dnd';
import { useDirty } from './hooks/useDirty';
import { useLoadForm } from './hooks/useLoadForm';
import { useShortcuts } from './hooks/useShortcuts';
import { useUnsavedGuard } from './hooks/useUnsavedGuard';
import { Palette } from './palette/palette';
import { PreviewPane } from './preview/preview-pane';
import { ProblemsPanel } from './problems/problems-panel';
import { PropertyPanel } from './props/property-panel';
import { SettingsPanel } from './settings/settings-panel';
import { DesignerToolbar } from './toolbar/designer-toolbar';
import '../styles/designer.css';

/** The form designer: palette · canvas + problems · properties + settings · live preview. */
export default function DesignerPage({ app, form }: { app: string; form: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadForm(app, form);
  if (error) {
    return (
      <div className="page">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return <Designer />;
}

function Designer() {
  const { t } = useTranslation();
  const dirty = useDirty();
  useShortcuts();
  useUnsavedGuard(dirty);
  return (
    <div className="designer">
      <DesignerToolbar />
      <DesignerDnd>
        <div className="designer-body">
          <Palette />
          <div className="designer-center">
            <Canvas />
            <ProblemsPanel />
          </div>
          <aside className="inspector" data-testid="inspector">
            <div className="pane-title">{t('designer.fieldProps')}</div>
            <PropertyPanel />
            <div className="pane-title">{t('designer.formSettings')}</div>
            <SettingsPanel />
          </aside>
          <PreviewPane />
        </div>
      </DesignerDnd>
    </div>
  );
}
