import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { useEffect, useState } from 'react';
import { connectorApi } from '../api/connector-api';

/** The app's connector drafts as pickers need them: key → operation keys. */
export type ConnectorOperations = Readonly<Record<string, readonly string[]>>;

const cache = new Map<string, { at: number; promise: Promise<ConnectorOperations> }>();
/** Pickers of one editor share one request; a reopened editor asks again after this long. */
const FRESH_MS = 10_000;

function load(app: string): Promise<ConnectorOperations> {
  const hit = cache.get(app);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.promise;
  const promise = connectorApi.list(app).then(
    ({ items }) => Object.fromEntries(items.map((d) => [d.key, Object.keys((d.definition as ConnectorDefinition | undefined)?.operations ?? {})])),
    () => ({}),
  );
  cache.set(app, { at: Date.now(), promise });
  return promise;
}

/**
 * The connectors of `app` (drafts) with their operations, for the rule editor's connector action
 * and the flow designer's action node. Empty until loaded (and when the list cannot be read).
 */
export function useAppConnectors(app: string): ConnectorOperations {
  const [ops, setOps] = useState<ConnectorOperations>({});
  useEffect(() => {
    if (!app) return;
    let live = true;
    void load(app).then((o) => live && setOps(o));
    return () => {
      live = false;
    };
  }, [app]);
  return ops;
}
