import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { focusPath } from '../../rules/store/focus';
import type { EditorFlowProblem } from '../model/editor-problem';
import { useFlowStore } from '../store/flow-store';
import { selectElements, useFlowUi } from '../store/flow-ui';

/**
 * Shows where a problem is: selects its node (or edge) and centres it on the canvas, opens the
 * node's properties and focuses the control at the problem's path; a flow-level problem opens
 * the flow settings.
 */
export function useFocusProblem(): (p: EditorFlowProblem) => void {
  const rf = useReactFlow();
  return useCallback(
    (p) => {
      const flow = useFlowStore.getState().flow;
      const edge = p.edgeId ? flow.edges.find((e) => e.id === p.edgeId) : undefined;
      const nodeId = p.nodeId && flow.nodes.some((n) => n.id === p.nodeId) ? p.nodeId : undefined;
      if (edge && !nodeId) {
        selectElements([], [edge.id]);
        void rf.fitView({ nodes: [{ id: edge.source }, { id: edge.target }], padding: 0.4, maxZoom: 1, duration: 200 });
        return;
      }
      if (!nodeId) {
        useFlowUi.setState({ tab: 'flow' });
        if (p.path) window.setTimeout(() => focusPath(p.path!), 50);
        return;
      }
      selectElements([nodeId]);
      useFlowUi.setState({ tab: 'node' });
      void rf.fitView({ nodes: [{ id: nodeId }], padding: 0.6, maxZoom: 1, duration: 200 });
      // The property panel renders the node on the next frame; then its control can take focus.
      if (p.path) window.setTimeout(() => focusPath(p.path!, p), 80);
    },
    [rf],
  );
}
