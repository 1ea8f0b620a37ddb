import type { FlowDefinition, FlowEdge, FlowNode, LocalizedText } from './types.js';

/** UI language of messages and names. */
export type Locale = 'zh-CN' | 'en';

// Definitions are immutable metadata: index each once.
const indexCache = new WeakMap<FlowDefinition, ReadonlyMap<string, FlowNode>>();

/** The nodes of a definition by id (cached per definition object). */
export function nodeById(def: FlowDefinition): ReadonlyMap<string, FlowNode> {
  let map = indexCache.get(def);
  if (!map) {
    map = new Map(def.nodes.map((n) => [n.id, n]));
    indexCache.set(def, map);
  }
  return map;
}

/** The edges leaving a node, in definition order. */
export function outgoing(def: FlowDefinition, nodeId: string): FlowEdge[] {
  return def.edges.filter((e) => e.source === nodeId);
}

/** The edges entering a node, in definition order. */
export function incoming(def: FlowDefinition, nodeId: string): FlowEdge[] {
  return def.edges.filter((e) => e.target === nodeId);
}

/** A localized text in one language (a plain string serves both). */
export function localize(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined) return undefined;
  return typeof text === 'string' ? text : text[locale] || text['zh-CN'] || text.en;
}

/** A node's display name: `data.name` in the locale, else its id. */
export function nodeName(node: FlowNode, locale: Locale = 'zh-CN'): string {
  return localize(node.data?.name, locale) || node.id;
}
