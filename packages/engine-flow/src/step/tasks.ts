import { Temporal } from 'temporal-polyfill';
import { subtractDurations, tryAddDuration } from '../time/add-duration.js';
import type { ApprovalNode, TaskState, TimerKind } from '../types.js';
import { emit, nextId, patchTask, type Ctx } from './context.js';

/** A task's deadline and the timers it needs (times after now only). @internal */
export interface SlaPlan {
  readonly dueAt?: string;
  readonly timers: readonly { readonly kind: TimerKind; readonly at: string }[];
}

/** The SLA of a task created now at a node; null when the node's SLA does not compute (invalid durations). @internal */
export function planSla(ctx: Ctx, node: ApprovalNode): SlaPlan | null {
  const sla = node.data.sla;
  if (!sla) return { timers: [] };
  // businessHours without a flow calendar counts in the default calendar.
  const cal = sla.businessHours ? (ctx.def.calendar ?? {}) : undefined;
  const dueAt = tryAddDuration(ctx.at, sla.due, cal);
  if (dueAt === null) return null;
  const timers: { kind: TimerKind; at: string }[] = [{ kind: 'escalate', at: dueAt }];
  if (sla.remindBefore) {
    const lead = subtractDurations(sla.due, sla.remindBefore, cal);
    const remindAt = lead === null ? null : tryAddDuration(ctx.at, lead, cal);
    if (remindAt !== null && isAfter(remindAt, ctx.at)) timers.push({ kind: 'remind', at: remindAt });
  }
  return { dueAt, timers };
}

/** Whether ISO instant `a` is strictly after `b`. @internal */
export function isAfter(a: string, b: string): boolean {
  return Temporal.Instant.compare(Temporal.Instant.from(a), Temporal.Instant.from(b)) > 0;
}

/** Schedules timers for a task. @internal */
export function scheduleTaskTimers(ctx: Ctx, task: TaskState, timers: SlaPlan['timers']): void {
  for (const { kind, at } of timers) {
    const timer = { id: nextId(ctx, 'm'), kind, at, token: task.token, task: task.id };
    ctx.s.timers[timer.id] = timer;
    emit(ctx, { type: 'scheduleTimer', timer });
  }
}

/** Cancels every timer of a task. @internal */
export function cancelTaskTimers(ctx: Ctx, taskId: string): void {
  for (const t of Object.values(ctx.s.timers)) {
    if (t.task !== taskId) continue;
    delete ctx.s.timers[t.id];
    emit(ctx, { type: 'cancelTimer', timer: t.id });
  }
}

/** The fields a new task takes besides its id, status and creation time. @internal */
export type TaskSeed = Pick<TaskState, 'node' | 'token' | 'assignee'> & Partial<Pick<TaskState, 'seat' | 'addedBy' | 'position' | 'replaces'>>;

/**
 * Opens a task: state, `taskOpened`, `notify` (reason `task`), and its SLA (`dueAt` + timers).
 * A task without a seat starts its own. Returns the task. @internal
 */
export function openTask(ctx: Ctx, seed: TaskSeed, sla: SlaPlan): TaskState {
  const id = nextId(ctx, 't');
  const task: TaskState = {
    id, node: seed.node, token: seed.token, assignee: seed.assignee, status: 'open', createdAt: ctx.at,
    ...(sla.dueAt !== undefined ? { dueAt: sla.dueAt } : {}),
    ...(seed.addedBy !== undefined ? { addedBy: seed.addedBy } : {}),
    ...(seed.position !== undefined ? { position: seed.position } : {}),
    ...(seed.replaces !== undefined ? { replaces: seed.replaces } : {}),
    seat: seed.seat ?? id,
  };
  ctx.s.tasks[id] = task;
  emit(ctx, { type: 'taskOpened', task: id });
  emit(ctx, { type: 'notify', reason: 'task', task: id, node: task.node, to: [], users: [task.assignee] });
  scheduleTaskTimers(ctx, task, sla.timers);
  return task;
}

/** Reopens a waiting task (its before-signer approved) with a fresh SLA. @internal */
export function reopenTask(ctx: Ctx, taskId: string, sla: SlaPlan): TaskState {
  const t = patchTask(ctx, taskId, { status: 'open', ...(sla.dueAt !== undefined ? { dueAt: sla.dueAt } : {}) });
  emit(ctx, { type: 'taskOpened', task: taskId });
  emit(ctx, { type: 'notify', reason: 'task', task: taskId, node: t.node, to: [], users: [t.assignee] });
  scheduleTaskTimers(ctx, t, sla.timers);
  return t;
}

/** Closes a task with a new status and fields: state, `taskClosed`, its timers cancelled. @internal */
export function closeTask(ctx: Ctx, taskId: string, patch: Partial<TaskState>): TaskState {
  const t = patchTask(ctx, taskId, patch);
  emit(ctx, { type: 'taskClosed', task: taskId });
  cancelTaskTimers(ctx, taskId);
  return t;
}

/** The tasks of a token's current visit (its seats), in id order. @internal */
export function visitTasks(ctx: Ctx, tokenId: string): TaskState[] {
  const seats = new Set(ctx.s.tokens[tokenId]?.seats ?? []);
  return Object.values(ctx.s.tasks).filter((t) => t.token === tokenId && t.seat !== undefined && seats.has(t.seat));
}
