import type { FlowNode } from '@kiln/engine-flow';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';
import { useFlow } from './useFlow';

const selectOnly = (s: FlowUiState) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : null);

/** The node the property panel shows: the only selected node, or null. */
export function useSelectedNode(): FlowNode | null {
  const id = useFlowUi(selectOnly);
  const flow = useFlow();
  return (id && flow.nodes.find((n) => n.id === id)) || null;
}
