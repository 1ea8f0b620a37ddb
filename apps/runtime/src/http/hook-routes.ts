import { parseJsonLossless } from '@kiln/engine-connectors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publishedConnector } from '../connectors/definitions.js';
import { apiErrorOf, handleInbound } from '../connectors/inbound.js';
import { safeEqual } from '../connectors/signing.js';
import { KilnError } from '../errors.js';
import { appByKey, type AppRow } from '../metadata/apps.js';
import { tenantIdByKey } from '../tenants.js';
import { appRules } from '../rules/app-rules.js';
import { evaluateTrigger } from '../rules/fire.js';
import { inWriteScope } from '../rules/scope.js';
import { localeOf } from './guard.js';

const hookParams = { type: 'object', properties: { app: { type: 'string' }, hook: { type: 'string' } }, required: ['app', 'hook'] } as const;


const flat = (o: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((o ?? {}) as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
  }
  return out;
};

/**
 * Inbound webhooks: `POST /api/hooks/{app}/{hook}` (and `GET` for WeChat's URL check). When the
 * app's published version has a connector of that key with `inbound`, the connector handles it
 * (signature, messages, effects: see connectors/inbound.ts); otherwise the published webhook
 * rule with that hook name runs (token in `X-Kiln-Token`). Registered in its own plugin whose
 * content-type parsers keep the raw body, which signatures are computed over.
 */
export async function hookRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: ctx.config.bodyLimit }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(/^text\//, { parseAs: 'string', bodyLimit: ctx.config.bodyLimit }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: ctx.config.bodyLimit }, (_req, body, done) => done(null, body));

  app.route({
    method: ['GET', 'POST'],
    url: '/api/hooks/:app/:hook',
    schema: { summary: 'Inbound webhook: a connector\'s inbound hook, or the published webhook rule of this name', tags: ['connectors', 'rules'], params: hookParams, security: [] },
    handler: async (req, reply) => {
      const p = req.params as { app: string; hook: string };
      const a = await appByKey(db, p.app, await tenantIdByKey(db, (req.query as Record<string, unknown> | undefined)?.tenant));
      const rawBody = typeof req.body === 'string' ? req.body : '';
      if (a.current_version !== null) {
        const loaded = await publishedConnector(db, a.id, a.current_version, p.hook).catch((err: unknown) => {
          throw apiErrorOf(err);
        });
        if (loaded?.def.inbound) {
          const answer = await handleInbound(ctx, a, loaded, {
            method: req.method === 'GET' ? 'GET' : 'POST', rawBody, contentType: String(req.headers['content-type'] ?? ''), headers: flat(req.headers), query: flat(req.query),
          }, localeOf(req));
          return reply.status(answer.status).type(answer.contentType).send(answer.body);
        }
      }
      if (req.method !== 'POST') throw new KilnError('HOOK_NOT_FOUND', `No inbound connector "${p.hook}" in app "${p.app}".`);
      return webhookRule(req, a, p.hook, rawBody);
    },
  });

  /** The webhook-rule hook (moved here from rule-routes.ts unchanged, but for the raw-body parsing). */
  async function webhookRule(req: FastifyRequest, a: AppRow, hook: string, rawBody: string) {
    if (a.current_version === null) throw new KilnError('HOOK_NOT_FOUND');
    const rules = await appRules(db, a, a.current_version);
    const rule = rules.webhooks.get(hook);
    if (!rule || rule.trigger.event !== 'webhook') throw new KilnError('HOOK_NOT_FOUND', `No webhook "${hook}" in app "${a.key}".`);
    const secret = rule.trigger.secret;
    if (secret && !safeEqual(String(req.headers['x-kiln-token'] ?? ''), secret)) throw new KilnError('HOOK_UNAUTHORIZED');
    const payload = webhookBody(String(req.headers['content-type'] ?? ''), rawBody);
    const now = ctx.clock.now().toISOString();
    const delivery = String(req.headers['idempotency-key'] ?? req.id);
    const outcome = await inWriteScope(ctx, { userId: null, locale: localeOf(req) }, (ws) =>
      evaluateTrigger(ws, a, rules, rule, { record: null, old: null, changed: [], event: { type: 'webhook', app: a.key, hook, at: now, user: null, params: req.query ?? {}, payload } }, `webhook:${hook}:${delivery}`));
    return { ok: true, matched: outcome.matched, effects: outcome.effects.length };
  }
}

/** A webhook rule's payload: JSON (lossless), plain text as a string, nothing as null. */
function webhookBody(contentType: string, raw: string): unknown {
  if (!raw.trim()) return null;
  if (/json/i.test(contentType) || !contentType) {
    try {
      return parseJsonLossless(raw);
    } catch {
      throw new KilnError('INVALID_JSON');
    }
  }
  if (/^text\//i.test(contentType)) return raw;
  throw new KilnError('UNSUPPORTED_MEDIA_TYPE', 'Send the webhook payload as application/json.');
}
