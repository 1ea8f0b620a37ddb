import type { FastifyInstance } from 'fastify';
import { appByKey, createApp, currentPublished, deleteApp } from '../metadata/apps.js';
import { emptyMetadata, isKind, KEY } from '../metadata/kinds.js';
import { publishApp, rollbackApp } from '../metadata/publish.js';
import { KilnError } from '../errors.js';
import { accessFor, accessView } from '../access/resolve.js';
import { appScope, userForPreview } from '../access/request.js';
import { selfRecordId } from '../access/policy-sql.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { actorOf, writeAudit } from '../audit/log.js';
import { currentUser, localeOf, requireRole, tenantOf } from './guard.js';

const appParams = { type: 'object', properties: { app: { type: 'string' } }, required: ['app'] } as const;

/** Apps, drafts, publish, versions and rollback (contract: "Apps and metadata"). */
export async function appRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.kiln;
  const builder = requireRole('builder');

  app.get('/api/apps', { preHandler: requireRole(), schema: { summary: "List the apps of the caller's workspace that the caller may use", tags: ['apps'] } }, async (req) => {
    const user = currentUser(req);
    const rows = await db.selectFrom('apps').select(['id', 'key', 'name', 'current_version', 'tenant_id', 'created_at as createdAt'])
      .where('tenant_id', '=', user.tenantId).$if(Boolean(user.scope), (q) => q.where('id', '=', user.scope!.appId)).orderBy('id').execute();
    const items = [];
    const restricted = user.role !== 'admin' && user.role !== 'builder';
    // Every explicit membership of the caller at once (not one query per app).
    const memberships = new Map<number, string[]>();
    if (restricted && rows.length) {
      const held = await db.selectFrom('app_members').select(['app_id', 'role_key']).where('user_id', '=', user.id).where('app_id', 'in', rows.map((r) => r.id)).execute();
      for (const m of held) memberships.set(m.app_id, [...(memberships.get(m.app_id) ?? []), m.role_key]);
    }
    for (const r of rows) {
      if (restricted) {
        const access = await accessFor(db, user, r, undefined, memberships.get(r.id) ?? []);
        if (!access.unrestricted && ![...access.forms.values()].some((f) => f.actions.read.allowed || f.actions.create.allowed)) continue;
      }
      items.push({ key: r.key, name: r.name, version: r.current_version, createdAt: r.createdAt });
    }
    return { items };
  });

  app.post('/api/apps', {
    preHandler: builder,
    schema: { summary: 'Create an app', tags: ['apps'], body: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, name: { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } } } } },
  }, async (req, reply) => {
    const user = currentUser(req);
    const row = await createApp(db, req.body as { key: string; name?: { 'zh-CN'?: string; en?: string } }, user.id, user.tenantId);
    await writeAudit(db, app.kiln.clock.now(), actorOf(user, req.ip), { action: 'app.create', appId: row.id, target: `app:${row.key}`, after: { key: row.key, name: row.name } });
    return reply.status(201).send({ key: row.key, name: row.name, version: null });
  });

  app.get('/api/apps/:app', { preHandler: requireRole(), schema: { summary: 'Published metadata of an app', tags: ['apps'], params: appParams } }, async (req) => {
    const s = await appScope(app.kiln, req, (req.params as { app: string }).app, { reads: true });
    const metadata = { ...emptyMetadata(), ...(s.published?.metadata ?? {}) };
    const access = accessView(s.access, Object.keys(metadata.forms), Object.keys(metadata.flows));
    return { key: s.app.key, name: s.app.name, version: s.published?.version ?? null, ...metadata, access };
  });

  app.get('/api/apps/:app/access/preview', {
    preHandler: builder,
    schema: { summary: "Another user's access to the app (studio \"view as\"; uses the published roles)", tags: ['apps'], params: appParams, querystring: { type: 'object', required: ['user'], properties: { user: { type: 'integer', minimum: 1 } } } },
  }, async (req) => {
    const caller = currentUser(req);
    const row = await appByKey(db, (req.params as { app: string }).app, caller.tenantId);
    const published = await currentPublished(db, row);
    const user = await userForPreview(app.kiln, caller.tenantId, (req.query as { user: number }).user);
    const access = await accessFor(db, user, row, published);
    const metadata = { ...emptyMetadata(), ...(published?.metadata ?? {}) };
    let self: number | null = null;
    if (access.self) {
      const rt = await formRuntimeOf(db, row, access.self.form).catch(() => null);
      if (rt) self = await selfRecordId(db, { storage: rt.allStorage, user, self: access.self });
    }
    return { user: { id: user.id, email: user.email, role: user.role, displayName: user.displayName ?? null }, access: accessView(access, Object.keys(metadata.forms), Object.keys(metadata.flows)), self };
  });

  app.delete('/api/apps/:app', { preHandler: requireRole('admin'), schema: { summary: 'Delete an app and all its data (admin)', tags: ['apps'], params: appParams } }, async (req) => {
    const row = await appByKey(db, (req.params as { app: string }).app, tenantOf(req));
    await deleteApp(db, row.id);
    return { ok: true };
  });

  app.post('/api/apps/:app/publish', { preHandler: builder, schema: { summary: 'Validate every draft and publish an immutable version', tags: ['apps'], params: appParams } }, async (req) => {
    const user = currentUser(req);
    const body = (req.body ?? {}) as { note?: unknown };
    const key = (req.params as { app: string }).app;
    const result = await publishApp(app.kiln, key, user.id, { locale: localeOf(req), note: typeof body.note === 'string' ? body.note.slice(0, 500) : undefined, tenantId: user.tenantId });
    const row = await appByKey(db, key, user.tenantId);
    await writeAudit(db, app.kiln.clock.now(), actorOf(user, req.ip), { action: 'app.publish', appId: row.id, target: `version:${result.version}` });
    return result;
  });

  app.get('/api/apps/:app/versions', { preHandler: builder, schema: { summary: 'Published versions, newest first', tags: ['apps'], params: appParams } }, async (req) => {
    const row = await appByKey(db, (req.params as { app: string }).app, tenantOf(req));
    const items = await db.selectFrom('app_versions').leftJoin('users', 'users.id', 'app_versions.published_by')
      .select(['version', 'published_at as publishedAt', 'users.email as publishedBy', 'note']).where('app_id', '=', row.id).orderBy('version', 'desc').execute();
    return { items, current: row.current_version };
  });

  app.post('/api/apps/:app/rollback', {
    preHandler: builder,
    schema: { summary: 'Publish an earlier version again (it also becomes the drafts)', tags: ['apps'], params: appParams, body: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } } },
  }, async (req) => {
    const user = currentUser(req);
    const key = (req.params as { app: string }).app;
    const target = (req.body as { version: number }).version;
    const result = await rollbackApp(app.kiln, key, target, user.id, localeOf(req), user.tenantId);
    const row = await appByKey(db, key, user.tenantId);
    await writeAudit(db, app.kiln.clock.now(), actorOf(user, req.ip), { action: 'app.rollback', appId: row.id, target: `version:${target}`, after: result });
    return result;
  });

  // Drafts: GET list, GET/PUT/DELETE one.
  const kindParams = { type: 'object', properties: { app: { type: 'string' }, kind: { type: 'string' } }, required: ['app', 'kind'] } as const;
  const itemParams = { type: 'object', properties: { app: { type: 'string' }, kind: { type: 'string' }, key: { type: 'string' } }, required: ['app', 'kind', 'key'] } as const;
  const kindOf = (k: string) => {
    if (!isKind(k)) throw new KilnError('INVALID_KIND', `Unknown kind "${k}".`);
    return k;
  };

  app.get('/api/apps/:app/:kind', { preHandler: builder, schema: { summary: 'List drafts of a kind', tags: ['drafts'], params: kindParams } }, async (req) => {
    const p = req.params as { app: string; kind: string };
    const kind = kindOf(p.kind);
    const row = await appByKey(db, p.app, tenantOf(req));
    const items = await db.selectFrom('drafts').select(['key', 'definition', 'updated_at as updatedAt']).where('app_id', '=', row.id).where('kind', '=', kind).orderBy('key').execute();
    return { items };
  });

  app.get('/api/apps/:app/:kind/:key', { preHandler: builder, schema: { summary: 'Read a draft', tags: ['drafts'], params: itemParams } }, async (req) => {
    const p = req.params as { app: string; kind: string; key: string };
    const kind = kindOf(p.kind);
    const row = await appByKey(db, p.app, tenantOf(req));
    const draft = await db.selectFrom('drafts').select(['key', 'definition', 'updated_at as updatedAt']).where('app_id', '=', row.id).where('kind', '=', kind).where('key', '=', p.key).executeTakeFirst();
    if (!draft) throw new KilnError('DRAFT_NOT_FOUND', `No draft ${kind}/${p.key}.`);
    return draft;
  });

  app.put('/api/apps/:app/:kind/:key', { preHandler: builder, schema: { summary: 'Save a draft (the body is the definition)', tags: ['drafts'], params: itemParams } }, async (req) => {
    const user = currentUser(req);
    const p = req.params as { app: string; kind: string; key: string };
    const kind = kindOf(p.kind);
    if (!KEY.test(p.key)) throw new KilnError('INVALID_KEY', undefined, { path: '/key' });
    const body = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new KilnError('BAD_REQUEST', 'The draft must be a JSON object.');
    const row = await appByKey(db, p.app, tenantOf(req));
    const definition = kind === 'forms' || kind === 'rules' || kind === 'roles' ? { ...(body as object), key: p.key } : body;
    const before = await db.selectFrom('drafts').select('definition').where('app_id', '=', row.id).where('kind', '=', kind).where('key', '=', p.key).executeTakeFirst();
    const now = app.kiln.clock.now().toISOString();
    const saved = await db.insertInto('drafts').values({ app_id: row.id, kind, key: p.key, definition: JSON.stringify(definition) as never, updated_by: user.id, updated_at: now })
      .onConflict((oc) => oc.columns(['app_id', 'kind', 'key']).doUpdateSet({ definition: JSON.stringify(definition) as never, updated_by: user.id, updated_at: now }))
      .returning(['key', 'definition', 'updated_at as updatedAt']).executeTakeFirstOrThrow();
    await writeAudit(db, app.kiln.clock.now(), actorOf(user, req.ip), { action: 'metadata.put', appId: row.id, target: `${kind}/${p.key}`, before: before?.definition ?? null, after: definition });
    return saved;
  });

  app.delete('/api/apps/:app/:kind/:key', { preHandler: builder, schema: { summary: 'Delete a draft (published versions keep it)', tags: ['drafts'], params: itemParams } }, async (req) => {
    const p = req.params as { app: string; kind: string; key: string };
    const kind = kindOf(p.kind);
    const row = await appByKey(db, p.app, tenantOf(req));
    const r = await db.deleteFrom('drafts').where('app_id', '=', row.id).where('kind', '=', kind).where('key', '=', p.key).returning('definition').executeTakeFirst();
    if (!r) throw new KilnError('DRAFT_NOT_FOUND', `No draft ${kind}/${p.key}.`);
    await writeAudit(db, app.kiln.clock.now(), actorOf(currentUser(req), req.ip), { action: 'metadata.delete', appId: row.id, target: `${kind}/${p.key}`, before: r.definition });
    return { ok: true };
  });
}
