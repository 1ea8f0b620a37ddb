import type { ApprovalNode } from '../types.js';
import { outgoing } from '../graph.js';
import { emit, log, patchToken, type Ctx } from './context.js';
import { follow } from './drive.js';
import { fail, finishInstance } from './finish.js';
import { bySeat, nodeVote, seatVote } from './seats.js';
import { closeTask, openTask, planSla, visitTasks } from './tasks.js';

/** Entry into an approval: evaluate `rejectWhen`/`approveWhen` when present, else resolve assignees. @internal */
export function enterApproval(ctx: Ctx, token: string, node: ApprovalNode): void {
  patchToken(ctx, token, { seats: [] });
  const sources: Record<string, string> = {};
  if (node.data.rejectWhen) sources[`${node.id}.rejectWhen`] = node.data.rejectWhen;
  if (node.data.approveWhen) sources[`${node.id}.approveWhen`] = node.data.approveWhen;
  if (Object.keys(sources).length > 0) {
    patchToken(ctx, token, { wait: 'evaluate' });
    emit(ctx, { type: 'evaluate', token, node: node.id, sources });
    return;
  }
  requestAssignees(ctx, token, node);
}

function requestAssignees(ctx: Ctx, token: string, node: ApprovalNode): void {
  patchToken(ctx, token, { wait: 'assignees' });
  emit(ctx, { type: 'resolveAssignees', token, node: node.id, purpose: 'enter', specs: node.data.assignees, pick: node.data.pick ?? 'all' });
}

/** The answer to the entry evaluation: rejectWhen wins over approveWhen; neither → resolve assignees. @internal */
export function approvalEvaluated(ctx: Ctx, token: string, node: ApprovalNode, results: Readonly<Record<string, unknown>>): void {
  if (node.data.rejectWhen && results[`${node.id}.rejectWhen`]) return autoDecide(ctx, token, node, 'rejected', 'rejectWhen');
  if (node.data.approveWhen && results[`${node.id}.approveWhen`]) return autoDecide(ctx, token, node, 'approved', 'approveWhen');
  requestAssignees(ctx, token, node);
}

/** The resolved assignees on entry: one seat and task per distinct user, or `onEmpty` when none. @internal */
export function approvalAssigned(ctx: Ctx, token: string, node: ApprovalNode, users: readonly number[]): void {
  const distinct = [...new Set(users)];
  if (distinct.length === 0) return autoDecide(ctx, token, node, node.data.onEmpty === 'approve' ? 'approved' : 'rejected', 'empty');
  const sla = planSla(ctx, node);
  if (!sla) return fail(ctx, 'FLOW_NODE_INVALID', `The SLA of node ${node.id} has an invalid duration or calendar`, node.id);
  const seats: string[] = [];
  for (const user of distinct) {
    const task = openTask(ctx, { node: node.id, token, assignee: user }, sla);
    seats.push(task.id);
    log(ctx, { type: 'task.created', node: node.id, task: task.id, to: user });
  }
  patchToken(ctx, token, { wait: 'tasks', seats });
  if (node.data.assignField) emit(ctx, { type: 'updateRecord', values: { [node.data.assignField]: distinct[0] }, node: node.id });
}

function autoDecide(ctx: Ctx, token: string, node: ApprovalNode, outcome: 'approved' | 'rejected', reason: string): void {
  log(ctx, { type: 'node.auto', node: node.id, outcome: outcome === 'approved' ? 'approve' : 'reject', detail: { reason, token } });
  decideNode(ctx, token, node, outcome, true);
}

/** Decides the node when its seats' votes say so (called after every vote). @internal */
export function decideIfReady(ctx: Ctx, token: string, node: ApprovalNode): void {
  const seats = ctx.s.tokens[token]?.seats ?? [];
  if (seats.length === 0) return;
  const votes = bySeat(seats, visitTasks(ctx, token)).map(seatVote);
  const vote = nodeVote(node, votes);
  if (vote !== 'pending') decideNode(ctx, token, node, vote, false);
}

/**
 * Decides an approval node: its remaining open/waiting tasks are cancelled, history
 * `node.approved`/`node.rejected`, then the approve edge (handle `approve`/none), the `reject`
 * edge, or — rejected without a reject edge — the instance finishes `rejected`. @internal
 */
export function decideNode(ctx: Ctx, token: string, node: ApprovalNode, outcome: 'approved' | 'rejected', auto: boolean): void {
  for (const t of visitTasks(ctx, token)) {
    if (t.status !== 'open' && t.status !== 'waiting') continue;
    closeTask(ctx, t.id, { status: 'cancelled' });
    log(ctx, { type: 'task.cancelled', node: node.id, task: t.id });
  }
  log(ctx, { type: outcome === 'approved' ? 'node.approved' : 'node.rejected', node: node.id, outcome, detail: { token, ...(auto ? { auto } : {}) } });
  const out = outgoing(ctx.def, node.id);
  const edge = outcome === 'approved'
    ? out.find((e) => e.sourceHandle === 'approve' || e.sourceHandle == null)
    : out.find((e) => e.sourceHandle === 'reject');
  if (edge) return follow(ctx, token, edge);
  if (outcome === 'rejected') return finishInstance(ctx, 'rejected');
  fail(ctx, 'FLOW_EDGE_INVALID', `Approval ${node.id} has no approve edge`, node.id);
}
