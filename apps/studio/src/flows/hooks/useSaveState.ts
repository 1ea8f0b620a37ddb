import { useShallow } from 'zustand/react/shallow';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';

const selectSaveState = (s: FlowUiState) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): Pick<FlowUiState, 'busy' | 'result'> {
  return useFlowUi(useShallow(selectSaveState));
}
