import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, writeAudit } from '../audit/log.js';
import { searchAudit } from '../audit/query.js';
import { createMagicLink } from '../auth/codes.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/tokens.js';
import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import { appByKey, currentPublished, type AppRow } from '../metadata/apps.js';
import { currentUser, requireRole } from './guard.js';

const appParams = { type: 'object', required: ['app'], properties: { app: { type: 'string', maxLength: 64 } } } as const;

/**
 * App administration: API tokens and explicit role members (admin or builder), magic sign-in
 * links to the promoter portal (admin, builder, operator), and the tenant's audit search (admin).
 * Apps are looked up in the caller's tenant; an API token reaches only its own app.
 */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;
  const builder = requireRole('builder');

  app.get('/api/apps/:app/tokens', { preHandler: builder, schema: { summary: "The app's API tokens (never their secrets)", tags: ['access'], params: appParams } }, async (req) => {
    const target = await appOf(ctx, req);
    return { items: await listApiTokens(db, target.id) };
  });

  app.post('/api/apps/:app/tokens', {
    preHandler: builder,
    schema: {
      summary: 'Create an API token for one role of the app; the token is in this answer only', tags: ['access'], params: appParams,
      body: { type: 'object', required: ['name', 'role'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role: { type: 'string', maxLength: 64 }, expiresAt: { type: ['string', 'null'], maxLength: 40 } } },
    },
  }, async (req, reply) => {
    const user = currentUser(req);
    const target = await appOf(ctx, req);
    const body = req.body as { name: string; role: string; expiresAt?: string | null };
    await requireRoles(ctx, target, [body.role]);
    const now = ctx.clock.now();
    let expiresAt: string | null = null;
    if (body.expiresAt) {
      const d = new Date(body.expiresAt);
      if (Number.isNaN(d.getTime()) || d.getTime() <= now.getTime()) throw new KilnError('BAD_REQUEST', 'expiresAt must be an ISO date-time in the future.', { path: '/expiresAt' });
      expiresAt = d.toISOString();
    }
    const created = await db.transaction().execute(async (trx) => {
      const t = await createApiToken(trx, now, { tenantId: target.tenant_id, appId: target.id, roleKey: body.role, name: body.name.trim() || body.name, expiresAt, createdBy: { id: user.id, email: user.email } });
      await writeAudit(trx, now, actorOf(user, req.ip), { action: 'token.create', appId: target.id, target: `token:${t.id}`, after: { id: t.id, name: t.name, role: t.role, prefix: t.prefix, expiresAt: t.expiresAt } });
      return t;
    });
    return reply.status(201).send(created);
  });

  app.delete('/api/apps/:app/tokens/:id', {
    preHandler: builder,
    schema: { summary: 'Revoke an API token (it stops working at once)', tags: ['access'], params: { type: 'object', required: ['app', 'id'], properties: { app: { type: 'string', maxLength: 64 }, id: { type: 'integer', minimum: 1 } } } },
  }, async (req) => {
    const user = currentUser(req);
    const target = await appOf(ctx, req);
    const id = (req.params as { id: number }).id;
    const now = ctx.clock.now();
    return db.transaction().execute(async (trx) => {
      const { before, after } = await revokeApiToken(trx, now, target.id, id);
      if (before.revokedAt === null) {
        await writeAudit(trx, now, actorOf(user, req.ip), { action: 'token.revoke', appId: target.id, target: `token:${id}`, before: { revokedAt: null }, after: { revokedAt: after.revokedAt } });
      }
      return after;
    });
  });

  app.get('/api/apps/:app/members', { preHandler: builder, schema: { summary: 'Users holding a role of the app explicitly, with their roles', tags: ['access'], params: appParams } }, async (req) => {
    const target = await appOf(ctx, req);
    return { items: await listMembers(ctx, target) };
  });

  app.put('/api/apps/:app/members', {
    preHandler: builder,
    schema: {
      summary: "Replace a user's explicit roles in the app (roles: [] removes them)", tags: ['access'], params: appParams,
      body: { type: 'object', required: ['userId', 'roles'], additionalProperties: false, properties: { userId: { type: 'integer', minimum: 1 }, roles: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 64 } } } },
    },
  }, async (req) => {
    const caller = currentUser(req);
    const target = await appOf(ctx, req);
    const body = req.body as { userId: number; roles: string[] };
    const roles = [...new Set(body.roles)].sort();
    await requireRoles(ctx, target, roles);
    const member = await db.selectFrom('users').select('id').where('id', '=', body.userId).where('tenant_id', '=', target.tenant_id).executeTakeFirst();
    if (!member) throw new KilnError('NOT_FOUND', `No user ${body.userId}.`);
    const now = ctx.clock.now();
    await db.transaction().execute(async (trx) => {
      const before = (await trx.selectFrom('app_members').select('role_key').where('app_id', '=', target.id).where('user_id', '=', body.userId).orderBy('role_key').execute()).map((r) => r.role_key);
      await trx.deleteFrom('app_members').where('app_id', '=', target.id).where('user_id', '=', body.userId).execute();
      if (roles.length) await trx.insertInto('app_members').values(roles.map((role_key) => ({ app_id: target.id, user_id: body.userId, role_key, created_at: now.toISOString() }))).execute();
      if (JSON.stringify(before) !== JSON.stringify(roles)) {
        await writeAudit(trx, now, actorOf(caller, req.ip), { action: 'members.update', appId: target.id, target: `user:${body.userId}`, before: { roles: before }, after: { roles } });
      }
    });
    return { items: await listMembers(ctx, target) };
  });

  app.post('/api/apps/:app/portal/links', {
    preHandler: requireRole('builder', 'operator'),
    schema: {
      summary: 'A single-use sign-in link to the promoter portal for a user, valid 7 days', tags: ['access'], params: appParams,
      body: { type: 'object', required: ['userId'], additionalProperties: false, properties: { userId: { type: 'integer', minimum: 1 } } },
    },
  }, async (req) => {
    const caller = currentUser(req);
    const target = await appOf(ctx, req);
    const userId = (req.body as { userId: number }).userId;
    const user = await db.selectFrom('users').select(['id', 'disabled', 'role']).where('id', '=', userId).where('tenant_id', '=', target.tenant_id).executeTakeFirst();
    if (!user || user.disabled) throw new KilnError('NOT_FOUND', `No user ${userId}.`);
    // A link signs in without a password: only for promoters, or an operator could become an admin.
    if (user.role !== 'promoter') throw new KilnError('FORBIDDEN', 'Sign-in links are only for promoters; other users sign in with their password.');
    const link = await createMagicLink(ctx, target, target.tenant_id, userId);
    await writeAudit(db, ctx.clock.now(), actorOf(caller, req.ip), { action: 'portal.link', appId: target.id, target: `user:${userId}`, after: { expiresAt: link.expiresAt } });
    return { url: `${req.protocol}://${req.host}/p/${encodeURIComponent(target.key)}#magic=${link.token}`, expiresAt: link.expiresAt };
  });

  app.get('/api/audit', {
    preHandler: requireRole('admin'),
    schema: {
      summary: "Search your workspace's audit trail, newest first (admin)", tags: ['audit'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          app: { type: 'string', maxLength: 64 }, actor: { type: 'string', maxLength: 254 }, action: { type: 'string', maxLength: 500 }, form: { type: 'string', maxLength: 64 },
          record: { type: 'integer', minimum: 1 }, q: { type: 'string', maxLength: 200 }, from: { type: 'string', maxLength: 40 }, to: { type: 'string', maxLength: 40 },
          cursor: { type: 'string', maxLength: 40 }, limit: { type: 'integer', minimum: 1, maximum: 200 },
        },
      },
    },
  }, async (req) => {
    const user = currentUser(req);
    const q = req.query as { app?: string; actor?: string; action?: string; form?: string; record?: number; q?: string; from?: string; to?: string; cursor?: string; limit?: number };
    const appId = q.app ? (await appByKey(db, q.app, user.tenantId)).id : undefined;
    const actor = q.actor === undefined || q.actor === '' ? undefined : /^[0-9]{1,15}$/.test(q.actor) ? Number(q.actor) : q.actor;
    return searchAudit(db, user.tenantId, { appId, actor, action: q.action, form: q.form, record: q.record, q: q.q, from: q.from, to: q.to, cursor: q.cursor, limit: q.limit });
  });
}

/** The app named in the URL, in the caller's tenant; an API token only reaches its own app. */
async function appOf(ctx: KilnContext, req: FastifyRequest): Promise<AppRow> {
  const user = currentUser(req);
  const key = (req.params as { app: string }).app;
  const row = await appByKey(ctx.db, key, user.tenantId);
  if (user.scope && user.scope.appId !== row.id) throw new KilnError('APP_NOT_FOUND', `No app "${key}".`);
  return row;
}

/** INVALID_ROLE unless every key is a role of the app's published metadata. */
async function requireRoles(ctx: KilnContext, target: AppRow, keys: string[]): Promise<void> {
  const published = await currentPublished(ctx.db, target);
  const roles = published?.metadata.roles ?? {};
  const unknown = keys.filter((k) => !Object.hasOwn(roles, k));
  if (unknown.length) {
    throw new KilnError('INVALID_ROLE', `No published role ${unknown.map((k) => `"${k}"`).join(', ')} in app "${target.key}".`, { roles: unknown, known: Object.keys(roles).sort() });
  }
}

/** Users of the app's tenant with explicit roles in it, by user id. */
async function listMembers(ctx: KilnContext, target: AppRow): Promise<Array<{ userId: number; email: string; displayName: string | null; roles: string[] }>> {
  const rows = await ctx.db.selectFrom('app_members').innerJoin('users', 'users.id', 'app_members.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'app_members.role_key'])
    .where('app_members.app_id', '=', target.id).where('users.tenant_id', '=', target.tenant_id)
    .orderBy('users.id').orderBy('app_members.role_key').execute();
  const byUser = new Map<number, { userId: number; email: string; displayName: string | null; roles: string[] }>();
  for (const r of rows) {
    const item = byUser.get(r.id) ?? { userId: r.id, email: r.email, displayName: r.display_name, roles: [] };
    item.roles.push(r.role_key);
    byUser.set(r.id, item);
  }
  return [...byUser.values()];
}
