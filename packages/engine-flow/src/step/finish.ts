import type { FlowErrorCode, InstanceResult } from '../types.js';
import { emit, log, patchTask, patchToken, type Ctx } from './context.js';

/**
 * Finishes the instance with a result: every token done, open and waiting tasks cancelled,
 * timers cancelled, history `finished`, a `notify` (reason `finished`) to the initiator unless
 * they withdrew themselves, and the `finished` command. Idempotent on a finished draft. @internal
 */
export function finishInstance(ctx: Ctx, result: InstanceResult): void {
  const s = ctx.s;
  if (s.status !== 'running') return;
  ctx.queue.length = 0;
  for (const t of Object.values(s.tokens)) if (t.status !== 'done') patchToken(ctx, t.id, { status: 'done', wait: undefined });
  for (const t of Object.values(s.tasks)) {
    if (t.status !== 'open' && t.status !== 'waiting') continue;
    patchTask(ctx, t.id, { status: 'cancelled' });
    emit(ctx, { type: 'taskClosed', task: t.id });
    log(ctx, { type: 'task.cancelled', node: t.node, task: t.id });
  }
  for (const id of Object.keys(s.timers)) emit(ctx, { type: 'cancelTimer', timer: id });
  s.timers = {};
  s.joins = {};
  s.status = result;
  s.finishedAt = ctx.at;
  log(ctx, { type: 'finished', outcome: result });
  if (result !== 'withdrawn') emit(ctx, { type: 'notify', reason: 'finished', to: [{ kind: 'initiator' }] });
  emit(ctx, { type: 'finished', result });
}

/** Fails the instance (status `failed`, `error` set, history `failed`, then as `finishInstance`). @internal */
export function fail(ctx: Ctx, code: FlowErrorCode, message: string, nodeId?: string): void {
  if (ctx.s.status !== 'running') return;
  ctx.s.error = { code, message, ...(nodeId !== undefined ? { nodeId } : {}) };
  log(ctx, { type: 'failed', node: nodeId, detail: { code, message } });
  finishInstance(ctx, 'failed');
}
