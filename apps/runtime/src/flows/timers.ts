import type { KilnContext } from '../context.js';
import type { JobHandler } from '../jobs/queue.js';
import { appById } from '../metadata/apps.js';
import { writeTraces } from '../rules/traces.js';
import { scopeIn } from '../rules/scope.js';
import { dispatch } from './executor.js';

/**
 * Runs a due flow timer: feeds `timerFired` to its instance in the job's transaction. The job
 * queue hands each job to one process (`skip locked`), and the interpreter ignores a timer it no
 * longer holds, so a timer acts exactly once even with several runtime processes.
 */
export function flowTimerHandler(ctx: KilnContext): JobHandler {
  return async (job, trx) => {
    const instance = Number(job.payload.instance);
    const inst = await trx.selectFrom('flow_instances').select(['app_id', 'status']).where('id', '=', instance).executeTakeFirst();
    if (!inst || inst.status !== 'running') return;
    const app = await appById(trx, Number(inst.app_id));
    if (!app) return;
    const ws = scopeIn(ctx, trx);
    const res = await dispatch(ws, app, instance, { type: 'timerFired', at: ctx.clock.now().toISOString(), timer: String(job.payload.timer) });
    if (res.error) console.error(`flow timer ${job.key} refused: ${res.error.code} ${res.error.message}`);
    if (ws.traces.length) await writeTraces(trx as never, ws.traces);
  };
}
