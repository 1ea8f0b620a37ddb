import type { StartTrigger } from '@kiln/engine-flow';
import { KilnError } from '../errors.js';
import type { FormRuntime } from '../records/form-runtime.js';
import { appRules } from '../rules/app-rules.js';
import type { WriteScope } from '../rules/scope.js';
import { evaluateFlowExprs, flowFacts } from './evaluate.js';
import { flowExpressions } from './expressions.js';
import { startInstance } from './executor.js';

/** Whether any flow starts on these events of a form (lets the public batch writer stay in play otherwise). */
export async function hasFlowStarts(ws: Pick<WriteScope, 'ctx' | 'trx'>, rt: FormRuntime, triggers: StartTrigger[]): Promise<boolean> {
  const rules = await appRules(ws.ctx.db, rt.app, rt.version, ws.trx);
  return triggers.some((t) => (rules.flowStarts.get(`${rt.form.key}|${t}`)?.length ?? 0) > 0);
}

/**
 * Starts the flows whose start node listens to a new record's events, in the write's
 * transaction, when their start condition (`when`) holds. One instance per flow, record and
 * trigger (a replayed write does not start a second).
 */
export async function startFlowsFor(ws: WriteScope, rt: FormRuntime, record: Record<string, unknown> & { id: number }, triggers: StartTrigger[]): Promise<void> {
  // New instances start under the version published now (the form runtime may be a cached,
  // slightly older one); they keep it for life.
  const current = await ws.trx.selectFrom('apps').select('current_version').where('id', '=', rt.app.id).executeTakeFirst();
  const version = current?.current_version ?? rt.version;
  const rules = await appRules(ws.ctx.db, rt.app, version, ws.trx);
  for (const trigger of triggers) {
    for (const def of rules.flowStarts.get(`${rt.form.key}|${trigger}`) ?? []) {
      const start = def.nodes.find((n) => n.type === 'start')!;
      const whenId = `${start.id}.when`;
      if (flowExpressions(def)[whenId]) {
        const facts = flowFacts(rt.app, def.key, start.id, ws.ctx.clock.now().toISOString(), record, { id: null, initiator: ws.userId, startedAt: null }, ws.userId);
        const r = await evaluateFlowExprs(ws.ctx, ws.trx, rt.app, rules.program, def.key, [whenId], facts);
        if (r.error) throw new KilnError('FLOW_EXPRESSION_FAILED', `Flow "${def.key}" start condition failed: ${r.error.message}`, { flow: def.key, nodeId: start.id, ...r.error });
        if (!r.results[whenId]) continue;
      }
      await startInstance(ws, rt.app, version, def.key, record.id, trigger, { startKey: `${def.key}:${record.id}:${trigger}` });
    }
  }
}
