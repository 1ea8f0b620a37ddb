import type {
  FlowCommand, FlowDefinition, FlowError, FlowErrorCode, HistoryEntry, InstanceState, TaskState, TimerState, TokenState,
} from '../types.js';

/** A mutable working copy of `InstanceState` (one per `step` call; the input is never changed). @internal */
export interface Draft {
  status: InstanceState['status'];
  initiator: number | null;
  record: number | null;
  startedAt: string;
  finishedAt?: string;
  tokens: Record<string, TokenState>;
  tasks: Record<string, TaskState>;
  timers: Record<string, TimerState>;
  joins: Record<string, string[]>;
  history: HistoryEntry[];
  seq: number;
  steps: number;
  acted: boolean;
  error?: InstanceState['error'];
}

/** A node entry waiting to be processed: token `token` arrives at `node` (over edge `edge`). @internal */
export interface Entry {
  readonly token: string;
  readonly node: string;
  readonly edge?: string;
}

/** Everything one `step` call works with. @internal */
export interface Ctx {
  readonly def: FlowDefinition;
  /** The event's time: the only clock the interpreter reads. */
  readonly at: string;
  readonly s: Draft;
  readonly commands: FlowCommand[];
  readonly queue: Entry[];
  /** Node entries in this call. */
  entries: number;
  /** Node entries allowed in this call. */
  readonly limit: number;
}

/** What an event handler returns: nothing (applied), a refusal, or `ignore` (no change, no error). @internal */
export type Outcome = void | FlowError | 'ignore';

/** Copies a state into a draft. @internal */
export function draftOf(state: InstanceState): Draft {
  return {
    ...state,
    tokens: { ...state.tokens },
    tasks: { ...state.tasks },
    timers: { ...state.timers },
    joins: Object.fromEntries(Object.entries(state.joins).map(([k, v]) => [k, [...v]])),
    history: [...state.history],
  };
}

/** A draft of a new running instance. @internal */
export function newDraft(initiator: number | null, record: number | null, at: string): Draft {
  return { status: 'running', initiator, record, startedAt: at, tokens: {}, tasks: {}, timers: {}, joins: {}, history: [], seq: 0, steps: 0, acted: false };
}

/** The draft as a plain state (undefined optional fields left out, so states compare and serialise cleanly). @internal */
export function freeze(d: Draft): InstanceState {
  const { finishedAt, error, ...rest } = d;
  return { ...rest, ...(finishedAt !== undefined ? { finishedAt } : {}), ...(error !== undefined ? { error } : {}) };
}

/** The next id with a prefix: tokens `k`, tasks `t`, timers `m`. @internal */
export function nextId(ctx: Ctx, prefix: 'k' | 't' | 'm'): string {
  ctx.s.seq += 1;
  return `${prefix}${ctx.s.seq}`;
}

/** Appends a command. @internal */
export function emit(ctx: Ctx, cmd: FlowCommand): void {
  ctx.commands.push(cmd);
}

/** Appends a history line at the event's time (undefined fields left out). @internal */
export function log(ctx: Ctx, entry: Omit<HistoryEntry, 'at'>): void {
  const clean = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as Omit<HistoryEntry, 'at'>;
  ctx.s.history.push({ at: ctx.at, ...clean });
}

/** Replaces fields of a token. @internal */
export function patchToken(ctx: Ctx, id: string, patch: Partial<TokenState>): TokenState {
  const t = { ...ctx.s.tokens[id]!, ...patch };
  if (patch.wait === undefined && 'wait' in patch) delete (t as { wait?: unknown }).wait;
  ctx.s.tokens[id] = t;
  return t;
}

/** Replaces fields of a task. @internal */
export function patchTask(ctx: Ctx, id: string, patch: Partial<TaskState>): TaskState {
  const t = { ...ctx.s.tasks[id]!, ...patch };
  ctx.s.tasks[id] = t;
  return t;
}

/** A refusal (`step` returns the input state with it). @internal */
export function refuse(code: FlowErrorCode, message: string, where: { nodeId?: string; task?: string } = {}): FlowError {
  return { code, message, ...where };
}
