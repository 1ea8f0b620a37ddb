import type { ApprovalNode, FlowError, TaskState, TokenState } from '../types.js';
import { nodeById } from '../graph.js';
import { refuse, type Ctx } from './context.js';

/** Narrows a guard's answer. @internal */
export function isRefusal<T extends object>(x: T | FlowError): x is FlowError {
  return 'code' in x && 'message' in x && !('id' in x);
}

/** The token, if it is waiting for `wait`; else FLOW_EVENT_INVALID. @internal */
export function waitingToken(ctx: Ctx, id: string, wait: NonNullable<TokenState['wait']>): TokenState | FlowError {
  const t = ctx.s.tokens[id];
  if (!t || t.status !== 'waiting' || t.wait !== wait) return refuse('FLOW_EVENT_INVALID', `Token ${id} is not waiting for ${wait}`, t ? { nodeId: t.node } : {});
  return t;
}

/** An open task, its approval node and its token: FLOW_TASK_NOT_OPEN for unknown or closed tasks. @internal */
export function openTaskAt(ctx: Ctx, id: string): { task: TaskState; node: ApprovalNode } | FlowError {
  const task = ctx.s.tasks[id];
  if (!task || task.status !== 'open') return refuse('FLOW_TASK_NOT_OPEN', task ? `Task ${id} is ${task.status}` : `No task ${id}`, { task: id, ...(task ? { nodeId: task.node } : {}) });
  const node = nodeById(ctx.def).get(task.node);
  if (!node || node.type !== 'approval') return refuse('FLOW_NODE_NOT_FOUND', `No approval node ${task.node}`, { task: id, nodeId: task.node });
  const token = ctx.s.tokens[task.token];
  if (!token || token.status !== 'waiting' || token.wait !== 'tasks' || token.node !== task.node) {
    return refuse('FLOW_EVENT_INVALID', `The token of task ${id} is not waiting for tasks`, { task: id, nodeId: task.node });
  }
  return { task, node };
}

/** Whether a value is a user id (a positive integer). @internal */
export function isUserId(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) > 0;
}
