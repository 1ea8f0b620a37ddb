import type { FlowDefinition, FlowEdge, FlowNode } from '@kiln/engine-flow';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A stored draft made safe to edit: missing lists become empty, nodes without data get `{}`,
 * and the key is the route's (the draft is never renamed here). Unknown properties are kept.
 */
export function normalizeFlow(raw: unknown, key: string): FlowDefinition {
  const d = isObject(raw) ? raw : {};
  const nodes = (Array.isArray(d.nodes) ? d.nodes : []).filter(isObject).map((n) => ({ ...n, data: isObject(n.data) ? n.data : {} })) as unknown as FlowNode[];
  const edges = (Array.isArray(d.edges) ? d.edges : []).filter(isObject) as unknown as FlowEdge[];
  const name = typeof d.name === 'string' || isObject(d.name) ? (d.name as FlowDefinition['name']) : { 'zh-CN': key, en: key };
  return { ...(d as object), key, name, form: typeof d.form === 'string' ? d.form : '', nodes, edges } as FlowDefinition;
}
