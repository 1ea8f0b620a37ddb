import type { PublishProblem } from '../../api/types';
import type { EditorFlowProblem } from './editor-problem';
import { nodeDataPath } from './node-path';

/**
 * A refused publish's problem as the editor shows it: on its node (`nodeId`, or the node a path
 * like `/nodes/<id>/…` names) with the path into the node's data, else on the flow.
 */
export function publishProblemOf(p: PublishProblem, message: string): EditorFlowProblem {
  const base: EditorFlowProblem = { source: 'publish', code: p.code, message, severity: p.severity ?? 'error', edgeId: p.edgeId, from: p.from, to: p.to };
  const nodeId = p.nodeId ?? (p.edgeId ? undefined : /^\/nodes\/(n_[^/]+)/.exec(p.path ?? '')?.[1]);
  if (nodeId) return { ...base, nodeId, path: nodeDataPath(p.path) };
  return { ...base, path: p.path || undefined };
}
