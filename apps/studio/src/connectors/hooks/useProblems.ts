import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { EditorConnectorProblem } from '../model/editor-problem';
import { useConnectorContext, type ConnectorContextState } from '../store/connector-context';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';
import { useConnector } from './useConnector';

const selectLive = (s: ConnectorUiState) => s.liveProblems;
const selectServer = (s: ConnectorUiState) => s.serverProblems;
const selectServerJson = (s: ConnectorUiState) => s.serverJson;
const selectKey = (s: ConnectorContextState) => s.connectorKey;

/** A server path as a JSON pointer (`operations.push.steps.0` → `/operations/push/steps/0`). */
function toPointer(path: string): string {
  if (!path || path.startsWith('/')) return path;
  return `/${path.split('.').join('/')}`;
}

/**
 * Every problem of this connector: the live validation, and this connector's part of the last
 * refused publish — the latter only until the connector is edited.
 */
export function useProblems(): EditorConnectorProblem[] {
  const live = useConnectorUi(selectLive);
  const server = useConnectorUi(selectServer);
  const serverJson = useConnectorUi(selectServerJson);
  const key = useConnectorContext(selectKey);
  const def = useConnector();
  const locale = useLocale();
  const current = useMemo(() => (server.length ? JSON.stringify(def) === serverJson : false), [server, def, serverJson]);
  return useMemo(() => {
    const published = current
      ? server
          .filter((p) => p.kind === 'connectors' && p.key === key)
          .map((p): EditorConnectorProblem => ({ source: 'publish', code: p.code, message: pick(p.message, locale), path: toPointer(p.path) }))
      : [];
    const seen = new Set<string>();
    return [...live, ...published].filter((p) => {
      const id = `${p.path}|${p.code}|${p.message}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
  }, [live, server, current, key, locale]);
}
