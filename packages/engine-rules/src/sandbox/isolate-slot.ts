import ivm from 'isolated-vm';
import { PROGRAM_FILENAME, type EntryCall, type Program } from '../abi.js';
import type { RuleError } from '../types.js';
import { boundaryFailure } from './host-errors.js';
import { Lru } from './lru.js';
import { HOST_GLOBAL, PRELUDE_FILENAME, PRELUDE_SOURCE } from './prelude/index.js';

/** What one entry-point evaluation produced; `lost` marks an isolate that must be replaced. @internal */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: RuleError; lost?: boolean };

/** The clock and zone of an evaluation, as the prelude receives them. @internal */
export interface EvalEnv {
  nowMs: number;
  timeZone: string;
}

/** Synchronous answer to an in-isolate `db.*` call: `[value]`, or `null` for a miss. @internal */
export type LookupAnswer = (method: unknown, args: unknown) => [unknown] | null;

type Fn = (...args: unknown[]) => unknown;
const COPY = { arguments: { copy: true }, result: { copy: true } } as const;
/** Time a program's top level may take when it is loaded (it only builds the entry object). */
const LOAD_TIMEOUT_MS = 1000;

/**
 * One isolate of the pool: its context with the prelude installed, References to the prelude's
 * host API, and the LRU of programs loaded into it (by `program.hash`). Every call into it is
 * synchronous (`applySync`); boundary failures come back as `{ ok: false }` outcomes.
 * @internal
 */
export class IsolateSlot {
  readonly isolate: ivm.Isolate;
  /** The lookup answerer of the evaluation in progress (set around each `invoke`). */
  lookup: LookupAnswer | null = null;
  private readonly context: ivm.Context;
  private readonly api: Record<'register' | 'unregister' | 'invoke' | 'invokeBatch' | 'takeProgress', ivm.Reference<Fn>>;
  private readonly programs: Lru<string, RuleError | null>;

  constructor(memoryMb: number, cacheSize: number) {
    this.isolate = new ivm.Isolate({ memoryLimit: memoryMb });
    this.context = this.isolate.createContextSync();
    this.programs = new Lru(cacheSize);
    const answer = (method: unknown, args: unknown): [unknown] | null => (this.lookup ? this.lookup(method, args) : null);
    this.context.global.setSync(HOST_GLOBAL, new ivm.Callback(answer));
    const api = this.isolate.compileScriptSync(PRELUDE_SOURCE, { filename: PRELUDE_FILENAME }).runSync(this.context, { reference: true });
    const fn = (name: string): ivm.Reference<Fn> => api.getSync(name, { reference: true }) as ivm.Reference<Fn>;
    this.api = { register: fn('register'), unregister: fn('unregister'), invoke: fn('invoke'), invokeBatch: fn('invokeBatch'), takeProgress: fn('takeProgress') };
    api.release();
  }

  /** False once the isolate was disposed (memory limit or `dispose`). */
  get alive(): boolean {
    return !this.isolate.isDisposed;
  }

  /** Programs loaded (or remembered as failing to load). */
  get programCount(): number {
    return this.programs.size;
  }

  /**
   * Loads `program` unless it is cached: compiles it as a strict script (the `'use strict'` line
   * is hidden from stack positions by a line offset of −1) and registers its entry object.
   * Returns the load error, if any (also cached, so a broken program is not recompiled).
   */
  prepare(program: Program): { error: RuleError; lost?: boolean } | null {
    const cached = this.programs.get(program.hash);
    if (cached !== undefined) return cached ? { error: cached } : null;
    let error: RuleError | null = null;
    try {
      const script = this.isolate.compileScriptSync(`'use strict';\n${program.source}`, { filename: PROGRAM_FILENAME, lineOffset: -1 });
      const entries = script.runSync(this.context, { reference: true, timeout: LOAD_TIMEOUT_MS });
      script.release();
      this.api.register.applySync(undefined, [program.hash, entries.derefInto({ release: true })], { timeout: LOAD_TIMEOUT_MS });
    } catch (e) {
      const failure = boundaryFailure(e, this.isolate.isDisposed, LOAD_TIMEOUT_MS, 'compile');
      if (failure.isolateLost) return { error: failure.error, lost: true };
      error = failure.error;
    }
    for (const [hash] of this.programs.set(program.hash, error)) this.api.unregister.applySync(undefined, [hash]);
    return error ? { error } : null;
  }

  /** One evaluation of `call` against `facts` (copied in), within `timeoutMs`. */
  invoke(hash: string, call: EntryCall, facts: unknown, env: EvalEnv, timeoutMs: number): Outcome {
    try {
      const args = [hash, call.kind, call.key, facts, env.nowMs, env.timeZone];
      return this.api.invoke.applySync(undefined, args, { ...COPY, timeout: Math.max(1, Math.ceil(timeoutMs)) }) as Outcome;
    } catch (e) {
      return this.failure(e, timeoutMs);
    }
  }

  /** Evaluations of `call` for each element of `factsList`, in one crossing; outcomes or one failure. */
  invokeBatch(hash: string, call: EntryCall, factsList: unknown[], env: EvalEnv, itemTimeoutMs: number): { ok: true; outcomes: Outcome[] } | (Outcome & { ok: false }) {
    const timeout = Math.max(1, Math.ceil(itemTimeoutMs * Math.max(1, factsList.length)));
    try {
      const args = [hash, call.kind, call.key, factsList, env.nowMs, env.timeZone, itemTimeoutMs];
      return { ok: true, outcomes: this.api.invokeBatch.applySync(undefined, args, { ...COPY, timeout }) as Outcome[] };
    } catch (e) {
      return this.failure(e, itemTimeoutMs);
    }
  }

  /** Outcomes a cut-short batch finished before it stopped (empty when the isolate is gone). */
  takeProgress(): Outcome[] {
    return this.alive ? (this.api.takeProgress.applySync(undefined, [], { ...COPY, timeout: LOAD_TIMEOUT_MS }) as Outcome[]) : [];
  }

  dispose(): void {
    if (this.alive) this.isolate.dispose();
  }

  private failure(e: unknown, timeoutMs: number): Outcome & { ok: false } {
    const f = boundaryFailure(e, this.isolate.isDisposed, timeoutMs);
    return { ok: false, error: f.error, lost: f.isolateLost };
  }
}
