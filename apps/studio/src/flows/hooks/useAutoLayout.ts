import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { autoLayout, type NodeSize } from '../model/auto-layout';
import type { RfEdge, RfNode } from '../canvas/rf-types';
import { flowEdit } from '../store/edit';
import { useFlowStore } from '../store/flow-store';

/** "Auto layout": lays the flow out top to bottom with dagre (one undo step), then fits the view. */
export function useAutoLayout(): () => void {
  const rf = useReactFlow<RfNode, RfEdge>();
  return useCallback(() => {
    const sizes: Record<string, NodeSize> = {};
    for (const n of rf.getNodes()) if (n.measured?.width && n.measured.height) sizes[n.id] = { width: n.measured.width, height: n.measured.height };
    flowEdit.move(autoLayout(useFlowStore.getState().flow, sizes));
    // Fit once xyflow has the new positions.
    window.requestAnimationFrame(() => void rf.fitView({ padding: 0.25, maxZoom: 1, duration: 200 }));
  }, [rf]);
}
