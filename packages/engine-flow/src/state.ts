import type { InstanceState, TaskState } from './types.js';

/**
 * A new running instance with no token yet: what `start` builds before its token enters the
 * start node. Useful to show a state before the first `step` (the runtime passes `null`).
 */
export function initialState(initiator: number | null, record: number | null, at: string): InstanceState {
  return { status: 'running', initiator, record, startedAt: at, tokens: {}, tasks: {}, timers: {}, joins: {}, history: [], seq: 0, steps: 0, acted: false };
}

/** The open tasks of an instance (optionally of one user), in creation order. */
export function openTasks(state: Pick<InstanceState, 'tasks'>, user?: number): TaskState[] {
  return Object.values(state.tasks).filter((t) => t.status === 'open' && (user === undefined || t.assignee === user));
}
