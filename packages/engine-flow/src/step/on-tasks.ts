import type { EventOf } from '../types.js';
import { returnTargets } from '../return-targets.js';
import { emit, log, refuse, type Ctx, type Outcome } from './context.js';
import { enqueue } from './drive.js';
import { fail } from './finish.js';
import { isRefusal, isUserId, openTaskAt } from './guards.js';
import { closeTask, isAfter, openTask, planSla, visitTasks } from './tasks.js';
import { voteTask } from './vote.js';

/** `taskCompleted`: a person approves or rejects an open task (edits limited to `fields.editable`). @internal */
export function onTaskCompleted(ctx: Ctx, ev: EventOf<'taskCompleted'>): Outcome {
  const found = openTaskAt(ctx, ev.task);
  if (isRefusal(found)) return found;
  const { task, node } = found;
  if (ev.outcome !== 'approve' && ev.outcome !== 'reject') return refuse('FLOW_EVENT_INVALID', `Unknown outcome ${String(ev.outcome)}`, { task: task.id, nodeId: node.id });
  const data = ev.data ?? {};
  const editable = node.data.fields?.editable ?? [];
  const denied = Object.keys(data).filter((k) => !editable.includes(k));
  if (denied.length > 0) return refuse('FLOW_NOT_ALLOWED', `Fields not editable at node ${node.id}: ${denied.join(', ')}`, { task: task.id, nodeId: node.id });
  if (Object.keys(data).length > 0) emit(ctx, { type: 'updateRecord', values: data, node: node.id });
  ctx.s.acted = true;
  voteTask(ctx, task, node, ev.outcome, ev.by, ev.comment);
}

/** `taskTransferred` (转交): the task goes to another user, same seat and deadline. @internal */
export function onTaskTransferred(ctx: Ctx, ev: EventOf<'taskTransferred'>): Outcome {
  const found = openTaskAt(ctx, ev.task);
  if (isRefusal(found)) return found;
  const { task, node } = found;
  if (node.data.allow?.transfer === false) return refuse('FLOW_NOT_ALLOWED', `Node ${node.id} does not allow transfer`, { task: task.id, nodeId: node.id });
  if (!isUserId(ev.to)) return refuse('FLOW_EVENT_INVALID', `Not a user id: ${String(ev.to)}`, { task: task.id, nodeId: node.id });
  if (ev.to === task.assignee) return refuse('FLOW_EVENT_INVALID', `Task ${task.id} is already assigned to ${ev.to}`, { task: task.id, nodeId: node.id });
  const timers = Object.values(ctx.s.timers).filter((t) => t.task === task.id && isAfter(t.at, ctx.at)).map(({ kind, at }) => ({ kind, at }));
  ctx.s.acted = true;
  closeTask(ctx, task.id, { status: 'transferred', actedBy: ev.by, actedAt: ctx.at, ...(ev.comment !== undefined ? { comment: ev.comment } : {}) });
  const next = openTask(ctx, { node: node.id, token: task.token, assignee: ev.to, seat: task.seat, replaces: task.id, addedBy: task.addedBy, position: task.position }, { dueAt: task.dueAt, timers });
  log(ctx, { type: 'task.transferred', node: node.id, task: task.id, user: ev.by, to: ev.to, comment: ev.comment, detail: { task: next.id } });
}

/** `signerAdded` (加签): before — the task waits for the new signer; after — the task is approved and the seat waits for the new signer. @internal */
export function onSignerAdded(ctx: Ctx, ev: EventOf<'signerAdded'>): Outcome {
  const found = openTaskAt(ctx, ev.task);
  if (isRefusal(found)) return found;
  const { task, node } = found;
  if (node.data.allow?.addSigner === false) return refuse('FLOW_NOT_ALLOWED', `Node ${node.id} does not allow adding signers`, { task: task.id, nodeId: node.id });
  if (ev.position !== 'before' && ev.position !== 'after') return refuse('FLOW_EVENT_INVALID', `Unknown position ${String(ev.position)}`, { task: task.id, nodeId: node.id });
  if (!isUserId(ev.user)) return refuse('FLOW_EVENT_INVALID', `Not a user id: ${String(ev.user)}`, { task: task.id, nodeId: node.id });
  if (ev.user === task.assignee) return refuse('FLOW_EVENT_INVALID', `User ${ev.user} already holds task ${task.id}`, { task: task.id, nodeId: node.id });
  const sla = planSla(ctx, node);
  if (!sla) return fail(ctx, 'FLOW_NODE_INVALID', `The SLA of node ${node.id} has an invalid duration or calendar`, node.id);
  ctx.s.acted = true;
  const comment = ev.comment !== undefined ? { comment: ev.comment } : {};
  if (ev.position === 'before') closeTask(ctx, task.id, { status: 'waiting' });
  else closeTask(ctx, task.id, { status: 'approved', actedBy: ev.by, actedAt: ctx.at, ...comment });
  const next = openTask(ctx, { node: node.id, token: task.token, assignee: ev.user, seat: task.seat, addedBy: task.id, position: ev.position }, sla);
  log(ctx, { type: 'task.signer_added', node: node.id, task: task.id, user: ev.by, to: ev.user, comment: ev.comment, detail: { position: ev.position, task: next.id } });
}

/** `taskReturned` (退回): the token goes back to an approval node it passed (see `returnTargets`). @internal */
export function onTaskReturned(ctx: Ctx, ev: EventOf<'taskReturned'>): Outcome {
  const found = openTaskAt(ctx, ev.task);
  if (isRefusal(found)) return found;
  const { task, node } = found;
  if (node.data.allow?.return === false) return refuse('FLOW_NOT_ALLOWED', `Node ${node.id} does not allow returning`, { task: task.id, nodeId: node.id });
  if (!returnTargets(ctx.def, ctx.s, task.id).includes(ev.to)) {
    return refuse('FLOW_RETURN_INVALID', `Task ${task.id} cannot be returned to ${ev.to}`, { task: task.id, nodeId: node.id });
  }
  ctx.s.acted = true;
  closeTask(ctx, task.id, { status: 'returned', actedBy: ev.by, actedAt: ctx.at, ...(ev.comment !== undefined ? { comment: ev.comment } : {}) });
  for (const t of visitTasks(ctx, task.token)) {
    if (t.status !== 'open' && t.status !== 'waiting') continue;
    closeTask(ctx, t.id, { status: 'cancelled' });
    log(ctx, { type: 'task.cancelled', node: node.id, task: t.id });
  }
  log(ctx, { type: 'task.returned', node: node.id, task: task.id, user: ev.by, comment: ev.comment, detail: { to: ev.to, token: task.token } });
  emit(ctx, { type: 'notify', reason: 'returned', node: node.id, task: task.id, to: [{ kind: 'initiator' }] });
  log(ctx, { type: 'left', node: node.id, detail: { token: task.token, returnedTo: ev.to } });
  enqueue(ctx, task.token, ev.to);
}

/** `commented`: a history line only (on a task, if given, which must exist). @internal */
export function onCommented(ctx: Ctx, ev: EventOf<'commented'>): Outcome {
  const task = ev.task !== undefined ? ctx.s.tasks[ev.task] : undefined;
  if (ev.task !== undefined && !task) return refuse('FLOW_TASK_NOT_OPEN', `No task ${ev.task}`, { task: ev.task });
  if (typeof ev.comment !== 'string' || ev.comment.trim() === '') return refuse('FLOW_EVENT_INVALID', 'The comment is empty');
  log(ctx, { type: 'task.commented', node: task?.node, task: task?.id, user: ev.by, comment: ev.comment });
}
