import type { FlowDefinition, FlowEdge, FlowNode } from '@kiln/engine-flow';
import { edgeHandle, fansOut, hasTarget, sourceHandles } from './handles';
import { newEdgeId } from './ids';

/** A connection drawn on the canvas (xyflow's `Connection`, ids only). */
export interface NewConnection {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

const byId = (def: FlowDefinition, id: string) => def.nodes.find((n) => n.id === id);

/** Whether `c` may become an edge: both nodes exist, no loop onto itself, into a node with an input, out of a real handle. */
export function canConnect(def: FlowDefinition, c: NewConnection): boolean {
  const source = byId(def, c.source);
  const target = byId(def, c.target);
  if (!source || !target || source.id === target.id || !hasTarget(target)) return false;
  const handle = edgeHandle(source, c.sourceHandle);
  return sourceHandles(source).some((h) => h.id === handle);
}

/**
 * Adds the edge of a connection. A handle holds one edge (except a parallel split's): drawing
 * from a used handle replaces its edge. An identical edge is not added twice.
 */
export function connect(def: FlowDefinition, c: NewConnection): FlowDefinition {
  if (!canConnect(def, c)) return def;
  const source = byId(def, c.source)!;
  const handle = edgeHandle(source, c.sourceHandle);
  const same = (e: FlowEdge) => e.source === c.source && edgeHandle(source, e.sourceHandle) === handle;
  if (def.edges.some((e) => same(e) && e.target === c.target)) return def;
  const kept = fansOut(source) ? def.edges : def.edges.filter((e) => !same(e));
  const edge: FlowEdge = handle ? { id: newEdgeId(def.edges.map((e) => e.id)), source: c.source, target: c.target, sourceHandle: handle } : { id: newEdgeId(def.edges.map((e) => e.id)), source: c.source, target: c.target };
  return { ...def, edges: [...kept, edge] };
}

/** Adds a node. */
export function addNode(def: FlowDefinition, node: FlowNode): FlowDefinition {
  return { ...def, nodes: [...def.nodes, node] };
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(def: FlowDefinition, nodeIds: readonly string[], edgeIds: readonly string[]): FlowDefinition {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (!nodes.size && !edges.size) return def;
  return {
    ...def,
    nodes: def.nodes.filter((n) => !nodes.has(n.id)),
    edges: def.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

/** Sets node positions (canvas moves, auto layout). */
export function moveNodes(def: FlowDefinition, positions: Readonly<Record<string, { x: number; y: number }>>): FlowDefinition {
  let changed = false;
  const nodes = def.nodes.map((n) => {
    const p = positions[n.id];
    if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
    changed = true;
    return { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } };
  });
  return changed ? { ...def, nodes } : def;
}

/**
 * Edits one node. Edges leaving it by a handle it no longer has (a removed condition branch)
 * are dropped with the edit.
 */
export function updateNode(def: FlowDefinition, id: string, fn: (n: FlowNode) => FlowNode): FlowDefinition {
  const cur = byId(def, id);
  if (!cur) return def;
  const next = fn(cur);
  if (next === cur) return def;
  const handles = new Set(sourceHandles(next).map((h) => h.id));
  const edges = def.edges.filter((e) => e.source !== id || handles.has(edgeHandle(next, e.sourceHandle)));
  return { ...def, nodes: def.nodes.map((n) => (n.id === id ? next : n)), edges: edges.length === def.edges.length ? def.edges : edges };
}

/**
 * The first handle of `node` no edge leaves from yet — where a node added after it connects —
 * or undefined. An approval's `reject` is never picked: a step added after an approval follows
 * its approval.
 */
export function freeHandle(def: FlowDefinition, node: FlowNode): string | null | undefined {
  const used = new Set(def.edges.filter((e) => e.source === node.id).map((e) => edgeHandle(node, e.sourceHandle)));
  const free = sourceHandles(node).find((h) => h.kind !== 'reject' && (fansOut(node) || !used.has(h.id)));
  return free ? free.id : undefined;
}

/**
 * Adds `node` after `from`: connected from `from`'s first free handle (see `freeHandle`), or —
 * when those are taken — spliced into the edge of its first handle (`from → node → old
 * target`), so a step is inserted where the builder points. A node without input is only added.
 */
export function addAfter(def: FlowDefinition, from: FlowNode, node: FlowNode): FlowDefinition {
  let next = addNode(def, node);
  if (!hasTarget(node)) return next;
  const free = freeHandle(def, from);
  if (free !== undefined) return connect(next, { source: from.id, target: node.id, sourceHandle: free });
  const first = sourceHandles(from)[0];
  const old = first && def.edges.find((e) => e.source === from.id && edgeHandle(from, e.sourceHandle) === first.id);
  if (!first || !old) return next;
  next = connect(next, { source: from.id, target: node.id, sourceHandle: first.id });
  const out = sourceHandles(node)[0];
  return out ? connect(next, { source: node.id, target: old.target, sourceHandle: out.id }) : next;
}
