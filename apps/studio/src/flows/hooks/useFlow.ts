import type { FlowDefinition } from '@kiln/engine-flow';
import { useFlowStore } from '../store/flow-store';

const selectFlow = (s: { flow: FlowDefinition }) => s.flow;

/** The flow being edited. */
export function useFlow(): FlowDefinition {
  return useFlowStore(selectFlow);
}
