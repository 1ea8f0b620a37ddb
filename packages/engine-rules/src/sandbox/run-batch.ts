import type { EntryCall, Program, RunOptions, RunResult } from '../abi.js';
import type { IsolateSlot, Outcome } from './isolate-slot.js';
import { runSettings } from './options.js';
import type { IsolatePool } from './pool.js';
import { ruleError } from './host-errors.js';
import { sinceUs } from './run-one.js';

/**
 * After a timed-out crossing: keeps the outcomes finished before the item that was running.
 * False when every item had finished (the time ran out in microtasks after the loop, so the
 * culprit is unknown and the items must run one by one).
 */
function takeFinished(slot: IsolateSlot, count: number, out: Outcome[]): boolean {
  const finished = slot.takeProgress();
  if (finished.length >= count) return false;
  out.push(...finished);
  return true;
}

/**
 * Outcomes for `factsList`, evaluated in as few crossings as possible: normally one. When a
 * crossing times out, the outcomes finished before it are kept, the item that was running gets
 * RULE_TIMEOUT, and the rest continue in a new crossing. When the isolate is lost (memory limit)
 * or the facts cannot be copied, the remaining items run one per crossing so that only the
 * offending items fail.
 */
function outcomes(pool: IsolatePool, program: Program, call: EntryCall, factsList: readonly unknown[], run: Exclude<ReturnType<typeof runSettings>, { code: string }>): Outcome[] {
  const out: Outcome[] = [];
  let oneByOne = false;
  while (out.length < factsList.length) {
    const slot = pool.slot(pool.nextIndex());
    const loadFailure = slot.prepare(program);
    if (loadFailure) return [...out, ...factsList.slice(out.length).map((): Outcome => ({ ok: false, error: loadFailure.error }))];
    const rest = factsList.slice(out.length, oneByOne ? out.length + 1 : undefined);
    const result = slot.invokeBatch(program.hash, call, rest, run, run.timeoutMs);
    if (result.ok) {
      out.push(...result.outcomes);
    } else if (result.error.code === 'RULE_TIMEOUT' && !oneByOne && takeFinished(slot, rest.length, out)) {
      out.push({ ok: false, error: result.error });
    } else if (oneByOne || rest.length === 1) {
      out.push(result);
    } else {
      slot.takeProgress();
      oneByOne = true;
    }
  }
  return out;
}

/**
 * `Sandbox.runBatch`: one entry point over many fact sets, synchronously, without lookups.
 * `durationUs` of each result is the batch's wall time divided by the number of items.
 * @internal
 */
export function runBatch<T>(pool: IsolatePool, program: Program, call: EntryCall, factsList: readonly unknown[], opts: RunOptions): RunResult<T>[] {
  const started = performance.now();
  const run = runSettings(opts, pool.settings);
  const list: Outcome[] = 'code' in run
    ? factsList.map(() => ({ ok: false, error: run }))
    : outcomes(pool, program, call, factsList, run);
  const durationUs = factsList.length ? Math.round(sinceUs(started) / factsList.length) : 0;
  return list.map((o) => (o.ok ? { ok: true, value: o.value as T, durationUs, lookups: 0 } : { ok: false, error: o.error ?? ruleError('RULE_RUNTIME', 'Unknown error'), durationUs, lookups: 0 }));
}
