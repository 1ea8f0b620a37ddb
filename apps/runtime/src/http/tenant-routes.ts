import type { FastifyInstance } from 'fastify';
import { DEFAULT_TENANT } from '../metadata/apps.js';
import { KilnError } from '../errors.js';
import { createTenant } from '../tenants.js';
import { currentUser, requireRole } from './guard.js';

/** Workspaces: the admins of the default workspace run the installation and may add others. */
export async function tenantRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.kiln;
  const platformAdmin = (req: Parameters<typeof currentUser>[0]) => {
    const user = currentUser(req, 'admin');
    if (user.role !== 'admin' || user.tenantId !== DEFAULT_TENANT) throw new KilnError('FORBIDDEN', 'Only admins of the default workspace manage workspaces.');
    return user;
  };
  app.get('/api/tenants', { preHandler: requireRole('admin'), schema: { summary: 'Workspaces (admins of the default workspace)', tags: ['tenants'] } }, async (req) => {
    platformAdmin(req);
    const items = await db.selectFrom('tenants').select(['id', 'key', 'name', 'created_at as createdAt']).orderBy('id').execute();
    return { items: items.map((t) => ({ ...t, id: Number(t.id) })) };
  });
  app.post('/api/tenants', {
    preHandler: requireRole('admin'),
    schema: {
      summary: 'Create a workspace with its first admin (admins of the default workspace)', tags: ['tenants'],
      body: { type: 'object', required: ['key', 'adminEmail', 'adminPassword'], additionalProperties: false, properties: { key: { type: 'string', maxLength: 40 }, name: { type: 'string', maxLength: 100 }, adminEmail: { type: 'string', maxLength: 254 }, adminPassword: { type: 'string', maxLength: 200 } } },
    },
  }, async (req, reply) => {
    platformAdmin(req);
    return reply.status(201).send(await createTenant(db, req.body as { key: string; name?: string; adminEmail: string; adminPassword: string }));
  });
}
