import { START_TRIGGERS, type FlowEdge, type FlowNode } from '../types.js';
import type { Problems } from './problems.js';
import type { Shaped } from './shape.js';

/** Node and edge lookups over the shaped definition (edges between known nodes only). @internal */
export interface Graph {
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly edges: readonly FlowEdge[];
  readonly out: ReadonlyMap<string, readonly FlowEdge[]>;
  readonly in: ReadonlyMap<string, readonly FlowEdge[]>;
}

/** Builds the lookups. @internal */
export function buildGraph(shaped: Shaped): Graph {
  const nodes = new Map(shaped.nodes.map((n) => [n.id, n]));
  const edges = shaped.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
  const out = new Map<string, FlowEdge[]>(shaped.nodes.map((n) => [n.id, []]));
  const inc = new Map<string, FlowEdge[]>(shaped.nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    out.get(e.source)!.push(e);
    inc.get(e.target)!.push(e);
  }
  return { nodes, edges, out, in: inc };
}

// Node types that continue along exactly one edge.
const SINGLE_OUT = new Set(['action', 'notify', 'timer', 'subflow', 'join']);

/** Start, end and edge-count rules, reachability from the start and reaching an end. @internal */
export function checkGraph(g: Graph, p: Problems): void {
  const starts = [...g.nodes.values()].filter((n) => n.type === 'start');
  if (starts.length === 0) p.add('FLOW_NO_START', '流程没有开始节点', 'The flow has no start node', { path: '/nodes' });
  for (const s of starts.slice(1)) p.add('FLOW_MANY_STARTS', '流程只能有一个开始节点', 'The flow may have only one start node', { nodeId: s.id });
  for (const n of g.nodes.values()) {
    const out = g.out.get(n.id)!;
    if (n.type === 'start') {
      for (const e of g.in.get(n.id)!) p.add('FLOW_EDGE_INVALID', '开始节点不能有进入的连线', 'The start node cannot have incoming edges', { nodeId: n.id, edgeId: e.id });
      if (out.length !== 1) p.add('FLOW_EDGE_INVALID', `开始节点需要恰好一条出线（现有 ${out.length} 条）`, `The start node needs exactly one outgoing edge (has ${out.length})`, { nodeId: n.id });
      if (!(START_TRIGGERS as readonly unknown[]).includes(n.data.trigger)) {
        p.add('FLOW_NODE_INVALID', `触发方式 “${String(n.data.trigger)}” 无效，可选：${START_TRIGGERS.join('、')}`, `Unknown trigger "${String(n.data.trigger)}"; use one of: ${START_TRIGGERS.join(', ')}`, { nodeId: n.id, path: '/data/trigger' });
      }
      if (n.data.when !== undefined) p.expr('FLOW_NODE_INVALID', n.data.when, n.id, '/data/when');
    } else if (n.type === 'end') {
      for (const e of out) p.add('FLOW_EDGE_INVALID', '结束节点不能有出线', 'An end node cannot have outgoing edges', { nodeId: n.id, edgeId: e.id });
    } else if (SINGLE_OUT.has(n.type) && out.length !== 1) {
      p.add('FLOW_EDGE_INVALID', `此节点需要恰好一条出线（现有 ${out.length} 条）`, `This node needs exactly one outgoing edge (has ${out.length})`, { nodeId: n.id });
    }
  }
  const reached = walk(starts.map((s) => s.id), (id) => g.out.get(id)!.map((e) => e.target));
  const reachesEnd = walk([...g.nodes.values()].filter((n) => n.type === 'end').map((n) => n.id), (id) => g.in.get(id)!.map((e) => e.source));
  for (const n of g.nodes.values()) {
    if (starts.length > 0 && !reached.has(n.id)) p.add('FLOW_NODE_UNREACHABLE', '节点无法从开始节点到达', 'The node cannot be reached from the start', { nodeId: n.id });
    if (!reachesEnd.has(n.id)) p.add('FLOW_NODE_DEAD_END', '节点无法到达任何结束节点', 'The node cannot reach any end node', { nodeId: n.id });
  }
}

/** Every node reachable from `from` (included) through `next`. @internal */
export function walk(from: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}
