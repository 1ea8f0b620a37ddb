import type { ApprovalNode, TaskState } from '../types.js';
import { log, type Ctx } from './context.js';
import { decideIfReady } from './approval.js';
import { closeTask, planSla, reopenTask } from './tasks.js';
import { fail } from './finish.js';

/**
 * Records a task's vote (a person's, or an escalation's with `by` null and `auto`), settles a
 * task waiting for it as its before-signer (approve → reopened, reject → cancelled, so the
 * seat is rejected), then decides the node if the votes say so. @internal
 */
export function voteTask(ctx: Ctx, task: TaskState, node: ApprovalNode, outcome: 'approve' | 'reject', by: number | null, comment?: string): void {
  const status = outcome === 'approve' ? 'approved' : 'rejected';
  closeTask(ctx, task.id, {
    status, actedAt: ctx.at,
    ...(by !== null ? { actedBy: by } : { auto: true }),
    ...(comment !== undefined ? { comment } : {}),
  });
  log(ctx, { type: outcome === 'approve' ? 'task.approved' : 'task.rejected', node: node.id, task: task.id, user: by, comment, detail: by === null ? { auto: true } : undefined });
  const waiting = task.position === 'before' && task.addedBy ? ctx.s.tasks[task.addedBy] : undefined;
  if (waiting?.status === 'waiting') {
    if (outcome === 'approve') {
      const sla = planSla(ctx, node);
      if (!sla) return fail(ctx, 'FLOW_NODE_INVALID', `The SLA of node ${node.id} has an invalid duration or calendar`, node.id);
      reopenTask(ctx, waiting.id, sla);
      log(ctx, { type: 'task.created', node: node.id, task: waiting.id, to: waiting.assignee, detail: { reopened: true } });
    } else {
      closeTask(ctx, waiting.id, { status: 'cancelled' });
      log(ctx, { type: 'task.cancelled', node: node.id, task: waiting.id });
    }
  }
  decideIfReady(ctx, task.token, node);
}
