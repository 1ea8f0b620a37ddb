import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useUnsavedGuard } from '../designer/hooks/useUnsavedGuard';
import { ErrorText } from '../ui/error-text';
import { FlowCanvas } from './canvas/flow-canvas';
import { FlowPalette } from './canvas/palette';
import { useDirty } from './hooks/useDirty';
import { useLiveValidation } from './hooks/useLiveValidation';
import { useLoadFlow } from './hooks/useLoadFlow';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts';
import { flowEdit } from './store/edit';
import './i18n/register';
import { Inspector } from './inspector';
import { FlowProblemsPanel } from './problems/problems-panel';
import { FlowToolbar } from './toolbar/flow-toolbar';
import '../styles/designer.css';
import '../styles/rules.css';
import '../styles/flows.css';

/** The flow designer route (`/apps/:app/flows/:flow`): palette · canvas + problems · inspector. */
export default function FlowPage({ app, flow }: { app: string; flow: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadFlow(app, flow);
  if (error) {
    return (
      <div className="page">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return (
    <ReactFlowProvider>
      <FlowEditor />
    </ReactFlowProvider>
  );
}

function FlowEditor() {
  const dirty = useDirty();
  // Expression editors route their own Ctrl+Z to the same history; the dry run's JSON keeps the browser's. Delete on the canvas is xyflow's.
  useUndoShortcuts(flowEdit, { keepNative: '.cm-editor, .dryrun-panel' });
  useUnsavedGuard(dirty);
  useLiveValidation();
  return (
    <div className="flow-editor" data-testid="flow-editor">
      <FlowToolbar />
      <div className="flow-body">
        <FlowPalette />
        <div className="flow-center">
          <FlowCanvas />
          <FlowProblemsPanel />
        </div>
        <Inspector />
      </div>
    </div>
  );
}
