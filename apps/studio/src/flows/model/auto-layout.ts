import dagre from '@dagrejs/dagre';
import type { FlowDefinition } from '@kiln/engine-flow';
import { sourceHandles } from './handles';

/** Size of a node on the canvas, as measured (or a default before it is). */
export interface NodeSize {
  width: number;
  height: number;
}

const DEFAULT_SIZE: NodeSize = { width: 220, height: 72 };

/**
 * Top-to-bottom positions for every node (dagre): ranks follow the edges, siblings are ordered
 * by the handle they hang from (approve before reject, branches in order), so the drawing reads
 * like the flow. Positions are top-left corners, as xyflow wants them.
 */
export function autoLayout(def: FlowDefinition, sizes: Readonly<Record<string, NodeSize>>): Record<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 64, edgesep: 24, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const size = (id: string) => sizes[id] ?? DEFAULT_SIZE;
  for (const n of def.nodes) g.setNode(n.id, { ...size(n.id) });
  const order = new Map(def.nodes.map((n) => [n.id, sourceHandles(n).map((h) => h.id)]));
  const edges = [...def.edges].sort((a, b) => {
    if (a.source !== b.source) return 0;
    const hs = order.get(a.source) ?? [];
    return hs.indexOf(a.sourceHandle ?? null) - hs.indexOf(b.sourceHandle ?? null);
  });
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of def.nodes) {
    const p = g.node(n.id);
    const s = size(n.id);
    if (p) out[n.id] = { x: Math.round(p.x - s.width / 2), y: Math.round(p.y - s.height / 2) };
  }
  return out;
}
