import { useShallow } from 'zustand/react/shallow';
import { useConnectorUi, type ConnectorUiState } from '../store/connector-ui';

const selectSaveState = (s: ConnectorUiState) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): Pick<ConnectorUiState, 'busy' | 'result'> {
  return useConnectorUi(useShallow(selectSaveState));
}
