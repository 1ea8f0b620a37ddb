import type { EntryCall, Program, RunOptions, RunResult } from '../abi.js';
import { ruleError } from './host-errors.js';
import { sandboxSettings } from './options.js';
import { IsolatePool } from './pool.js';
import { runBatch } from './run-batch.js';
import { runOne } from './run-one.js';
import type { Sandbox, SandboxOptions, SandboxStats } from './types.js';

const DISPOSED = ruleError('RULE_RUNTIME', 'The sandbox was disposed');

/**
 * Creates a sandbox: a pool of isolated-vm isolates (round robin, one context each, the
 * prelude installed and frozen) that runs compiled rule programs. Programs are compiled once
 * per isolate and cached by `program.hash`; each evaluation is one synchronous crossing.
 * Throws a TypeError for invalid options (unknown key, non-integer, below minimum).
 *
 * @example
 * const sandbox = createSandbox({ timeoutMs: 50 });
 * const program = { hash: 'h1', source: '({ exprs: { fee: function (f) { return money.pct(f.record.total, 5) } } })' };
 * await sandbox.run(program, { kind: 'exprs', key: 'fee' }, { record: { total: 1999 } }, { now: '2024-05-01T00:00:00Z' });
 * // → { ok: true, value: 99, durationUs: …, lookups: 0 }
 */
export function createSandbox(opts?: SandboxOptions): Sandbox {
  const pool = new IsolatePool(sandboxSettings(opts));
  const counters = { evaluations: 0 };
  let disposed = false;
  return {
    run<T = unknown>(program: Program, call: EntryCall, facts: unknown, runOpts: RunOptions): Promise<RunResult<T>> {
      if (disposed) return Promise.resolve({ ok: false, error: DISPOSED, durationUs: 0, lookups: 0 });
      return runOne<T>(pool, counters, program, call, facts, runOpts);
    },
    runBatch<T = unknown>(program: Program, call: EntryCall, factsList: readonly unknown[], runOpts: RunOptions): RunResult<T>[] {
      if (disposed) return factsList.map(() => ({ ok: false, error: DISPOSED, durationUs: 0, lookups: 0 }));
      const results = runBatch<T>(pool, program, call, factsList, runOpts);
      counters.evaluations += results.length;
      return results;
    },
    stats(): SandboxStats {
      const { evaluations } = counters;
      return disposed
        ? { isolates: 0, programs: 0, evaluations, recycled: pool.recycled }
        : { isolates: pool.alive, programs: pool.programs, evaluations, recycled: pool.recycled };
    },
    dispose(): void {
      disposed = true;
      pool.dispose();
    },
  };
}
