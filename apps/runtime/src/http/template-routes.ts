import type { FastifyInstance } from 'fastify';
import { installTemplate, listTemplates } from '../templates/index.js';
import { currentUser, localeOf, requireRole } from './guard.js';

const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 63 } }, required: ['id'] } as const;

/** Starter templates: list them, install one as a new app (contract: "Apps and metadata"). */
export async function templateRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/templates', { preHandler: requireRole(), schema: { summary: 'List starter templates', tags: ['templates'] } }, async () => ({
    items: listTemplates().map(({ id, name, description, defaultApp }) => ({ id, name, description, defaultApp })),
  }));

  app.post('/api/templates/:id/install', {
    preHandler: requireRole('builder'),
    schema: {
      summary: 'Install a template as a new app (publishes it; optional demo records)',
      tags: ['templates'],
      params: idParams,
      body: { type: 'object', additionalProperties: false, properties: { app: { type: 'string', maxLength: 63 }, demoData: { type: 'boolean' } } },
    },
  }, async (req, reply) => {
    const user = currentUser(req, 'builder');
    const body = (req.body ?? {}) as { app?: string; demoData?: boolean };
    const result = await installTemplate(app.kiln, (req.params as { id: string }).id, { app: body.app, demoData: body.demoData === true, userId: user.id, locale: localeOf(req), tenantId: user.tenantId });
    return reply.status(201).send(result);
  });
}
