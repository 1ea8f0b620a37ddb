import type { FastifyInstance } from 'fastify';
import { appByKey, createApp, currentPublished, deleteApp } from '../metadata/apps.js';
import { emptyMetadata, isKind, KEY } from '../metadata/kinds.js';
import { publishApp, rollbackApp } from '../metadata/publish.js';
import { KilnError } from '../errors.js';
import { currentUser, localeOf, requireRole } from './guard.js';

const appParams = { type: 'object', properties: { app: { type: 'string' } }, required: ['app'] } as const;

/** Apps, drafts, publish, versions and rollback (contract: "Apps and metadata"). */
export async function appRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.kiln;
  const builder = requireRole('builder');

  app.get('/api/apps', { preHandler: requireRole(), schema: { summary: 'List apps', tags: ['apps'] } }, async () => {
    const rows = await db.selectFrom('apps').select(['key', 'name', 'current_version as version', 'created_at as createdAt']).orderBy('id').execute();
    return { items: rows };
  });

  app.post('/api/apps', {
    preHandler: builder,
    schema: { summary: 'Create an app', tags: ['apps'], body: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, name: { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } } } } },
  }, async (req, reply) => {
    const user = currentUser(req);
    const row = await createApp(db, req.body as { key: string; name?: { 'zh-CN'?: string; en?: string } }, user.id);
    return reply.status(201).send({ key: row.key, name: row.name, version: null });
  });

  app.get('/api/apps/:app', { preHandler: requireRole(), schema: { summary: 'Published metadata of an app', tags: ['apps'], params: appParams } }, async (req) => {
    const row = await appByKey(db, (req.params as { app: string }).app);
    const published = await currentPublished(db, row);
    return { key: row.key, name: row.name, version: published?.version ?? null, ...emptyMetadata(), ...(published?.metadata ?? {}) };
  });

  app.delete('/api/apps/:app', { preHandler: requireRole('admin'), schema: { summary: 'Delete an app and all its data (admin)', tags: ['apps'], params: appParams } }, async (req) => {
    const row = await appByKey(db, (req.params as { app: string }).app);
    await deleteApp(db, row.id);
    return { ok: true };
  });

  app.post('/api/apps/:app/publish', { preHandler: builder, schema: { summary: 'Validate every draft and publish an immutable version', tags: ['apps'], params: appParams } }, async (req) => {
    const user = currentUser(req);
    const body = (req.body ?? {}) as { note?: unknown };
    return publishApp(app.kiln, (req.params as { app: string }).app, user.id, { locale: localeOf(req), note: typeof body.note === 'string' ? body.note.slice(0, 500) : undefined });
  });

  app.get('/api/apps/:app/versions', { preHandler: builder, schema: { summary: 'Published versions, newest first', tags: ['apps'], params: appParams } }, async (req) => {
    const row = await appByKey(db, (req.params as { app: string }).app);
    const items = await db.selectFrom('app_versions').leftJoin('users', 'users.id', 'app_versions.published_by')
      .select(['version', 'published_at as publishedAt', 'users.email as publishedBy', 'note']).where('app_id', '=', row.id).orderBy('version', 'desc').execute();
    return { items, current: row.current_version };
  });

  app.post('/api/apps/:app/rollback', {
    preHandler: builder,
    schema: { summary: 'Publish an earlier version again (it also becomes the drafts)', tags: ['apps'], params: appParams, body: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } } },
  }, async (req) => {
    const user = currentUser(req);
    return rollbackApp(app.kiln, (req.params as { app: string }).app, (req.body as { version: number }).version, user.id, localeOf(req));
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
    const row = await appByKey(db, p.app);
    const items = await db.selectFrom('drafts').select(['key', 'definition', 'updated_at as updatedAt']).where('app_id', '=', row.id).where('kind', '=', kind).orderBy('key').execute();
    return { items };
  });

  app.get('/api/apps/:app/:kind/:key', { preHandler: builder, schema: { summary: 'Read a draft', tags: ['drafts'], params: itemParams } }, async (req) => {
    const p = req.params as { app: string; kind: string; key: string };
    const kind = kindOf(p.kind);
    const row = await appByKey(db, p.app);
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
    const row = await appByKey(db, p.app);
    const definition = kind === 'forms' || kind === 'rules' ? { ...(body as object), key: p.key } : body;
    const now = app.kiln.clock.now().toISOString();
    const saved = await db.insertInto('drafts').values({ app_id: row.id, kind, key: p.key, definition: JSON.stringify(definition) as never, updated_by: user.id, updated_at: now })
      .onConflict((oc) => oc.columns(['app_id', 'kind', 'key']).doUpdateSet({ definition: JSON.stringify(definition) as never, updated_by: user.id, updated_at: now }))
      .returning(['key', 'definition', 'updated_at as updatedAt']).executeTakeFirstOrThrow();
    return saved;
  });

  app.delete('/api/apps/:app/:kind/:key', { preHandler: builder, schema: { summary: 'Delete a draft (published versions keep it)', tags: ['drafts'], params: itemParams } }, async (req) => {
    const p = req.params as { app: string; kind: string; key: string };
    const kind = kindOf(p.kind);
    const row = await appByKey(db, p.app);
    const r = await db.deleteFrom('drafts').where('app_id', '=', row.id).where('kind', '=', kind).where('key', '=', p.key).executeTakeFirst();
    if (!r.numDeletedRows) throw new KilnError('DRAFT_NOT_FOUND', `No draft ${kind}/${p.key}.`);
    return { ok: true };
  });
}
