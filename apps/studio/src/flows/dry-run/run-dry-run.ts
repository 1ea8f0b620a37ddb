import { endpoints } from '../../api/endpoints';
import i18n from '../../i18n';
import { useDryRunStore } from '../store/dry-run-store';
import { useFlowContext } from '../store/flow-context';
import { useFlowStore } from '../store/flow-store';
import { storedFlow } from '../store/persist';

/** Why a sample could not be sent: it is not a JSON object. */
export class SampleJsonError extends Error {}

/**
 * Dry-runs the current (unsaved) flow on the sample record `json`: the server walks it
 * assuming every person approves and answers the path taken. The answer (or why the request
 * failed) lands in the dry-run store; the path is then highlighted on the canvas.
 */
export async function runDryRun(json: string): Promise<void> {
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch {
    record = undefined;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    useDryRunStore.setState({ requestError: new SampleJsonError(i18n.t('flows.dryRun.badJson')), response: null });
    return;
  }
  const { app, flowKey } = useFlowContext.getState();
  const flowJson = JSON.stringify(useFlowStore.getState().flow);
  useDryRunStore.setState({ running: true, requestError: undefined });
  try {
    const response = await endpoints.dryRunFlow(app, flowKey, storedFlow(), record as Record<string, unknown>);
    useDryRunStore.setState({ running: false, response: { ...response, path: response.path ?? [] }, ranJson: flowJson });
  } catch (e) {
    useDryRunStore.setState({ running: false, response: null, requestError: e });
  }
}
