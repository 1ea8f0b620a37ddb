import { nodeById } from './graph.js';
import type { FlowDefinition, InstanceState } from './types.js';

/**
 * The approval nodes a task may be returned (退回) to, in path order: approval nodes its token
 * left approved by people (not automatically) earlier, minus the task's own node. A return cuts
 * the path back to its target, so nodes after the target stop being targets until approved
 * again. Tokens of parallel branches see only their own branch (a token is born at each split).
 *
 * @example returnTargets(def, state, 't7') // ['sales_review', 'warehouse_review']
 */
export function returnTargets(def: FlowDefinition, state: Pick<InstanceState, 'tasks' | 'history'>, taskId: string): string[] {
  const task = state.tasks[taskId];
  if (!task) return [];
  const nodes = nodeById(def);
  let path: string[] = [];
  for (const h of state.history) {
    if (h.detail?.token !== task.token || h.node === undefined) continue;
    if (h.type === 'node.approved' && !h.detail.auto && !path.includes(h.node)) path.push(h.node);
    if (h.type === 'task.returned' && typeof h.detail.to === 'string') {
      const i = path.indexOf(h.detail.to);
      if (i >= 0) path = path.slice(0, i);
    }
  }
  return path.filter((n) => n !== task.node && nodes.get(n)?.type === 'approval');
}
