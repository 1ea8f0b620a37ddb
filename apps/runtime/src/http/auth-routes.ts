import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { verifyPassword } from '../auth/password.js';
import { closeSession, openSession } from '../auth/sessions.js';
import { createUser, updateUser } from '../auth/users.js';
import { KilnError } from '../errors.js';
import { currentUser, requireRole } from './guard.js';

// A fixed hash compared against when the email is unknown, so timing does not reveal accounts.
const DUMMY = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$8aWkS3DEKP5ZE9r2wrE0e6V8RkYyJ0CqFjQ6b3JpfB0';

/** Login, logout, who-am-I and user administration. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.kiln;
  app.post('/api/auth/login', {
    schema: {
      summary: 'Sign in with email and password', tags: ['auth'],
      body: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 200 } } },
    },
    config: { rateLimit: { max: app.kiln.config.loginRateLimit, timeWindow: 60_000 } },
  }, async (req) => {
    const { email, password } = req.body as { email: string; password: string };
    const user = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY);
    if (!user || !ok || user.disabled) throw new KilnError('INVALID_CREDENTIALS');
    const session = await openSession(app.kiln, user.id);
    return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, role: user.role } };
  });
  app.post('/api/auth/logout', { schema: { summary: 'End the current session', tags: ['auth'] } }, async (req) => {
    currentUser(req);
    const token = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    await closeSession(app.kiln, token);
    return { ok: true };
  });
  app.get('/api/me', { schema: { summary: 'The signed-in user', tags: ['auth'] } }, async (req) => currentUser(req));
  app.get('/api/users', { preHandler: requireRole('admin'), schema: { summary: 'List users (admin)', tags: ['users'] } }, async () => {
    const items = await db.selectFrom('users').select(['id', 'email', 'role', 'display_name as displayName', 'disabled', 'created_at as createdAt', 'groups', 'manager_id as managerId']).orderBy('id').execute();
    return { items };
  });
  app.get('/api/users/search', { preHandler: requireRole(), schema: { summary: 'Find users for a user picker (by text, or by ids=1,2,3 to name stored ids)', tags: ['users'], querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 }, ids: { type: 'string', pattern: '^[0-9]{1,12}(,[0-9]{1,12}){0,99}$' } } } } }, async (req) => {
    const ids = (req.query as { ids?: string }).ids;
    if (ids) {
      const items = await db.selectFrom('users').select(['id', 'email', 'display_name as displayName']).where('id', 'in', ids.split(',').map(Number)).orderBy('id').execute();
      return { items };
    }
    const q = String((req.query as { q?: string }).q ?? '').toLowerCase();
    const items = await db.selectFrom('users').select(['id', 'email', 'display_name as displayName']).where('disabled', '=', false)
      .where((eb) => eb.or([eb('email', 'like', `%${q.replace(/[%_\\]/g, '\\$&')}%`), eb('display_name', 'ilike', `%${q.replace(/[%_\\]/g, '\\$&')}%`)]))
      .orderBy('id').limit(20).execute();
    return { items };
  });
  app.post('/api/users', {
    preHandler: requireRole('admin'),
    schema: { summary: 'Create a user (admin)', tags: ['users'], body: { type: 'object', required: ['email', 'password', 'role'], properties: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, displayName: { type: 'string' }, groups: { type: 'array', items: { type: 'string' } }, managerId: { type: ['integer', 'null'] } } } },
  }, async (req, reply) => {
    const user = await createUser(db, req.body as { email: string; password: string; role: string; displayName?: string; groups?: string[]; managerId?: number | null });
    return reply.status(201).send(user);
  });
  app.patch('/api/users/:id', {
    preHandler: requireRole('admin'),
    schema: {
      summary: "Change a user's name, role, groups (positions), manager or disabled flag (admin)", tags: ['users'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      body: { type: 'object', additionalProperties: false, properties: { displayName: { type: ['string', 'null'], maxLength: 100 }, role: { type: 'string' }, groups: { type: 'array', items: { type: 'string' } }, managerId: { type: ['integer', 'null'] }, disabled: { type: 'boolean' } } },
    },
  }, async (req) => {
    const id = (req.params as { id: number }).id;
    await updateUser(db, id, req.body as Parameters<typeof updateUser>[2]);
    return db.selectFrom('users').select(['id', 'email', 'role', 'display_name as displayName', 'disabled', 'groups', 'manager_id as managerId']).where('id', '=', id).executeTakeFirstOrThrow();
  });
  app.get('/api/groups', { preHandler: requireRole(), schema: { summary: 'Groups (positions) in use, with their number of active users — for assignee pickers', tags: ['users'] } }, async () => {
    const r = await sql<{ key: string; users: string }>`select g as key, count(*) as users from users, unnest(groups) as g where not disabled group by g order by g`.execute(db);
    return { items: r.rows.map((x) => ({ key: x.key, users: Number(x.users) })) };
  });
}
