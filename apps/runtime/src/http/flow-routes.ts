import { validateFlow, type FlowDefinition } from '@kiln/engine-flow';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KilnError } from '../errors.js';
import { appScope } from '../access/request.js';
import { recordGuard } from '../access/guard.js';
import { dryRun } from '../flows/dry-run.js';
import { dispatch, flowError, startInstance } from '../flows/executor.js';
import { readInstance, type InstanceRow } from '../flows/store.js';
import { instanceView, ViewCache } from '../flows/views.js';
import { appById, appByKey, draftDefinitions, type AppRow } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { getRecord } from '../records/service.js';
import { appRules } from '../rules/app-rules.js';
import { inWriteScope } from '../rules/scope.js';
import { currentUser, localeOf, requireRole, tenantOf } from './guard.js';

const flowParams = { type: 'object', required: ['app', 'flow'], properties: { app: { type: 'string' }, flow: { type: 'string' } } } as const;
const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

/** Flow instances: start, list per record, my submissions, withdraw, cancel, and the studio's dry run. */
export async function flowRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;

  const published = async (a: AppRow, flow: string): Promise<FlowDefinition> => {
    if (a.current_version === null) throw new KilnError('APP_NOT_PUBLISHED');
    const def = (await appRules(db, a, a.current_version)).flows[flow];
    if (!def) throw new KilnError('FLOW_NOT_FOUND', `App "${a.key}" has no published flow "${flow}".`);
    return def;
  };

  /** Who may see an instance: its initiator, anyone with a task in it, admins, builders and operators of the app. */
  const visible = async (req: FastifyRequest, inst: InstanceRow): Promise<void> => {
    const user = currentUser(req);
    if (user.role !== 'promoter' || inst.initiator === user.id) return;
    const task = await db.selectFrom('flow_tasks').select('id').where('instance_id', '=', inst.id).where('assignee', '=', user.id).executeTakeFirst();
    if (!task) throw new KilnError('FORBIDDEN');
  };

  const instanceOf = async (req: FastifyRequest): Promise<InstanceRow> => {
    const id = (req.params as { id: number }).id;
    const inst = await readInstance(db, id);
    if (!inst) throw new KilnError('INSTANCE_NOT_FOUND', `No flow instance ${id}.`);
    await visible(req, inst);
    return inst;
  };


  app.get('/api/apps/:app/flows/:flow/instances', {
    preHandler: requireRole('admin', 'builder', 'operator'),
    schema: { summary: "A flow's instances (of one record with ?record=), with state and history", tags: ['flows'], params: flowParams, querystring: { type: 'object', properties: { record: { type: 'integer', minimum: 1 }, limit: { type: 'integer', minimum: 1, maximum: 200 } } } },
  }, async (req) => {
    const { app: key, flow } = req.params as { app: string; flow: string };
    const q = req.query as { record?: number; limit?: number };
    const a = await appByKey(db, key, tenantOf(req));
    let query = db.selectFrom('flow_instances').select('id').where('app_id', '=', a.id).where('flow_key', '=', flow);
    if (q.record !== undefined) query = query.where('record_id', '=', q.record);
    const ids = await query.orderBy('id', 'desc').limit(q.limit ?? 50).execute();
    const c = new ViewCache(ctx, db);
    const user = currentUser(req);
    return { items: await Promise.all(ids.map(async (r) => instanceView(c, (await readInstance(db, Number(r.id)))!, user.id))) };
  });

  app.post('/api/apps/:app/flows/:flow/instances', {
    preHandler: requireRole(),
    schema: { summary: 'Start a flow on a record (flows whose start trigger is manual or api); Idempotency-Key honoured', tags: ['flows'], params: flowParams, body: { type: 'object', required: ['record'], additionalProperties: false, properties: { record: { type: 'integer', minimum: 1 } } } },
  }, async (req, reply) => {
    const { app: key, flow } = req.params as { app: string; flow: string };
    const { record } = req.body as { record: number };
    const user = currentUser(req);
    const s = await appScope(ctx, req, key);
    const a = s.app;
    if (!s.access.unrestricted && !s.access.flows.get(flow)?.start) throw new KilnError('FORBIDDEN', `Your roles may not start flow "${flow}".`, { flow });
    const def = await published(a, flow);
    const trigger = def.nodes.find((n) => n.type === 'start')?.data as { trigger?: string } | undefined;
    if (trigger?.trigger !== 'manual' && trigger?.trigger !== 'api') throw new KilnError('FLOW_START_REFUSED', `Flow "${flow}" starts on "${trigger?.trigger}", not by request.`);
    if (def.enabled === false) throw new KilnError('FLOW_START_REFUSED', `Flow "${flow}" is switched off.`);
    const rt = await formRuntimeOf(db, a, def.form);
    await getRecord(db, rt, record, recordGuard(s.access, rt, user));
    const idem = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'].slice(0, 200) : undefined;
    const startKey = idem ? `req:${user.id}:${idem}` : undefined;
    let id = await inWriteScope(ctx, { userId: user.id, role: user.role, locale: localeOf(req) }, (ws) => startInstance(ws, a, a.current_version!, flow, record, trigger.trigger as 'manual', { startKey }));
    if (id === null) {
      const prior = await db.selectFrom('flow_instances').select('id').where('app_id', '=', a.id).where('start_key', '=', startKey!).executeTakeFirstOrThrow();
      id = Number(prior.id);
      reply.status(200);
    } else reply.status(201);
    return instanceView(new ViewCache(ctx, db), (await readInstance(db, id))!, user.id);
  });

  app.get('/api/flow-instances', {
    preHandler: requireRole(),
    schema: { summary: 'Instances I started ("my submissions"), running or finished', tags: ['flows'], querystring: { type: 'object', properties: { mine: { type: 'string' }, state: { type: 'string', enum: ['running', 'finished'] }, limit: { type: 'integer', minimum: 1, maximum: 200 } } } },
  }, async (req) => {
    const user = currentUser(req);
    const q = req.query as { state?: 'running' | 'finished'; limit?: number };
    let query = db.selectFrom('flow_instances').select('id').where('initiator', '=', user.id);
    if (q.state === 'running') query = query.where('status', '=', 'running');
    if (q.state === 'finished') query = query.where('status', '!=', 'running');
    const ids = await query.orderBy('id', 'desc').limit(q.limit ?? 50).execute();
    const c = new ViewCache(ctx, db);
    return { items: await Promise.all(ids.map(async (r) => instanceView(c, (await readInstance(db, Number(r.id)))!, user.id))) };
  });

  app.get('/api/flow-instances/:id', { preHandler: requireRole(), schema: { summary: 'An instance with its tasks and timeline', tags: ['flows'], params: idParam } }, async (req) => {
    const inst = await instanceOf(req);
    return instanceView(new ViewCache(ctx, db), inst, currentUser(req).id);
  });

  const finish = (type: 'withdrawn' | 'cancelled') => async (req: FastifyRequest) => {
    const user = currentUser(req);
    const inst = await instanceOf(req);
    const a = (await appById(db, inst.appId))!;
    const reason = (req.body as { comment?: string } | undefined)?.comment;
    await inWriteScope(ctx, { userId: user.id, role: user.role, locale: localeOf(req) }, async (ws) => {
      const at = ctx.clock.now().toISOString();
      const res = await dispatch(ws, a, inst.id, type === 'withdrawn' ? { type, at, by: user.id } : { type, at, by: user.id, ...(reason ? { reason } : {}) });
      if (res.error) throw flowError(res.error);
    });
    return instanceView(new ViewCache(ctx, db), (await readInstance(db, inst.id))!, user.id);
  };
  const commentBody = { type: 'object', additionalProperties: false, properties: { comment: { type: 'string', maxLength: 2000 } } } as const;
  app.post('/api/flow-instances/:id/withdraw', { preHandler: requireRole(), schema: { summary: 'Withdraw my submission (before anyone acted)', tags: ['flows'], params: idParam, body: commentBody } }, finish('withdrawn'));
  app.post('/api/flow-instances/:id/cancel', { preHandler: requireRole('admin'), schema: { summary: 'Cancel an instance (admin)', tags: ['flows'], params: idParam, body: commentBody } }, finish('cancelled'));

  app.post('/api/apps/:app/flows/:flow/dry-run', {
    preHandler: requireRole('builder'),
    schema: { summary: 'Walk a (draft) flow on a sample record: the path it would take if everyone approved', tags: ['flows'], params: flowParams, body: { type: 'object', required: ['record'], properties: { definition: { type: 'object' }, record: { anyOf: [{ type: 'object' }, { type: 'integer', minimum: 1 }] } } } },
  }, async (req) => {
    const { app: key, flow } = req.params as { app: string; flow: string };
    const body = req.body as { definition?: FlowDefinition; record: Record<string, unknown> | number };
    const a = await appByKey(db, key, tenantOf(req));
    const { forms, rules, flows } = await draftDefinitions(db, a);
    let def = body.definition ?? flows[flow];
    if (!def) throw new KilnError('DRAFT_NOT_FOUND', `No draft flow "${flow}".`);
    def = { ...def, key: flow };
    const problems = validateFlow(def, { forms, flows: [...new Set([flow, ...Object.keys(flows)])], locale: localeOf(req) });
    if (problems.length) return { path: [], result: 'invalid', error: problems[0], problems };
    let record: Record<string, unknown>;
    if (typeof body.record === 'number') {
      const rt = await formRuntimeOf(db, a, def.form);
      record = await getRecord(db, rt, body.record);
    } else record = body.record;
    return dryRun(ctx, a, def, { forms, rules }, record);
  });
}
