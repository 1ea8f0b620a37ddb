import type { FlowDefinition } from '@kiln/engine-flow';
import { ApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import type { PublishProblem } from '../../api/types';
import i18n from '../../i18n';
import type { SaveResult } from '../../ui/save-result-badge';
import { useFlowContext } from './flow-context';
import { useFlowStore } from './flow-store';
import { useFlowUi } from './flow-ui';

function errorResult(e: unknown): SaveResult {
  return e instanceof ApiError
    ? { kind: 'error', message: e.message, code: e.code }
    : { kind: 'error', message: e instanceof Error ? e.message : i18n.t('errors.generic') };
}

/** The flow as stored: always under the route's key (the draft is never renamed here). */
export function storedFlow(): FlowDefinition {
  const { flowKey } = useFlowContext.getState();
  const flow = useFlowStore.getState().flow;
  return { ...flow, key: flowKey || flow.key };
}

/** Saves the draft (`PUT /api/apps/{app}/flows/{key}`). */
export async function saveFlowDraft(): Promise<boolean> {
  const { app, flowKey } = useFlowContext.getState();
  const snapshot = useFlowStore.getState().flow;
  const def = storedFlow();
  useFlowUi.setState({ busy: 'saving', result: null });
  try {
    await endpoints.saveFlow(app, flowKey, def);
    useFlowUi.setState({ savedJson: JSON.stringify(snapshot), busy: null, result: { kind: 'saved' } });
    return true;
  } catch (e) {
    useFlowUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/**
 * Saves, then publishes the app. A 422 lists the problems of every draft; this flow's are drawn
 * on its nodes and listed with the live ones, the others link to their drafts.
 */
export async function publishFlowApp(): Promise<void> {
  if (!(await saveFlowDraft())) return;
  const { app } = useFlowContext.getState();
  useFlowUi.setState({ busy: 'publishing', result: null });
  const json = JSON.stringify(useFlowStore.getState().flow);
  try {
    const { version } = await endpoints.publish(app);
    useFlowUi.setState({ busy: null, serverProblems: [], result: { kind: 'published', version } });
  } catch (e) {
    const problems = e instanceof ApiError && e.status >= 400 && e.status < 500 && e.code === 'PUBLISH_INVALID' ? ((e.details as { problems?: PublishProblem[] } | undefined)?.problems ?? []) : null;
    if (problems) useFlowUi.setState({ busy: null, serverProblems: problems, serverJson: json, result: { kind: 'refused', count: problems.length } });
    else useFlowUi.setState({ busy: null, result: errorResult(e) });
  }
}
