import { compileForm, type FieldDefinition } from '@kiln/engine-forms';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import { appById } from '../metadata/apps.js';
import { formRuntimeOf, type FormRuntime } from '../records/form-runtime.js';
import { batchWriterOf } from '../records/batch-writer.js';
import { createRecord } from '../records/service.js';
import { appRules } from '../rules/app-rules.js';
import { rulesFor } from '../rules/fire.js';
import { localeOf } from './guard.js';
import { idempotencyKeyOf } from './record-routes.js';

const DEFAULT_LIMIT = { max: 30, perSeconds: 60 };
const slugParams = { type: 'object', properties: { slug: { type: 'string', maxLength: 63 } }, required: ['slug'] } as const;

// slug → resolved form, kept for a second: public pages take spikes, and a batch re-checks the
// version under a lock anyway (a stale entry is detected and refreshed, never written through).
const resolved = new WeakMap<KilnContext, Map<string, { at: number; rt: FormRuntime }>>();
const RESOLVE_TTL_MS = 1000;

/** Resolves a public slug to its published, enabled form or PUBLIC_FORM_NOT_FOUND. */
export async function publicForm(ctx: KilnContext, slug: string, opts: { fresh?: boolean } = {}): Promise<FormRuntime> {
  let cache = resolved.get(ctx);
  if (!cache) resolved.set(ctx, (cache = new Map()));
  const hit = cache.get(slug);
  if (hit && !opts.fresh && Date.now() - hit.at < RESOLVE_TTL_MS) return hit.rt;
  const rt = await resolvePublicForm(ctx, slug);
  if (cache.size > 10_000) cache.clear();
  cache.set(slug, { at: Date.now(), rt });
  return rt;
}

async function resolvePublicForm(ctx: KilnContext, slug: string): Promise<FormRuntime> {
  const row = await ctx.db.selectFrom('public_forms').select(['app_id', 'form_key']).where('slug', '=', slug).executeTakeFirst();
  const app = row ? await appById(ctx.db, row.app_id) : null;
  if (!row || !app) throw new KilnError('PUBLIC_FORM_NOT_FOUND');
  const rt = await formRuntimeOf(ctx.db, app, row.form_key);
  if (!rt.form.public?.enabled || rt.form.public.slug !== slug) throw new KilnError('PUBLIC_FORM_NOT_FOUND');
  return rt;
}

/** Turns a link parameter's text into the field's value type (the validator then judges it). */
function linkValue(field: FieldDefinition, text: string): unknown {
  if (field.type === 'number' || field.type === 'money' || field.type === 'relation' || field.type === 'user') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (field.type === 'boolean') return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : text;
  return text;
}

/**
 * Merges link parameters (`?ref=…&code=…`) into a submission: each field that declares a
 * `linkParam` takes that query parameter's value; link values win over the body's.
 */
export function withLinkParams(rt: FormRuntime, body: unknown, query: Record<string, unknown>): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of rt.form.fields) {
    if (!field.linkParam) continue;
    const raw = query[field.linkParam];
    const text = Array.isArray(raw) ? raw[0] : raw;
    if (typeof text === 'string' && text !== '') out[field.key] = linkValue(field, text.slice(0, 500));
  }
  return out;
}

/**
 * Writes one public submission through the form's group-commit batch writer. Returns null when
 * the form was republished in between (the caller resolves it again and retries once).
 */
async function submitPublic(ctx: KilnContext, rt: FormRuntime, body: unknown, opts: { locale: 'zh-CN' | 'en'; idempotencyKey?: string; attempt: number; params: Record<string, string>; ip?: string }): Promise<{ id: number; created: boolean } | null> {
  const scope = `public:${rt.app.id}:${rt.form.key}`;
  const single = async () => {
    const { record, created } = await createRecord(ctx, rt, body, { userId: null, locale: opts.locale, idempotencyKey: opts.idempotencyKey, scope, dedupeReturnsExisting: true, submitted: true, params: opts.params, actor: { kind: 'public', ip: opts.ip ?? null } });
    return { id: record.id, created };
  };
  // Forms with rules or formulas take the single-record path: their rules run in the
  // submission's own transaction (a refused submission must not take a batch down with it).
  if (opts.attempt > 0 || (await needsRules(ctx, rt))) return single();
  const checked = rt.validator.validate(body, { locale: opts.locale, mode: 'create' });
  if (!checked.ok) throw new KilnError('RECORD_INVALID', undefined, { errors: checked.errors });
  const outcome = await batchWriterOf(ctx, rt).submit(checked.value as Record<string, unknown>, scope, opts.idempotencyKey);
  switch (outcome.kind) {
    case 'created':
      return { id: outcome.id, created: true };
    case 'duplicate':
      return { id: outcome.id, created: false };
    case 'stale':
      return null;
    case 'retry-single':
      return single();
  }
}

/** Link parameters of a submission as strings (first value of each, bounded). */
function linkParamsOf(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, raw] of Object.entries(query ?? {}).slice(0, 50)) {
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (typeof v === 'string' && k !== 'locale') out[k.slice(0, 64)] = v.slice(0, 500);
  }
  return out;
}

async function needsRules(ctx: KilnContext, rt: FormRuntime): Promise<boolean> {
  if (rt.columns.some((c) => c.type === 'formula')) return true;
  const rules = await appRules(ctx.db, rt.app, rt.version);
  return rulesFor(rules, rt.form.key, 'record.created').length > 0 || rulesFor(rules, rt.form.key, 'form.submitted').length > 0
    || (rules.flowStarts.get(`${rt.form.key}|record.created`)?.length ?? 0) > 0 || (rules.flowStarts.get(`${rt.form.key}|form.submitted`)?.length ?? 0) > 0;
}

/** Public (anonymous) form pages' API: schema, and rate-limited, de-duplicated submissions. */
export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  // Per-form limits, looked up briefly cached so the limiter hook costs no query per request.
  const limits = new Map<string, { at: number; max: number; window: number }>();
  const limitOf = async (req: FastifyRequest) => {
    const slug = (req.params as { slug?: string }).slug ?? '';
    const hit = limits.get(slug);
    if (hit && Date.now() - hit.at < 5000) return hit;
    let cfg = DEFAULT_LIMIT;
    try {
      cfg = (await publicForm(ctx, slug)).form.public?.rateLimit ?? DEFAULT_LIMIT;
    } catch {
      /* unknown slug: the handler answers 404 */
    }
    const entry = { at: Date.now(), max: cfg.max, window: cfg.perSeconds * 1000 };
    limits.set(slug, entry);
    return entry;
  };

  app.get('/api/public/forms/:slug', { schema: { summary: 'A public form’s schema and UI schema', tags: ['public'], params: slugParams, security: [] } }, async (req) => {
    const slug = (req.params as { slug: string }).slug;
    const rt = await publicForm(ctx, slug);
    const locale = localeOf(req);
    const { schema, uiSchema } = compileForm(rt.form, { locale });
    return { app: rt.app.key, form: rt.form.key, version: rt.version, title: rt.form.title[locale] || rt.form.title['zh-CN'], schema, uiSchema, definition: rt.form };
  });

  app.post('/api/public/forms/:slug/submissions', {
    schema: { summary: 'Submit a public form (link params in the query; Idempotency-Key honoured; de-duplicated)', tags: ['public'], params: slugParams, security: [] },
    config: {
      rateLimit: {
        max: async (req: FastifyRequest) => (await limitOf(req)).max,
        timeWindow: async (req: FastifyRequest) => (await limitOf(req)).window,
        keyGenerator: (req: FastifyRequest) => `${req.ip}|${(req.params as { slug?: string }).slug ?? ''}`,
      },
    },
  }, async (req, reply) => {
    const slug = (req.params as { slug: string }).slug;
    const idempotencyKey = idempotencyKeyOf(req);
    const locale = localeOf(req);
    for (let attempt = 0; ; attempt++) {
      const rt = await publicForm(ctx, slug, { fresh: attempt > 0 });
      const body = withLinkParams(rt, req.body ?? {}, req.query as Record<string, unknown>);
      const result = await submitPublic(ctx, rt, body, { locale, idempotencyKey, attempt, params: linkParamsOf(req.query as Record<string, unknown>), ip: req.ip });
      if (result) return reply.status(result.created ? 201 : 200).send({ id: result.id, duplicate: !result.created });
    }
  });
}
