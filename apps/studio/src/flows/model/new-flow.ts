import type { FlowDefinition, LocalizedText } from '@kiln/engine-flow';
import { newEdgeId, newNodeId } from './ids';
import { newNode } from './node-defaults';

/**
 * A new flow draft on form `form`: a start node (on record creation) connected to an end node,
 * so the draft is valid from the first save and the builder inserts steps in between.
 */
export function newFlow(key: string, name: LocalizedText, form: string): FlowDefinition {
  const start = newNode('start', newNodeId(), { x: 0, y: 0 });
  const end = newNode('end', newNodeId([start.id]), { x: 0, y: 240 });
  return {
    key,
    name,
    form,
    nodes: [start, end],
    edges: [{ id: newEdgeId(), source: start.id, target: end.id }],
  };
}
