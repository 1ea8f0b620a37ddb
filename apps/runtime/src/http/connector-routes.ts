import { secretNames } from '@kiln/engine-connectors';
import type { FastifyInstance } from 'fastify';
import { listDeliveries, getDelivery, listMessages, replayDeliveries, retryDelivery } from '../connectors/deliveries.js';
import { draftOrPublished } from '../connectors/definitions.js';
import { saveConnectorSettings } from '../connectors/settings.js';
import { settingsView, testCall } from '../connectors/test-call.js';
import { KilnError } from '../errors.js';
import { appByKey } from '../metadata/apps.js';
import { currentUser, localeOf, requireRole, tenantOf } from './guard.js';

const params = { type: 'object', properties: { app: { type: 'string' }, c: { type: 'string' } }, required: ['app', 'c'] } as const;
const idParams = { type: 'object', properties: { app: { type: 'string' }, c: { type: 'string' }, id: { type: 'integer', minimum: 1 } }, required: ['app', 'c', 'id'] } as const;
const page = { limit: { type: 'integer', minimum: 1, maximum: 200 }, cursor: { type: 'string' } } as const;

/**
 * Connector operations of the studio (admin/builder): installation settings (base URL override,
 * write-only secrets), the test call, the deliveries monitor (list, detail with attempt logs,
 * retry, bulk replay) and the inbound message log. Definitions themselves are drafts
 * (`/api/apps/{app}/connectors/{key}`), published with the app.
 */
export async function connectorRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const builder = requireRole('builder');
  type P = { app: string; c: string };

  app.get('/api/apps/:app/connectors/:c/settings', { preHandler: builder, schema: { summary: 'A connector\'s settings: base URL and which secrets are set (never their values)', tags: ['connectors'], params } }, async (req) => {
    const p = req.params as P;
    return settingsView(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c);
  });

  app.put('/api/apps/:app/connectors/:c/settings', {
    preHandler: builder,
    schema: {
      summary: 'Change a connector\'s base URL and secrets (null clears; stored encrypted)', tags: ['connectors'], params,
      body: { type: 'object', additionalProperties: false, properties: { baseUrl: { type: ['string', 'null'] }, secrets: { type: 'object', additionalProperties: { type: ['string', 'null'] } } } },
    },
  }, async (req) => {
    const user = currentUser(req);
    const p = req.params as P;
    const a = await appByKey(ctx.db, p.app, tenantOf(req));
    const body = req.body as { baseUrl?: string | null; secrets?: Record<string, string | null> };
    const { def } = await draftOrPublished(ctx.db, a, p.c);
    const known = new Set(secretNames(def).map((s) => s.name));
    const unknown = Object.keys(body.secrets ?? {}).filter((n) => !known.has(n));
    if (unknown.length) {
      throw new KilnError('CONNECTOR_SETTINGS_INVALID', `Connector "${p.c}" has no secret ${unknown.map((n) => `"${n}"`).join(', ')} (it needs: ${[...known].join(', ') || 'none'}).`, { errors: unknown.map((n) => ({ path: `/secrets/${n}`, code: 'CONNECTOR_SETTINGS_INVALID', message: `Unknown secret "${n}".` })) });
    }
    await saveConnectorSettings(ctx, a.id, p.c, body, user.id);
    return settingsView(ctx, a, p.c);
  });

  app.post('/api/apps/:app/connectors/:c/test', {
    preHandler: builder,
    schema: { summary: 'Run an operation for real (unsaved definition, draft or published); no delivery, no write back', tags: ['connectors'], params, body: { type: 'object', required: ['operation'], properties: { operation: { type: 'string' }, input: {}, definition: { type: 'object' } } } },
  }, async (req) => {
    const p = req.params as P;
    return testCall(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c, req.body as { operation: string }, localeOf(req));
  });

  app.get('/api/apps/:app/connectors/:c/deliveries', {
    preHandler: builder,
    schema: { summary: 'A connector\'s deliveries, newest first, with counts per state', tags: ['connectors'], params, querystring: { type: 'object', properties: { state: { type: 'string', enum: ['pending', 'sending', 'delivered', 'dead'] }, operation: { type: 'string' }, ...page } } },
  }, async (req) => {
    const p = req.params as P;
    return listDeliveries(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c, req.query as { state?: string; operation?: string; limit?: number; cursor?: string });
  });

  app.post('/api/apps/:app/connectors/:c/deliveries/replay', {
    preHandler: builder,
    schema: { summary: 'Send many deliveries again (dead by default)', tags: ['connectors'], params, body: { type: 'object', properties: { state: { type: 'string', enum: ['dead', 'delivered'] }, ids: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 1000 } } } },
  }, async (req) => {
    const p = req.params as P;
    return { count: await replayDeliveries(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c, (req.body ?? {}) as { state?: string; ids?: number[] }) };
  });

  app.get('/api/apps/:app/connectors/:c/deliveries/:id', { preHandler: builder, schema: { summary: 'One delivery with every attempt\'s (redacted) request/response log', tags: ['connectors'], params: idParams } }, async (req) => {
    const p = req.params as P & { id: number };
    return getDelivery(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c, p.id);
  });

  app.post('/api/apps/:app/connectors/:c/deliveries/:id/retry', { preHandler: builder, schema: { summary: 'Send a delivery again now with a fresh attempt budget (a delivered one is replayed with the same idempotency key)', tags: ['connectors'], params: idParams } }, async (req) => {
    const p = req.params as P & { id: number };
    return retryDelivery(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c, p.id);
  });

  app.get('/api/apps/:app/connectors/:c/messages', {
    preHandler: builder,
    schema: { summary: 'A connector\'s inbound messages, newest first (id, when, what they did)', tags: ['connectors'], params, querystring: { type: 'object', properties: page } },
  }, async (req) => {
    const p = req.params as P;
    return listMessages(ctx, await appByKey(ctx.db, p.app, tenantOf(req)), p.c, req.query as { limit?: number; cursor?: string });
  });
}
