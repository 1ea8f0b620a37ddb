import { NODE_TYPES, type FlowDefinition, type FlowEdge, type FlowNode } from '../types.js';
import { isName, isObject, type Problems } from './problems.js';

/** The usable part of a definition: nodes and edges that passed the shape checks. @internal */
export interface Shaped {
  readonly def: FlowDefinition;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

/**
 * Shape checks (FLOW_INVALID, FLOW_NODE_INVALID, FLOW_EDGE_INVALID): arrays, unique non-empty
 * ids, known node types, `data` objects, edges between existing nodes. Returns null when the
 * definition is not even an object with node and edge arrays. @internal
 */
export function checkShape(raw: unknown, p: Problems): Shaped | null {
  if (!isObject(raw)) {
    p.add('FLOW_INVALID', '流程定义应为对象', 'The flow definition must be an object', { path: '' });
    return null;
  }
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) {
    p.add('FLOW_INVALID', '流程定义需要 nodes 和 edges 数组', 'The flow definition needs `nodes` and `edges` arrays', { path: Array.isArray(raw.nodes) ? '/edges' : '/nodes' });
    return null;
  }
  if (!isName(raw.key)) p.add('FLOW_INVALID', '缺少流程键名 key', 'The flow needs a `key`', { path: '/key' });
  if (!isName(raw.form)) p.add('FLOW_INVALID', '缺少表单 form', 'The flow needs a `form`', { path: '/form' });
  const ids = new Set<string>();
  const nodes: FlowNode[] = [];
  raw.nodes.forEach((n: unknown, i: number) => {
    const path = `/nodes/${i}`;
    if (!isObject(n) || !isName(n.id)) return p.add('FLOW_INVALID', `节点 ${i} 缺少 id`, `Node ${i} has no id`, { path });
    if (ids.has(n.id)) return p.add('FLOW_NODE_INVALID', `节点 ID “${n.id}” 重复`, `Duplicate node id "${n.id}"`, { nodeId: n.id });
    ids.add(n.id);
    if (!(NODE_TYPES as readonly unknown[]).includes(n.type)) {
      return p.add('FLOW_NODE_INVALID', `节点类型 “${String(n.type)}” 无效，可选：${NODE_TYPES.join('、')}`, `Unknown node type "${String(n.type)}"; use one of: ${NODE_TYPES.join(', ')}`, { nodeId: n.id, path: '/type' });
    }
    if (!isObject(n.data)) return p.add('FLOW_NODE_INVALID', '节点缺少 data 对象', 'The node needs a `data` object', { nodeId: n.id, path: '/data' });
    nodes.push(n as unknown as FlowNode);
  });
  const edgeIds = new Set<string>();
  const edges: FlowEdge[] = [];
  raw.edges.forEach((e: unknown, i: number) => {
    if (!isObject(e) || !isName(e.id)) return p.add('FLOW_EDGE_INVALID', `连线 ${i} 缺少 id`, `Edge ${i} has no id`, { path: `/edges/${i}` });
    if (edgeIds.has(e.id)) return p.add('FLOW_EDGE_INVALID', `连线 ID “${e.id}” 重复`, `Duplicate edge id "${e.id}"`, { edgeId: e.id });
    edgeIds.add(e.id);
    for (const end of ['source', 'target'] as const) {
      if (!isName(e[end]) || !ids.has(e[end])) {
        return p.add('FLOW_EDGE_INVALID', `连线 ${e.id} 的${end === 'source' ? '起点' : '终点'} “${String(e[end])}” 不存在`, `Edge ${e.id}: ${end} "${String(e[end])}" is not a node`, { edgeId: e.id, path: `/${end}` });
      }
    }
    if (e.sourceHandle != null && typeof e.sourceHandle !== 'string') return p.add('FLOW_EDGE_INVALID', `连线 ${e.id} 的 sourceHandle 应为字符串`, `Edge ${e.id}: sourceHandle must be a string`, { edgeId: e.id, path: '/sourceHandle' });
    edges.push(e as unknown as FlowEdge);
  });
  return { def: raw as unknown as FlowDefinition, nodes, edges };
}
