import { FLOW_LIFETIME_STEP_LIMIT, FLOW_STEP_LIMIT } from '../constants.js';
import type { EventOf, FlowDefinition, FlowEvent, FlowEventType, InstanceState, StepResult } from '../types.js';
import { draftOf, freeze, newDraft, refuse, type Ctx, type Outcome } from './context.js';
import { enterNode } from './enter.js';
import { fail } from './finish.js';
import { onActionDone, onAssigneesResolved, onEvaluated, onSubflowFinished } from './on-answers.js';
import { onCancelled, onStart, onWithdrawn } from './on-lifecycle.js';
import { onCommented, onSignerAdded, onTaskCompleted, onTaskReturned, onTaskTransferred } from './on-tasks.js';
import { onTimerFired } from './on-timers.js';

/** Options of `step`. */
export interface StepOptions {
  /** Node entries allowed in this call (default `FLOW_STEP_LIMIT`). */
  readonly maxSteps?: number;
}

type Handler<K extends FlowEventType> = (ctx: Ctx, ev: EventOf<K>) => Outcome;

/** One handler per event type (a mapped type: a new event type does not compile without one). */
const HANDLERS: { readonly [K in FlowEventType]: Handler<K> } = {
  start: onStart,
  evaluated: onEvaluated,
  assigneesResolved: onAssigneesResolved,
  actionDone: onActionDone,
  taskCompleted: onTaskCompleted,
  taskTransferred: onTaskTransferred,
  signerAdded: onSignerAdded,
  taskReturned: onTaskReturned,
  commented: onCommented,
  withdrawn: onWithdrawn,
  cancelled: onCancelled,
  timerFired: onTimerFired,
  subflowFinished: onSubflowFinished,
};

/**
 * The flow interpreter: applies one event to an instance and returns the new state and the
 * commands for the runtime to execute (in order, in the same transaction that stores the state).
 * Pure and deterministic: time comes only from `event.at`, ids from `state.seq`. A refused event
 * returns the input state, no commands and `error`; it never throws for a bad event (only for a
 * missing state, a programmer error). `start` ignores `state`.
 *
 * @example
 * let { state, commands } = step(def, null, { type: 'start', at, by: 7, record: 42, trigger: 'form.submitted' });
 * // run commands; answer `evaluate` with `evaluated`, `resolveAssignees` with `assigneesResolved`, …
 */
export function step(def: FlowDefinition, state: InstanceState | null, event: FlowEvent, opts: StepOptions = {}): StepResult {
  const isStart = event.type === 'start';
  if (!isStart && !state) throw new TypeError(`engine-flow: step(${event.type}) needs the instance state`);
  const handler = HANDLERS[event?.type as FlowEventType] as Handler<FlowEventType> | undefined;
  const input = state as InstanceState;
  if (!handler) return refused(input, refuse('FLOW_EVENT_INVALID', `Unknown event type ${String(event?.type)}`));
  if (typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at))) return refused(input, refuse('FLOW_EVENT_INVALID', 'The event has no valid `at` time'));
  if (!isStart && event.type !== 'timerFired' && input.status !== 'running') {
    return refused(input, refuse('FLOW_NOT_RUNNING', `The instance is ${input.status}`));
  }
  const s = event.type === 'start' ? newDraft(event.by ?? null, event.record ?? null, event.at) : draftOf(input);
  const ctx: Ctx = { def, at: event.at, s, commands: [], queue: [], entries: 0, limit: opts.maxSteps ?? FLOW_STEP_LIMIT };
  const outcome = handler(ctx, event);
  if (outcome === 'ignore') return { state: input, commands: [] };
  if (outcome) return refused(input, outcome);
  drain(ctx);
  return { state: freeze(ctx.s), commands: ctx.commands };
}

function refused(state: InstanceState | null, error: NonNullable<StepResult['error']>): StepResult {
  // Only a malformed `start` has no state to return: the runtime built it wrong (a bug).
  if (!state) throw new TypeError(`engine-flow: ${error.message}`);
  return { state, commands: [], error };
}

/** Processes queued node entries until none are left, counting them against both caps. */
function drain(ctx: Ctx): void {
  while (ctx.queue.length > 0 && ctx.s.status === 'running') {
    const entry = ctx.queue.shift()!;
    ctx.entries += 1;
    ctx.s.steps += 1;
    if (ctx.entries > ctx.limit || ctx.s.steps > FLOW_LIFETIME_STEP_LIMIT) {
      const which = ctx.entries > ctx.limit ? `${ctx.limit} node entries in one step` : `${FLOW_LIFETIME_STEP_LIMIT} node entries in all`;
      fail(ctx, 'FLOW_STEP_LIMIT', `More than ${which} (a loop without a wait?)`, entry.node);
      return;
    }
    enterNode(ctx, entry);
  }
}
