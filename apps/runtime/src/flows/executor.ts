import { step, type FlowDefinition, type FlowError, type FlowEvent, type InstanceState, type StartTrigger } from '@kiln/engine-flow';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { appRules, type AppRules } from '../rules/app-rules.js';
import type { WriteScope } from '../rules/scope.js';
import { runCommand } from './commands.js';
import { FLOW_ERROR_STATUS } from './errors.js';
import { insertInstance, lockInstance, saveInstance, type InstanceRow } from './store.js';

/** Events handled per dispatch (the original one and every answer to a command) before the runtime gives up. */
const MAX_EVENTS_PER_DISPATCH = 2000;

/** An instance being processed in a transaction: follow-up events for it are queued, not dispatched again. */
export interface ActiveInstance {
  row: InstanceRow;
  def: FlowDefinition;
  rules: AppRules;
  app: AppRow;
  state: InstanceState;
  queue: FlowEvent[];
}

const active = new WeakMap<object, Map<number, ActiveInstance>>();

/** The published definition (and compiled expressions) of a flow in an app version. */
export async function flowAt(ws: WriteScope, app: AppRow, version: number, flow: string): Promise<{ def: FlowDefinition; rules: AppRules }> {
  const rules = await appRules(ws.ctx.db, app, version, ws.trx);
  const def = rules.flows[flow];
  if (!def) throw new KilnError('FLOW_NOT_FOUND', `App "${app.key}" version ${version} has no flow "${flow}".`);
  return { def, rules };
}

/** Turns an interpreter refusal into an API error. */
export function flowError(e: FlowError): KilnError {
  return new KilnError(e.code, e.message, { nodeId: e.nodeId, task: e.task }, FLOW_ERROR_STATUS[e.code] ?? 422);
}

/**
 * Starts an instance of a flow on a record in the scope's transaction, under the given app
 * version (which it keeps for life). With `startKey`, a second start for the same key is a no-op
 * (returns null).
 */
export async function startInstance(ws: WriteScope, app: AppRow, version: number, flow: string, record: number | null, trigger: StartTrigger, opts: { startKey?: string; parent?: { id: number; token: string; depth: number } } = {}): Promise<number | null> {
  const { def } = await flowAt(ws, app, version, flow);
  const now = ws.ctx.clock.now().toISOString();
  const id = await insertInstance(ws.trx, {
    appId: app.id, flow, version, form: def.form, record, initiator: ws.userId, now, startKey: opts.startKey ?? null,
    parentId: opts.parent?.id ?? null, parentToken: opts.parent?.token ?? null, depth: opts.parent ? opts.parent.depth + 1 : 0,
  });
  if (id === null) return null;
  const res = await dispatch(ws, app, id, { type: 'start', at: now, by: ws.userId, record, trigger });
  if (res.error) throw flowError(res.error);
  return id;
}

/**
 * Feeds one event to an instance: locks its row, steps the interpreter, executes the commands
 * (answers to evaluate / resolve / action commands are fed back in the same transaction), then
 * saves the state and the task rows. A refused first event changes nothing and is returned.
 */
export async function dispatch(ws: WriteScope, app: AppRow, instanceId: number, event: FlowEvent): Promise<{ row: InstanceRow; state: InstanceState; error?: FlowError }> {
  let running = active.get(ws.trx);
  if (!running) active.set(ws.trx, (running = new Map()));
  const already = running.get(instanceId);
  if (already) {
    // Re-entrant (a sub-flow finishing inside its parent's step): queue it for the running loop.
    already.queue.push(event);
    return { row: already.row, state: already.state };
  }
  const row = await lockInstance(ws.trx, instanceId);
  const { def, rules } = await flowAt(ws, app, row.version, row.flow);
  const before = event.type === 'start' ? null : row.state;
  const inst: ActiveInstance = { row, def, rules, app, state: row.state, queue: [event] };
  running.set(instanceId, inst);
  try {
    let handled = 0;
    let first = true;
    while (inst.queue.length) {
      if (++handled > MAX_EVENTS_PER_DISPATCH) throw new KilnError('FLOW_STEP_LIMIT', `Flow "${row.flow}" instance ${row.id} handled ${MAX_EVENTS_PER_DISPATCH} events in one step; nothing was saved.`);
      const ev = inst.queue.shift()!;
      const res = step(def, ev.type === 'start' ? null : inst.state, ev);
      if (res.error) {
        if (first) return { row, state: inst.state, error: res.error };
        throw flowError(res.error);
      }
      first = false;
      inst.state = res.state;
      for (const cmd of res.commands) {
        const answer = await runCommand(ws, inst, cmd);
        if (answer) inst.queue.push(answer);
      }
    }
    await saveInstance(ws.trx, row, before, inst.state, ws.ctx.clock.now().toISOString());
    return { row: { ...row, status: inst.state.status, state: inst.state }, state: inst.state };
  } finally {
    running.delete(instanceId);
  }
}
