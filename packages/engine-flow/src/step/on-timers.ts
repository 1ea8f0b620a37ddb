import type { AssigneeSpec, ApprovalNode, EventOf, SlaSpec, TaskState } from '../types.js';
import { nodeById } from '../graph.js';
import { emit, log, type Ctx, type Outcome } from './context.js';
import { continueToken } from './drive.js';
import { fail } from './finish.js';
import { closeTask, openTask, planSla } from './tasks.js';
import { voteTask } from './vote.js';

/**
 * `timerFired`. A timer no longer pending (cancelled, already fired) or an instance no longer
 * running is ignored without an error: the runtime's job may be late or repeated.
 * `timer` moves its token on; `remind` and `escalate` act only while their task is open. @internal
 */
export function onTimerFired(ctx: Ctx, ev: EventOf<'timerFired'>): Outcome {
  const timer = ctx.s.timers[ev.timer];
  if (!timer || ctx.s.status !== 'running') return 'ignore';
  delete ctx.s.timers[timer.id];
  if (timer.kind === 'timer') {
    const t = ctx.s.tokens[timer.token];
    if (!t || t.status !== 'waiting' || t.wait !== 'timer') return;
    log(ctx, { type: 'timer.fired', node: t.node });
    return continueToken(ctx, t.id);
  }
  const task = timer.task ? ctx.s.tasks[timer.task] : undefined;
  const node = task ? nodeById(ctx.def).get(task.node) : undefined;
  if (!task || task.status !== 'open' || node?.type !== 'approval') return;
  if (timer.kind === 'remind') {
    emit(ctx, { type: 'notify', reason: 'remind', node: node.id, task: task.id, to: [], users: [task.assignee] });
    log(ctx, { type: 'sla.reminded', node: node.id, task: task.id, user: task.assignee });
    return;
  }
  escalate(ctx, task, node);
}

function escalate(ctx: Ctx, task: TaskState, node: ApprovalNode): void {
  const esc = node.data.sla?.escalate;
  log(ctx, { type: 'sla.escalated', node: node.id, task: task.id, user: task.assignee, outcome: esc?.action ?? 'notify' });
  emit(ctx, { type: 'notify', reason: 'escalate', node: node.id, task: task.id, to: escalationSpecs(esc?.notify), users: [task.assignee] });
  switch (esc?.action) {
    case 'approve':
    case 'reject':
      return voteTask(ctx, task, node, esc.action, null);
    case 'reassign':
      emit(ctx, {
        type: 'resolveAssignees', purpose: 'escalate', task: task.id, token: task.token, node: node.id,
        specs: [{ kind: 'manager', levels: 1 }], pick: 'all', of: task.assignee,
      });
      return;
    default:
      return;
  }
}

function escalationSpecs(n: NonNullable<SlaSpec['escalate']>['notify']): AssigneeSpec[] {
  if (!n) return [];
  return [
    ...(n.users?.length ? [{ kind: 'users' as const, users: n.users }] : []),
    ...(n.groups ?? []).map((group) => ({ kind: 'group' as const, group })),
    ...(n.roles ?? []).map((role) => ({ kind: 'role' as const, role })),
  ];
}

/**
 * `assigneesResolved` with purpose `escalate`: the task goes to the first user (its assignee's
 * manager) with a fresh SLA. A task no longer open, no user, or the same assignee → nothing
 * happens (no error: the answer may arrive after someone acted). @internal
 */
export function reassignTask(ctx: Ctx, ev: EventOf<'assigneesResolved'>): Outcome {
  const task = ev.task ? ctx.s.tasks[ev.task] : undefined;
  const node = task ? nodeById(ctx.def).get(task.node) : undefined;
  if (!task || task.status !== 'open' || node?.type !== 'approval') return 'ignore';
  const to = ev.users[0];
  if (to === undefined || to === task.assignee) return 'ignore';
  const sla = planSla(ctx, node);
  if (!sla) return fail(ctx, 'FLOW_NODE_INVALID', `The SLA of node ${node.id} has an invalid duration or calendar`, node.id);
  closeTask(ctx, task.id, { status: 'transferred', actedAt: ctx.at, auto: true });
  const next = openTask(ctx, { node: node.id, token: task.token, assignee: to, seat: task.seat, replaces: task.id, addedBy: task.addedBy, position: task.position }, sla);
  log(ctx, { type: 'task.reassigned', node: node.id, task: task.id, to, detail: { task: next.id } });
}
