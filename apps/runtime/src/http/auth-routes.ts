import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { actorOf, writeAudit } from '../audit/log.js';
import { consumeMagicLink, latestTestCode, requestCode, verifyCode } from '../auth/codes.js';
import { lockedFor, PhantomLockout, recordFailure, recordSuccess } from '../auth/lockout.js';
import { verifyPassword } from '../auth/password.js';
import { closeSession, openSession } from '../auth/sessions.js';
import { createUser, PHONE, updateUser, userChanges, type NewUser, type UserAudit, type UserPatch } from '../auth/users.js';
import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import { tenantIdByKey } from '../tenants.js';
import { appByKey } from '../metadata/apps.js';
import { adminRoutes } from './admin-routes.js';
import { currentUser, requireRole } from './guard.js';

// A fixed hash compared against when the email is unknown, so timing does not reveal accounts.
const DUMMY = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$8aWkS3DEKP5ZE9r2wrE0e6V8RkYyJ0CqFjQ6b3JpfB0';

const USER_COLUMNS = ['id', 'email', 'role', 'display_name as displayName', 'disabled', 'created_at as createdAt', 'groups', 'manager_id as managerId', 'phone', 'attributes', 'locked_until as lockedUntil'] as const;
const phoneSchema = { type: 'string', pattern: PHONE.source } as const;
const attributesSchema = { type: 'object', maxProperties: 50 } as const;
/** Anonymous portal requests address the default tenant unless they name one by key. */
const tenantSchema = { type: 'string', maxLength: 64 } as const;

/**
 * Sign-in (password with lockout, phone code, magic link), logout, who-am-I and user
 * administration — every user query scoped to the caller's tenant. Also registers the app
 * administration routes (members, API tokens, portal links, audit search).
 */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;
  const phantom = new PhantomLockout(ctx.config);
  const loginLimit = { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: 60_000 } };

  app.post('/api/auth/login', {
    schema: {
      summary: 'Sign in with email and password (an account locks after repeated failures)', tags: ['auth'],
      body: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 200 } } },
    },
    config: loginLimit,
  }, async (req, reply) => {
    const { email: rawEmail, password } = req.body as { email: string; password: string };
    const email = rawEmail.trim().toLowerCase();
    const user = await db.selectFrom('users').select(['id', 'email', 'role', 'password_hash', 'disabled', 'tenant_id', 'display_name', 'locked_until']).where('email', '=', email).executeTakeFirst();
    // Always hash (the dummy for unknown emails): the answer time does not tell whether the account exists.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY);
    const now = ctx.clock.now();
    if (!user) {
      const wait = phantom.lockedFor(email, now) || secondsUntil(phantom.fail(email, now).lockedUntil, now);
      if (wait) throw locked(reply, wait);
      throw new KilnError('INVALID_CREDENTIALS');
    }
    const actor = { kind: 'user' as const, userId: user.id, ip: req.ip, tenantId: Number(user.tenant_id) };
    const wait = lockedFor(user.locked_until, now);
    if (wait) {
      await writeAudit(db, now, actor, { action: 'login.failed', target: `user:${user.id}`, after: { reason: 'locked' } });
      throw locked(reply, wait);
    }
    if (!ok) {
      const { lockedUntil } = await recordFailure(db, user.id, now, ctx.config);
      await writeAudit(db, now, actor, { action: 'login.failed', target: `user:${user.id}`, after: { reason: 'password' } });
      if (lockedUntil) {
        await writeAudit(db, now, actor, { action: 'login.locked', target: `user:${user.id}`, after: { until: lockedUntil } });
        throw locked(reply, secondsUntil(lockedUntil, now));
      }
      throw new KilnError('INVALID_CREDENTIALS');
    }
    if (user.disabled) throw new KilnError('INVALID_CREDENTIALS');
    await recordSuccess(db, user.id);
    const session = await openSession(ctx, user.id, req.ip);
    await writeAudit(db, now, actor, { action: 'login.ok', target: `user:${user.id}`, after: { method: 'password' } });
    return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, role: user.role, tenantId: Number(user.tenant_id), displayName: user.display_name } };
  });

  app.post('/api/auth/code', {
    schema: {
      summary: 'Send a 6-digit sign-in code to a phone (promoter portal); 202 whether or not the phone can sign in', tags: ['auth'],
      body: { type: 'object', required: ['phone', 'app'], additionalProperties: false, properties: { phone: phoneSchema, app: { type: 'string', maxLength: 64 }, tenant: tenantSchema } },
    },
    config: loginLimit,
  }, async (req, reply) => {
    const body = req.body as { phone: string; app: string; tenant?: string };
    const tenantId = await tenantIdByKey(ctx.db, body.tenant);
    const target = await appByKey(db, body.app, tenantId);
    try {
      await requestCode(ctx, target, tenantId, body.phone, req.log);
    } catch (err) {
      const wait = err instanceof KilnError && err.code === 'RATE_LIMITED' ? (err.details as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
      if (wait) reply.header('retry-after', String(wait));
      throw err;
    }
    return reply.status(202).send({ ok: true });
  });

  app.post('/api/auth/code/verify', {
    schema: {
      summary: 'Sign in with a phone and the code sent to it', tags: ['auth'],
      body: { type: 'object', required: ['phone', 'code', 'app'], additionalProperties: false, properties: { phone: phoneSchema, code: { type: 'string', maxLength: 12 }, app: { type: 'string', maxLength: 64 }, tenant: tenantSchema } },
    },
    config: loginLimit,
  }, async (req) => {
    const body = req.body as { phone: string; code: string; app: string; tenant?: string };
    const tenantId = await tenantIdByKey(ctx.db, body.tenant);
    const target = await appByKey(db, body.app, tenantId);
    const userId = await verifyCode(ctx, target, tenantId, body.phone, body.code.trim());
    return signIn(ctx, req, userId, tenantId, { method: 'code', appId: target.id });
  });

  app.post('/api/auth/magic', {
    schema: {
      summary: 'Sign in with a magic link token (single use)', tags: ['auth'],
      body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', minLength: 1, maxLength: 200 } } },
    },
    config: loginLimit,
  }, async (req) => {
    const link = await consumeMagicLink(ctx, (req.body as { token: string }).token);
    return signIn(ctx, req, link.userId, link.tenantId, { method: 'magic', appId: link.appId });
  });

  app.post('/api/auth/logout', { schema: { summary: 'End the current session', tags: ['auth'] } }, async (req) => {
    currentUser(req);
    const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '').trim();
    await closeSession(ctx, token);
    return { ok: true };
  });
  app.get('/api/me', { schema: { summary: 'The signed-in user', tags: ['auth'] } }, async (req) => currentUser(req));

  app.get('/api/users', { preHandler: requireRole('admin'), schema: { summary: 'List the users of your workspace (admin)', tags: ['users'] } }, async (req) => {
    const items = await db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', currentUser(req).tenantId).orderBy('id').execute();
    const now = ctx.clock.now();
    return { items: items.map((u) => withLock(u, now)) };
  });
  app.get('/api/users/search', { preHandler: requireRole(), schema: { summary: 'Find users of your workspace for a user picker (by text, or by ids=1,2,3 to name stored ids)', tags: ['users'], querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 }, ids: { type: 'string', pattern: '^[0-9]{1,12}(,[0-9]{1,12}){0,99}$' } } } } }, async (req) => {
    const tenantId = currentUser(req).tenantId;
    const ids = (req.query as { ids?: string }).ids;
    if (ids) {
      const items = await db.selectFrom('users').select(['id', 'email', 'display_name as displayName']).where('tenant_id', '=', tenantId).where('id', 'in', ids.split(',').map(Number)).orderBy('id').execute();
      return { items };
    }
    const q = `%${String((req.query as { q?: string }).q ?? '').toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    const items = await db.selectFrom('users').select(['id', 'email', 'display_name as displayName']).where('tenant_id', '=', tenantId).where('disabled', '=', false)
      .where((eb) => eb.or([eb('email', 'like', q), eb('display_name', 'ilike', q)]))
      .orderBy('id').limit(20).execute();
    return { items };
  });
  app.post('/api/users', {
    preHandler: requireRole('admin'),
    schema: {
      summary: 'Create a user in your workspace (admin)', tags: ['users'],
      body: { type: 'object', required: ['email', 'password', 'role'], properties: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, displayName: { type: 'string' }, groups: { type: 'array', items: { type: 'string' } }, managerId: { type: ['integer', 'null'] }, phone: { type: ['string', 'null'] }, attributes: attributesSchema } },
    },
  }, async (req, reply) => {
    const caller = currentUser(req);
    const user = await createUser(db, { ...(req.body as NewUser), tenantId: caller.tenantId }, auditUser(ctx, req, 'user.create'));
    return reply.status(201).send(user);
  });
  app.patch('/api/users/:id', {
    preHandler: requireRole('admin'),
    schema: {
      summary: "Change a user's name, role, groups (positions), manager, phone, attributes or disabled flag (admin; users of your workspace)", tags: ['users'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      body: { type: 'object', additionalProperties: false, properties: { displayName: { type: ['string', 'null'], maxLength: 100 }, role: { type: 'string' }, groups: { type: 'array', items: { type: 'string' } }, managerId: { type: ['integer', 'null'] }, disabled: { type: 'boolean' }, phone: { type: ['string', 'null'] }, attributes: attributesSchema } },
    },
  }, async (req) => {
    const id = (req.params as { id: number }).id;
    await updateUser(db, id, req.body as UserPatch, { tenantId: currentUser(req).tenantId, audit: auditUser(ctx, req, 'user.update') });
    return withLock(await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow(), ctx.clock.now());
  });
  app.post('/api/users/:id/unlock', {
    preHandler: requireRole('admin'),
    schema: { summary: 'End a sign-in lock now and clear the failure count (admin; users of your workspace)', tags: ['users'], params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } },
  }, async (req) => {
    const id = (req.params as { id: number }).id;
    const caller = currentUser(req);
    const now = ctx.clock.now();
    const user = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('users').select(['id', 'locked_until', 'failed_logins']).where('id', '=', id).where('tenant_id', '=', caller.tenantId).forUpdate().executeTakeFirst();
      if (!before) throw new KilnError('NOT_FOUND', `No user ${id}.`);
      if (before.failed_logins !== 0 || before.locked_until !== null) {
        await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
        await writeAudit(trx, now, actorOf(req.user, req.ip), { action: 'user.unlock', target: `user:${id}`, before: { lockedUntil: before.locked_until, failedLogins: before.failed_logins }, after: { lockedUntil: null, failedLogins: 0 } });
      }
      return trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
    });
    return withLock(user, now);
  });
  app.get('/api/groups', { preHandler: requireRole(), schema: { summary: 'Groups (positions) in use in your workspace, with their number of active users — for assignee pickers', tags: ['users'] } }, async (req) => {
    const r = await sql<{ key: string; users: string }>`select g as key, count(*) as users from users, unnest(groups) as g where not disabled and tenant_id = ${currentUser(req).tenantId} group by g order by g`.execute(db);
    return { items: r.rows.map((x) => ({ key: x.key, users: Number(x.users) })) };
  });

  if (ctx.config.testClock) {
    app.get('/api/_test/login-codes', {
      schema: { summary: 'The latest sign-in code sent to a phone (test clock only)', tags: ['test'], querystring: { type: 'object', required: ['phone'], properties: { phone: { type: 'string' }, tenant: tenantSchema } } },
    }, async (req) => {
      const q = req.query as { phone: string; tenant?: string };
      const code = latestTestCode(ctx, await tenantIdByKey(ctx.db, q.tenant), q.phone);
      if (!code) throw new KilnError('NOT_FOUND', `No code was sent to ${q.phone}.`);
      return { phone: q.phone, code };
    });
  }

  await app.register(adminRoutes);
}

/** Opens a session for a user signed in by code or magic link (audited as `login.ok` with the method). */
async function signIn(ctx: KilnContext, req: FastifyRequest, userId: number, tenantId: number, how: { method: 'code' | 'magic'; appId: number | null }) {
  const user = await ctx.db.selectFrom('users').select(['id', 'email', 'role', 'display_name', 'phone']).where('id', '=', userId).executeTakeFirstOrThrow();
  const session = await openSession(ctx, userId, req.ip);
  await writeAudit(ctx.db, ctx.clock.now(), { kind: 'user', userId, ip: req.ip, tenantId }, { action: 'login.ok', appId: how.appId, target: `user:${userId}`, after: { method: how.method } });
  return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, role: user.role, tenantId, displayName: user.display_name, phone: user.phone } };
}

/** Audits a user write in its transaction: only the changed fields, never the password hash (not in the view). */
function auditUser(ctx: KilnContext, req: FastifyRequest, action: 'user.create' | 'user.update'): UserAudit {
  return async (trx, before, after) => {
    const diff = userChanges(before, after);
    await writeAudit(trx, ctx.clock.now(), actorOf(req.user, req.ip), { action, target: `user:${after.id}`, before: diff.before, after: diff.after });
  };
}


function secondsUntil(iso: string | null, now: Date): number {
  return iso ? Math.max(1, Math.ceil((new Date(iso).getTime() - now.getTime()) / 1000)) : 0;
}

function locked(reply: FastifyReply, retryAfterSeconds: number): KilnError {
  reply.header('retry-after', String(retryAfterSeconds));
  return new KilnError('ACCOUNT_LOCKED', `Too many failed sign-ins; this account is locked for ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

/** A user row with `locked`: whether a sign-in lock is in force at the runtime clock's now. */
function withLock<T extends { lockedUntil: string | null }>(u: T, now: Date): T & { locked: boolean } {
  return { ...u, locked: lockedFor(u.lockedUntil, now) > 0 };
}
