import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { errorResult, publishApp } from '../../reports/store/publish-app';
import { connectorApi } from '../api/connector-api';
import { useConnectorContext } from './connector-context';
import { useConnectorStore } from './connector-store';
import { useConnectorUi } from './connector-ui';

/** Called after every successful save (the credentials box reloads the settings). */
const savedListeners = new Set<() => void>();

/** Runs `fn` after each successful save; returns the unsubscribe function. */
export function onSaved(fn: () => void): () => void {
  savedListeners.add(fn);
  return () => savedListeners.delete(fn);
}

/** The connector as stored: always under the route's key (the draft is never renamed here). */
export function storedConnector(): ConnectorDefinition {
  const { connectorKey } = useConnectorContext.getState();
  const doc = useConnectorStore.getState().doc;
  return { ...doc, key: connectorKey || doc.key };
}

/** Saves the draft (`PUT /api/apps/{app}/connectors/{key}`). */
export async function saveConnectorDraft(): Promise<boolean> {
  const { app, connectorKey } = useConnectorContext.getState();
  const snapshot = useConnectorStore.getState().doc;
  useConnectorUi.setState({ busy: 'saving', result: null });
  try {
    await connectorApi.save(app, connectorKey, storedConnector());
    useConnectorUi.setState({ savedJson: JSON.stringify(snapshot), busy: null, result: { kind: 'saved' } });
    for (const fn of savedListeners) fn();
    return true;
  } catch (e) {
    useConnectorUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/**
 * Saves, then publishes the app. A refusal lists the problems of every draft: this connector's
 * are shown in its problem list (until it is edited), the others link to their drafts.
 */
export async function publishConnectorApp(): Promise<void> {
  if (!(await saveConnectorDraft())) return;
  const { app } = useConnectorContext.getState();
  const json = JSON.stringify(useConnectorStore.getState().doc);
  useConnectorUi.setState({ busy: 'publishing', result: null });
  const { result, problems } = await publishApp(app);
  useConnectorUi.setState({ busy: null, result, serverProblems: problems, serverJson: json });
}
