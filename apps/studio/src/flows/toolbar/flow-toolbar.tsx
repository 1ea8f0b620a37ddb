import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { pick } from '../../ui/localized';
import { SaveResultBadge } from '../../ui/save-result-badge';
import { useAutoLayout } from '../hooks/useAutoLayout';
import { useDirty } from '../hooks/useDirty';
import { useFlow } from '../hooks/useFlow';
import { useFlowApp } from '../hooks/useFlowApp';
import { useSaveState } from '../hooks/useSaveState';
import { useUndoRedo } from '../hooks/useUndoRedo';
import { flowEdit } from '../store/edit';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';
import { publishFlowApp, saveFlowDraft } from '../store/persist';
import { DirtyDot, SavePublishButtons, UndoRedoButtons } from '../../ui/designer-controls';

const selectHasSelection = (s: FlowUiState) => s.selectedNodes.length + s.selectedEdges.length > 0;

/** Flow editor top bar: back, name, unsaved indicator, undo/redo, delete, auto layout, fit, save, publish. */
export function FlowToolbar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const flow = useFlow();
  const app = useFlowApp();
  const dirty = useDirty();
  const { canUndo, canRedo } = useUndoRedo();
  const { busy, result } = useSaveState();
  const hasSelection = useFlowUi(selectHasSelection);
  const layout = useAutoLayout();
  const { fitView } = useReactFlow();
  return (
    <div className="designer-toolbar flow-toolbar">
      <Link to={paths.app(app)} className="btn btn-ghost btn-sm" data-testid="flow-back">
        ← {app}
      </Link>
      <div className="designer-title">
        <span className="badge flow-kind">{t('flows.kind')}</span>
        <strong data-testid="flow-heading">{pick(flow.name, locale, flow.key)}</strong>
        <code className="muted-code">{flow.key}</code>
        <DirtyDot dirty={dirty} testId="flow-dirty" />
      </div>
      <div className="toolbar-spacer" />
      <SaveResultBadge result={result} testId="flow-result" />
      <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} onUndo={flowEdit.undo} onRedo={flowEdit.redo} testPrefix="flow" />
      <button type="button" className="btn btn-sm btn-danger" disabled={!hasSelection} onClick={flowEdit.removeSelected} title={t('flows.deleteHint')} data-testid="flow-delete">
        {t('common.delete')}
      </button>
      <div className="btn-group">
        <button type="button" className="btn btn-sm" onClick={layout} title={t('flows.layoutHint')} data-testid="flow-layout">
          {t('flows.layout')}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => void fitView({ padding: 0.25, maxZoom: 1, duration: 200 })} data-testid="flow-fit">
          {t('flows.fit')}
        </button>
      </div>
      <SavePublishButtons busy={busy} onSave={saveFlowDraft} onPublish={publishFlowApp} testPrefix="flow" />
    </div>
  );
}
