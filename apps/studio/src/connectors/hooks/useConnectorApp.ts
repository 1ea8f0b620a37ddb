import { useConnectorContext, type ConnectorContextState } from '../store/connector-context';

const selectApp = (s: ConnectorContextState) => s.app;
const selectKey = (s: ConnectorContextState) => s.connectorKey;

/** The app key and the connector's (route) key. */
export function useConnectorApp(): { app: string; key: string } {
  return { app: useConnectorContext(selectApp), key: useConnectorContext(selectKey) };
}
