import type { FlowEvent, TaskState } from '@kiln/engine-flow';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { KilnError } from '../errors.js';
import { accessFor } from '../access/resolve.js';
import { recordGuard } from '../access/guard.js';
import { dispatch, flowError } from '../flows/executor.js';
import { appRules } from '../rules/app-rules.js';
import { readInstance } from '../flows/store.js';
import { instanceView, returnTargetsOf, taskRows, taskView, ViewCache } from '../flows/views.js';
import { appById } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { getRecord } from '../records/service.js';
import { inWriteScope } from '../rules/scope.js';
import { currentUser, localeOf, requireRole } from './guard.js';

const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const comment = { type: 'string', maxLength: 2000 } as const;

interface TaskRow { id: number; instance_id: number; app_id: number; assignee: number; status: string; task_key: string; node_id: string; acted_by: number | null; outcome: string | null }

/** The operator's task inbox and the operations on a task (approve, reject, transfer, add signer, return, comment). */
export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;

  /** A task row with its ids as numbers (bigint columns come back as strings on PostgreSQL), or null. */
  const taskRow = async (db: Parameters<typeof taskRows>[0], id: number): Promise<TaskRow | null> => {
    const row = await db.selectFrom('flow_tasks').select(['id', 'instance_id', 'app_id', 'assignee', 'status', 'task_key', 'node_id', 'acted_by', 'outcome']).where('id', '=', id).executeTakeFirst();
    return row ? { ...row, id: Number(row.id), instance_id: Number(row.instance_id), app_id: Number(row.app_id), assignee: Number(row.assignee), acted_by: row.acted_by === null ? null : Number(row.acted_by) } : null;
  };

  const loadTask = async (req: FastifyRequest): Promise<TaskRow> => {
    const user = currentUser(req);
    const id = (req.params as { id: number }).id;
    const t = await taskRow(ctx.db, id);
    if (!t) throw new KilnError('TASK_NOT_FOUND', `No task ${id}.`);
    if (t.assignee !== user.id && t.acted_by !== user.id && user.role !== 'admin') throw new KilnError('FLOW_NOT_ALLOWED', 'This task is not yours.', { task: t.id }, 403);
    return t;
  };

  const appOf = async (id: number) => (await appById(ctx.db, id))!;

  /** The task and its instance as the API shows them (and the instance row, for callers that need more). */
  const views = async (task: TaskRow, viewer: number) => {
    const c = new ViewCache(ctx, ctx.db);
    const row = await taskRows(ctx.db).where('t.id', '=', task.id).executeTakeFirstOrThrow();
    const inst = (await readInstance(ctx.db, task.instance_id))!;
    return { inst, answer: { task: await taskView(c, row as never, ctx.clock.now()), instance: await instanceView(c, inst, viewer) } };
  };
  const answer = async (task: TaskRow, viewer: number) => (await views(task, viewer)).answer;

  /**
   * Feeds an event about a task to its instance. A refusal changes nothing; `replayed` says
   * whether the refusal is a retry of what already happened (the same person, the same
   * outcome) — then the current state is returned, so a double click acts once.
   */
  const act = async (req: FastifyRequest, build: (t: TaskRow, userId: number) => FlowEvent, replayed?: (now: TaskRow, userId: number) => boolean) => {
    const user = currentUser(req);
    const task = await loadTask(req);
    const app = await appOf(task.app_id);
    await inWriteScope(ctx, { userId: user.id, role: user.role, locale: localeOf(req) }, async (ws) => {
      const res = await dispatch(ws, app, task.instance_id, build(task, user.id));
      if (!res.error) return;
      const now = (await taskRow(ws.trx, task.id))!;
      if (replayed?.(now, user.id)) return;
      throw flowError(res.error);
    });
    return answer(task, user.id);
  };

  app.get('/api/tasks', {
    preHandler: requireRole(),
    schema: {
      summary: "The caller's tasks (open or done), with counts", tags: ['tasks'],
      querystring: { type: 'object', properties: { state: { type: 'string', enum: ['open', 'done'] }, app: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 200 }, cursor: { type: 'string', pattern: '^[0-9]{1,9}$' } } },
    },
  }, async (req) => {
    const user = currentUser(req);
    const q = req.query as { state?: 'open' | 'done'; app?: string; limit?: number; cursor?: string };
    const state = q.state ?? 'open';
    const limit = q.limit ?? 50;
    const offset = Number(q.cursor ?? 0);
    const now = ctx.clock.now();
    let query = taskRows(ctx.db).where('t.assignee', '=', user.id);
    if (q.app) query = query.innerJoin('apps as a', 'a.id', 't.app_id').where('a.key', '=', q.app);
    query = state === 'open'
      // Waiting tasks (an added signer acts first) stay in the open list, not in the counts.
      ? query.where('t.status', 'in', ['open', 'waiting']).orderBy(sql`t.status = 'waiting'`).orderBy(sql`t.due_at asc nulls last`).orderBy('t.id')
      : query.where('t.status', 'not in', ['open', 'waiting']).orderBy(sql`coalesce(t.acted_at, t.created_at) desc`).orderBy('t.id', 'desc');
    const rows = await query.limit(limit + 1).offset(offset).execute();
    const c = new ViewCache(ctx, ctx.db);
    const items = await Promise.all(rows.slice(0, limit).map((r) => taskView(c, r as never, now)));
    const counts = await sql<{ open: string; overdue: string; done: string }>`select
        count(*) filter (where status = 'open') as open,
        count(*) filter (where status = 'open' and due_at < ${now.toISOString()}) as overdue,
        count(*) filter (where status not in ('open','waiting')) as done
      from flow_tasks where assignee = ${user.id}`.execute(ctx.db);
    const k = counts.rows[0]!;
    return { items, counts: { open: Number(k.open), overdue: Number(k.overdue), done: Number(k.done) }, nextCursor: rows.length > limit ? String(offset + limit) : null };
  });

  app.get('/api/tasks/:id', { preHandler: requireRole(), schema: { summary: 'A task with its record (fields the node shows), allowed operations and the instance timeline', tags: ['tasks'], params: idParam } }, async (req) => {
    const user = currentUser(req);
    const task = await loadTask(req);
    const { answer: base, inst } = await views(task, user.id);
    const app = await appOf(task.app_id);
    const def = (await appRules(ctx.db, app, inst.version)).flows[inst.flow];
    if (!def) throw new KilnError('FLOW_NOT_FOUND', `Flow "${inst.flow}" of version ${inst.version} is gone.`);
    const node = def.nodes.find((n) => n.id === task.node_id);
    const data = node?.type === 'approval' ? node.data : undefined;
    const rt = await formRuntimeOf(ctx.db, app, inst.form);
    // The assignment lets the assignee see the record; their roles' field policies still hide fields.
    const hidden = recordGuard(await accessFor(ctx.db, user, app), rt, user).access.hidden;
    const shown = data?.fields?.visible?.length ? new Set(data.fields.visible) : null;
    const visible = shown || hidden.size ? new Set(rt.form.fields.map((f) => f.key).filter((k) => (!shown || shown.has(k)) && !hidden.has(k))) : null;
    const fields = rt.form.fields.filter((f) => !visible || visible.has(f.key));
    let record: Record<string, unknown> | null = null;
    if (inst.record !== null) {
      try {
        const full = await getRecord(ctx.db, rt, inst.record);
        record = Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || !visible || visible.has(k)));
      } catch {
        record = null;
      }
    }
    const stateTask = inst.state.tasks[task.task_key] as TaskState | undefined;
    return {
      ...base,
      record,
      form: { key: rt.form.key, name: rt.form.title, fields },
      editable: (data?.fields?.editable ?? []).filter((k) => fields.some((f) => f.key === k)),
      allow: { transfer: data?.allow?.transfer !== false, addSigner: data?.allow?.addSigner !== false, return: data?.allow?.return !== false },
      returnTargets: stateTask && data?.allow?.return !== false ? returnTargetsOf(def, inst.state, stateTask) : [],
    };
  });

  app.post('/api/tasks/:id/complete', {
    preHandler: requireRole(),
    schema: {
      summary: 'Approve or reject a task (a retried request acts once)', tags: ['tasks'], params: idParam,
      body: { type: 'object', required: ['outcome'], additionalProperties: false, properties: { outcome: { type: 'string', enum: ['approve', 'reject'] }, comment, data: { type: 'object' } } },
    },
  }, async (req) => {
    const body = req.body as { outcome: 'approve' | 'reject'; comment?: string; data?: Record<string, unknown> };
    if (body.data && Object.keys(body.data).length) {
      // Edited fields are validated like a record patch before anything happens.
      const task = await loadTask(req);
      const inst = (await readInstance(ctx.db, task.instance_id))!;
      const rt = await formRuntimeOf(ctx.db, await appOf(task.app_id), inst.form);
      const checked = rt.validator.validate(body.data, { locale: localeOf(req), mode: 'update' });
      if (!checked.ok) throw new KilnError('RECORD_INVALID', undefined, { errors: checked.errors });
      body.data = checked.value as Record<string, unknown>;
    }
    return act(req, (t, by) => ({ type: 'taskCompleted', at: ctx.clock.now().toISOString(), task: t.task_key, by, outcome: body.outcome, ...(body.comment ? { comment: body.comment } : {}), ...(body.data && Object.keys(body.data).length ? { data: body.data } : {}) }),
      (now, userId) => now.acted_by === userId && now.outcome === body.outcome);
  });

  app.post('/api/tasks/:id/transfer', {
    preHandler: requireRole(),
    schema: { summary: 'Hand a task to another user', tags: ['tasks'], params: idParam, body: { type: 'object', required: ['to'], additionalProperties: false, properties: { to: { type: 'integer', minimum: 1 }, comment } } },
  }, async (req) => {
    const body = req.body as { to: number; comment?: string };
    await ensureUser(body.to, currentUser(req).tenantId);
    return act(req, (t, by) => ({ type: 'taskTransferred', at: ctx.clock.now().toISOString(), task: t.task_key, by, to: body.to, ...(body.comment ? { comment: body.comment } : {}) }),
      (now) => now.status === 'transferred');
  });

  app.post('/api/tasks/:id/add-signer', {
    preHandler: requireRole(),
    schema: { summary: 'Add a signer before or after yourself (加签)', tags: ['tasks'], params: idParam, body: { type: 'object', required: ['user', 'position'], additionalProperties: false, properties: { user: { type: 'integer', minimum: 1 }, position: { type: 'string', enum: ['before', 'after'] }, comment } } },
  }, async (req) => {
    const body = req.body as { user: number; position: 'before' | 'after'; comment?: string };
    await ensureUser(body.user, currentUser(req).tenantId);
    return act(req, (t, by) => ({ type: 'signerAdded', at: ctx.clock.now().toISOString(), task: t.task_key, by, user: body.user, position: body.position, ...(body.comment ? { comment: body.comment } : {}) }));
  });

  app.post('/api/tasks/:id/return', {
    preHandler: requireRole(),
    schema: { summary: 'Send the flow back to an earlier approval node', tags: ['tasks'], params: idParam, body: { type: 'object', required: ['to'], additionalProperties: false, properties: { to: { type: 'string', minLength: 1, maxLength: 100 }, comment } } },
  }, async (req) => {
    const body = req.body as { to: string; comment?: string };
    return act(req, (t, by) => ({ type: 'taskReturned', at: ctx.clock.now().toISOString(), task: t.task_key, by, to: body.to, ...(body.comment ? { comment: body.comment } : {}) }),
      (now) => now.status === 'returned' || now.status === 'cancelled');
  });

  app.post('/api/tasks/:id/comment', {
    preHandler: requireRole(),
    schema: { summary: 'Comment on a task (shown in the timeline)', tags: ['tasks'], params: idParam, body: { type: 'object', required: ['comment'], additionalProperties: false, properties: { comment: { ...comment, minLength: 1 } } } },
  }, async (req) => {
    const body = req.body as { comment: string };
    return act(req, (t, by) => ({ type: 'commented', at: ctx.clock.now().toISOString(), task: t.task_key, by, comment: body.comment }));
  });

  /** An active user of the caller's workspace (another tenant's user is "no such user"). */
  async function ensureUser(id: number, tenantId: number): Promise<void> {
    const u = await ctx.db.selectFrom('users').select('id').where('id', '=', id).where('tenant_id', '=', tenantId).where('disabled', '=', false).executeTakeFirst();
    if (!u) throw new KilnError('BAD_REQUEST', `No active user ${id}.`, { errors: [{ path: '/to', code: 'USER_NOT_FOUND', message: `No active user ${id}.` }] });
  }
}

