import type { EntryCall, Program, RunOptions, RunResult } from '../abi.js';
import type { RuleError } from '../types.js';
import { ruleError } from './host-errors.js';
import type { Outcome } from './isolate-slot.js';
import { LookupMemo } from './lookup-memo.js';
import { runSettings } from './options.js';
import type { IsolatePool } from './pool.js';

/** Microseconds since `startedMs` (a `performance.now()` reading). @internal */
export const sinceUs = (startedMs: number): number => Math.round((performance.now() - startedMs) * 1000);

/**
 * One evaluation with lookups by restart. Each attempt is a single synchronous crossing; when
 * the attempt recorded lookup misses (on the host, see `LookupMemo`) its outcome is discarded —
 * programs are pure and return effects as data, so running again is safe — the misses are
 * fetched from the port, and the evaluation runs again with a fuller memo. The time limit is a
 * budget shared by the attempts, so restarts cannot multiply the time an evaluation may block.
 * @internal
 */
export async function runOne<T>(pool: IsolatePool, counters: { evaluations: number }, program: Program, call: EntryCall, facts: unknown, opts: RunOptions): Promise<RunResult<T>> {
  const started = performance.now();
  const run = runSettings(opts, pool.settings);
  const memo = new LookupMemo(opts.lookup, pool.settings.maxLookups, opts.memo);
  const done = (outcome: Outcome | { ok: false; error: RuleError }): RunResult<T> => {
    counters.evaluations++;
    return outcome.ok
      ? { ok: true, value: outcome.value as T, durationUs: sinceUs(started), lookups: memo.calls }
      : { ok: false, error: outcome.error, durationUs: sinceUs(started), lookups: memo.calls };
  };
  if ('code' in run) return done({ ok: false, error: run });
  const index = pool.nextIndex();
  let budgetMs = run.timeoutMs;
  for (;;) {
    const slot = pool.slot(index);
    const loadFailure = slot.prepare(program);
    if (loadFailure) return done({ ok: false, error: loadFailure.error });
    const attemptStarted = performance.now();
    slot.lookup = memo.answer;
    let outcome: Outcome;
    try {
      outcome = slot.invoke(program.hash, call, facts, run, budgetMs);
    } finally {
      slot.lookup = null;
    }
    budgetMs -= performance.now() - attemptStarted;
    if (!memo.hasPending) return done(outcome);
    const lookupError = await memo.fetchPending();
    if (lookupError) return done({ ok: false, error: lookupError });
    if (budgetMs <= 0) return done({ ok: false, error: ruleError('RULE_TIMEOUT', `The evaluation ran longer than ${run.timeoutMs} ms`) });
  }
}
