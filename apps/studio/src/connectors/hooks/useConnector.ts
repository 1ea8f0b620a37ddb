import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { useConnectorStore } from '../store/connector-store';

const selectDoc = (s: { doc: ConnectorDefinition }) => s.doc;

/** The connector being edited. */
export function useConnector(): ConnectorDefinition {
  return useConnectorStore(selectDoc);
}
