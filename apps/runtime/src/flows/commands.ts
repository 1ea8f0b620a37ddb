import { FLOW_SUBFLOW_DEPTH_LIMIT, nodeById, type AssigneeSpec, type CommandOf, type FlowCommand, type FlowEvent, type LocalizedText } from '@kiln/engine-flow';
import { sql } from 'kysely';
import { enqueue } from '../jobs/queue.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { createInScope, getRecord, updateInScope, type ApiRecord } from '../records/service.js';
import { fireFlowNode } from '../rules/fire.js';
import { deeper, inSavepoint, type WriteScope } from '../rules/scope.js';
import { admins, resolveAssignees, roundRobin } from './assignees.js';
import { evaluateFlowExprs, flowFacts } from './evaluate.js';
// executor.ts imports this module too; the cycle only involves functions called at run time.
import { dispatch, startInstance, type ActiveInstance } from './executor.js';
import { FLOW_TIMER_QUEUE, timerJobKey } from './timer-keys.js';
import { wakeAfterCommit } from '../connectors/wake.js';

const text = (t: LocalizedText | undefined, locale: 'zh-CN' | 'en'): string => (t === undefined ? '' : typeof t === 'string' ? t : t[locale] || t['zh-CN'] || t.en);

/** The instance's record as the API shows it (null when the flow has none or it was deleted). */
export async function instanceRecord(ws: WriteScope, inst: ActiveInstance): Promise<Record<string, unknown> | null> {
  if (inst.row.record === null) return null;
  const rt = await formRuntimeOf(ws.ctx.db, inst.app, inst.row.form, ws.trx);
  try {
    return await getRecord(ws.trx, rt, inst.row.record);
  } catch {
    return null;
  }
}

/** Evaluates flow expressions (local ids) of `node` on the instance's current record. */
async function evaluate(ws: WriteScope, inst: ActiveInstance, node: string, ids: readonly string[]) {
  const s = inst.state;
  const facts = flowFacts(inst.app, inst.row.flow, node, ws.ctx.clock.now().toISOString(), await instanceRecord(ws, inst), { id: inst.row.id, initiator: s.initiator ?? null, startedAt: s.startedAt ?? null }, ws.userId);
  return evaluateFlowExprs(ws.ctx, ws.trx, inst.app, inst.rules.program, inst.row.flow, ids, facts);
}

/**
 * The users assignee specs stand for; `expression` specs are the expressions `<node>.<list>.<i>`
 * (`assignees` of an approval, `to` of a notify node). The record is read only for `field` specs.
 */
async function usersOf(ws: WriteScope, inst: ActiveInstance, node: string | undefined, list: 'assignees' | 'to', specs: readonly AssigneeSpec[], of?: number): Promise<{ users: number[]; error?: { code: string; message: string } }> {
  if (!specs.length) return { users: [] };
  const exprs = new Map<number, unknown>();
  const ids = node ? specs.flatMap((sp, i) => (sp.kind === 'expression' ? [[i, `${node}.${list}.${i}`] as const] : [])) : [];
  // A failing expression counts as nobody (the other specs still resolve); the error goes back too.
  const evaluated = ids.length ? await evaluate(ws, inst, node!, ids.map((x) => x[1])) : null;
  for (const [i, id] of ids) exprs.set(i, evaluated?.results[id]);
  const record = specs.some((sp) => sp.kind === 'field') ? await instanceRecord(ws, inst) : null;
  const users = await resolveAssignees(ws.trx, specs, { tenantId: inst.app.tenant_id, record, initiator: inst.state.initiator ?? null, expressions: exprs }, of);
  return evaluated?.error ? { users, error: evaluated.error } : { users };
}

const REASON_TITLES: Record<CommandOf<'notify'>['reason'], { 'zh-CN': string; en: string }> = {
  task: { 'zh-CN': '新待办', en: 'New task' },
  remind: { 'zh-CN': '待办即将超时', en: 'Task due soon' },
  escalate: { 'zh-CN': '待办已超时', en: 'Task overdue' },
  returned: { 'zh-CN': '申请被退回', en: 'Submission returned' },
  finished: { 'zh-CN': '流程已结束', en: 'Flow finished' },
  node: { 'zh-CN': '流程通知', en: 'Flow notice' },
};

async function notify(ws: WriteScope, inst: ActiveInstance, cmd: CommandOf<'notify'>): Promise<void> {
  const users = [...new Set([...(cmd.users ?? []), ...(await usersOf(ws, inst, cmd.node, 'to', cmd.to)).users])];
  if (!users.length) return;
  const node = cmd.node ? nodeById(inst.def).get(cmd.node) : undefined;
  const flowName = text(inst.def.name, ws.locale) || inst.row.flow;
  const nodeName = node ? text(node.data.name, ws.locale) || node.id : '';
  const title = cmd.title ? text(cmd.title, ws.locale) : `${REASON_TITLES[cmd.reason][ws.locale]}: ${flowName}${nodeName ? ` · ${nodeName}` : ''}`;
  const record = cmd.body ? await instanceRecord(ws, inst) : null;
  const body = cmd.body ? text(cmd.body, ws.locale).replace(/\{(\w+)\}/g, (_, k: string) => String(record?.[k] ?? '')) : `#${inst.row.id}${inst.row.record !== null ? ` · ${inst.row.form} #${inst.row.record}` : ''}`;
  const dedupe = `flow:${inst.row.id}:${inst.state.seq}:${inst.state.history.length}:${cmd.reason}:${cmd.task ?? cmd.node ?? ''}`;
  await sql`insert into notifications (app_id, user_id, role, title, body, source, dedupe_key, created_at)
    select ${inst.app.id}, x, null, ${title.slice(0, 500)}, ${body.slice(0, 4000)}, ${`flow:${inst.row.flow}`}, ${dedupe}, ${ws.ctx.clock.now().toISOString()}
    from unnest(${users}::bigint[]) as x on conflict do nothing`.execute(ws.trx);
}

async function resolve(ws: WriteScope, inst: ActiveInstance, cmd: CommandOf<'resolveAssignees'>): Promise<FlowEvent> {
  const at = ws.ctx.clock.now().toISOString();
  const found = await usersOf(ws, inst, cmd.node, 'assignees', cmd.specs, cmd.of);
  if (found.error) return { type: 'evaluated', at, token: cmd.token, results: {}, error: found.error };
  let users = found.users;
  const node = nodeById(inst.def).get(cmd.node);
  const onEmpty = node?.type === 'approval' ? node.data.onEmpty ?? 'admin' : 'admin';
  if (!users.length && cmd.purpose === 'enter' && onEmpty === 'admin') users = await admins(ws.trx, inst.app.tenant_id);
  if (cmd.pick === 'roundRobin' && users.length > 1) users = await roundRobin(ws.trx, { appId: inst.app.id, flow: inst.row.flow, node: cmd.node }, users);
  return { type: 'assigneesResolved', at, token: cmd.token, purpose: cmd.purpose, ...(cmd.task ? { task: cmd.task } : {}), users };
}

async function runAction(ws: WriteScope, inst: ActiveInstance, cmd: CommandOf<'runAction'>): Promise<FlowEvent> {
  const at = ws.ctx.clock.now().toISOString();
  const spec = cmd.spec;
  const child = deeper(ws, `flow ${inst.row.flow} → ${cmd.node}`);
  const run = await inSavepoint(ws.trx, 'kiln_flow_action', async () => {
    const values = async (vals: Readonly<Record<string, string>>) => {
      const ids = Object.keys(vals).map((k) => `${cmd.node}.values.${k}`);
      const r = await evaluate(ws, inst, cmd.node, ids);
      if (r.error) throw Object.assign(new Error(r.error.message), { code: 'FLOW_EXPRESSION_FAILED' });
      return Object.fromEntries(Object.keys(vals).map((k) => [k, r.results[`${cmd.node}.values.${k}`]]));
    };
    switch (spec.action) {
      case 'update': {
        if (inst.row.record === null) throw Object.assign(new Error('The instance has no record to update.'), { code: 'FLOW_ACTION_FAILED' });
        const rt = await formRuntimeOf(ws.ctx.db, inst.app, inst.row.form, ws.trx);
        await updateInScope(child, rt, inst.row.record, await values(spec.values));
        break;
      }
      case 'create': {
        const rt = await formRuntimeOf(ws.ctx.db, inst.app, spec.form, ws.trx);
        await createInScope(child, rt, await values(spec.values));
        break;
      }
      case 'rule':
        await fireFlowNode(child, inst.app, inst.row.version, inst.row.flow, cmd.node, (await instanceRecord(ws, inst)) as ApiRecord | null, { id: inst.row.id, initiator: inst.state.initiator, startedAt: inst.state.startedAt });
        break;
      case 'connector': {
        let payload: unknown = { record: inst.row.record, instance: inst.row.id };
        if (spec.payload) {
          const r = await evaluate(ws, inst, cmd.node, [`${cmd.node}.payload`]);
          if (r.error) throw Object.assign(new Error(r.error.message), { code: 'FLOW_EXPRESSION_FAILED' });
          payload = r.results[`${cmd.node}.payload`];
        }
        // Delivered after commit by the delivery worker; its write back goes to the instance's record.
        await ws.trx.insertInto('outbox').values({
          app_id: inst.app.id, kind: 'connector', target: spec.connector, operation: spec.operation, payload: JSON.stringify(payload ?? null) as never,
          dedupe_key: `flow:${inst.row.id}:${cmd.token}:${cmd.node}:${inst.state.seq}`, created_at: at, updated_at: at, next_attempt_at: at,
          record_form: inst.row.record === null ? null : inst.row.form, record_id: inst.row.record,
        }).onConflict((oc) => oc.doNothing()).execute();
        wakeAfterCommit(ws);
        break;
      }
    }
  });
  const e = run.ok ? null : (run.error as { code?: unknown; message?: unknown });
  const error = e ? { code: typeof e.code === 'string' ? e.code : 'FLOW_ACTION_FAILED', message: String(e.message ?? e) } : null;
  return { type: 'actionDone', at, token: cmd.token, ...(error ? { error } : {}) };
}

async function updateRecord(ws: WriteScope, inst: ActiveInstance, cmd: CommandOf<'updateRecord'>): Promise<void> {
  if (inst.row.record === null || !Object.keys(cmd.values).length) return;
  const rt = await formRuntimeOf(ws.ctx.db, inst.app, inst.row.form, ws.trx);
  await updateInScope(deeper(ws, `flow ${inst.row.flow}`), rt, inst.row.record, { ...cmd.values });
}

async function finished(ws: WriteScope, inst: ActiveInstance, cmd: CommandOf<'finished'>): Promise<void> {
  const set = inst.def.results?.[cmd.result];
  if (set && Object.keys(set).length) await updateRecord(ws, inst, { type: 'updateRecord', values: set });
  if (inst.row.parentId !== null && inst.row.parentToken) {
    await dispatch(ws, inst.app, inst.row.parentId, { type: 'subflowFinished', at: ws.ctx.clock.now().toISOString(), token: inst.row.parentToken, result: cmd.result });
  }
}

async function startSubflow(ws: WriteScope, inst: ActiveInstance, cmd: CommandOf<'startSubflow'>): Promise<FlowEvent | null> {
  const at = ws.ctx.clock.now().toISOString();
  if (inst.row.depth + 1 >= FLOW_SUBFLOW_DEPTH_LIMIT) {
    return { type: 'subflowFinished', at, token: cmd.token, result: 'failed', error: { code: 'FLOW_DEPTH_LIMIT', message: `Sub-flows nest deeper than ${FLOW_SUBFLOW_DEPTH_LIMIT} levels.` } };
  }
  await startInstance(ws, inst.app, inst.row.version, cmd.flow, inst.row.record, 'api', { parent: cmd.wait ? { id: inst.row.id, token: cmd.token, depth: inst.row.depth } : undefined, startKey: `sub:${inst.row.id}:${cmd.token}:${inst.state.seq}` });
  return null;
}

/**
 * Executes one interpreter command in the step's transaction. Commands that ask a question
 * (evaluate, resolveAssignees, runAction) return the answering event.
 */
export async function runCommand(ws: WriteScope, inst: ActiveInstance, cmd: FlowCommand): Promise<FlowEvent | null> {
  const at = ws.ctx.clock.now().toISOString();
  switch (cmd.type) {
    case 'evaluate': {
      const r = await evaluate(ws, inst, cmd.node, Object.keys(cmd.sources));
      return { type: 'evaluated', at, token: cmd.token, results: r.results, ...(r.error ? { error: r.error } : {}) };
    }
    case 'resolveAssignees':
      return resolve(ws, inst, cmd);
    case 'runAction':
      return runAction(ws, inst, cmd);
    case 'taskOpened':
    case 'taskClosed':
      return null; // task rows are synced from the state when the step is saved
    case 'scheduleTimer':
      await enqueue(ws.trx, { queue: FLOW_TIMER_QUEUE, key: timerJobKey(inst.row.id, cmd.timer.id), payload: { instance: inst.row.id, app: inst.app.id, timer: cmd.timer.id }, runAt: new Date(cmd.timer.at), maxAttempts: 10 }, new Date(at));
      return null;
    case 'cancelTimer':
      await sql`delete from jobs where key = ${timerJobKey(inst.row.id, cmd.timer)} and state = 'queued'`.execute(ws.trx);
      return null;
    case 'updateRecord':
      await updateRecord(ws, inst, cmd);
      return null;
    case 'notify':
      await notify(ws, inst, cmd);
      return null;
    case 'startSubflow':
      return startSubflow(ws, inst, cmd);
    case 'finished':
      await finished(ws, inst, cmd);
      return null;
  }
}
