import { useMemo } from 'react';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';
import { useFlow } from './useFlow';

const selectSaved = (s: FlowUiState) => s.savedJson;

/** True when the flow differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const flow = useFlow();
  const saved = useFlowUi(selectSaved);
  return useMemo(() => JSON.stringify(flow) !== saved, [flow, saved]);
}
