import { useMemo } from 'react';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';
import { useConnector } from './useConnector';

const selectSaved = (s: ConnectorUiState) => s.savedJson;

/** True when the connector differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const def = useConnector();
  const saved = useConnectorUi(selectSaved);
  return useMemo(() => JSON.stringify(def) !== saved, [def, saved]);
}
