import type { EntryCall, Program, RunOptions, RunResult } from '../abi.js';

/** Options of `createSandbox`; unknown keys are refused. */
export interface SandboxOptions {
  /** Isolates in the pool, used round robin (default 2). */
  poolSize?: number;
  /** Heap limit of each isolate in MB (default 64, at least 8); exceeding it is RULE_MEMORY_LIMIT. */
  memoryMb?: number;
  /** Default per-evaluation time limit in ms (default 50); `RunOptions.timeoutMs` overrides it. */
  timeoutMs?: number;
  /** Lookups (`db.*` answered by the port) one evaluation may make (default 200). */
  maxLookups?: number;
  /** Compiled programs kept per isolate, least recently used evicted (default 200). */
  programCacheSize?: number;
}

/** Counters of a sandbox, for metrics and tests. */
export interface SandboxStats {
  /** Isolates currently alive in the pool. */
  isolates: number;
  /** Compiled programs cached, summed over the isolates. */
  programs: number;
  /** Entry-point evaluations finished (a batch counts each item). */
  evaluations: number;
  /** Isolates replaced after they were disposed (memory limit). */
  recycled: number;
}

/**
 * Runs compiled rule programs (see `abi.ts`) in a pool of isolated-vm isolates.
 *
 * @example
 * const sandbox = createSandbox();
 * const r = await sandbox.run(program, { kind: 'exprs', key: 'total' }, { record }, { now: new Date().toISOString() });
 * if (!r.ok) console.log(r.error.code, r.error.path);
 */
export interface Sandbox {
  /**
   * Evaluates one entry point against `facts` (copied in; the caller's object is never touched).
   * Lookups (`db.*`) are answered through `opts.lookup` by restarting the evaluation after each
   * round of misses. Never rejects: failures resolve as `{ ok: false, error }`.
   */
  run<T = unknown>(program: Program, call: EntryCall, facts: unknown, opts: RunOptions): Promise<RunResult<T>>;
  /**
   * Evaluates the entry point once per element of `factsList` in one isolate crossing (for
   * throughput; synchronous, so it blocks the event loop for up to `timeoutMs` per item).
   * Lookups are refused (RULE_LOOKUP_FAILED for the items that try one). `durationUs` is the
   * batch's time divided by the number of items.
   */
  runBatch<T = unknown>(program: Program, call: EntryCall, factsList: readonly unknown[], opts: RunOptions): RunResult<T>[];
  stats(): SandboxStats;
  /** Disposes every isolate; later calls resolve with RULE_RUNTIME. */
  dispose(): void;
}
