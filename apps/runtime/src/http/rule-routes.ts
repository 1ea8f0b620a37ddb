import type { FormDefinition } from '@kiln/engine-forms';
import { checkRules, schemaFromForms, type RuleDefinition } from '@kiln/engine-rules';
import type { FastifyInstance } from 'fastify';
import { KilnError } from '../errors.js';
import { appByKey, draftDefinitions } from '../metadata/apps.js';
import { KEY } from '../metadata/kinds.js';
import { appRules, compileAppRules } from '../rules/app-rules.js';
import { computeFormulas } from '../rules/formulas.js';
import { lookupPort } from '../rules/lookup.js';
import { sandbox } from '../rules/sandbox.js';
import { listTraces } from '../rules/traces.js';
import { currentUser, localeOf, requireRole, tenantOf } from './guard.js';

const appParams = { type: 'object', properties: { app: { type: 'string' } }, required: ['app'] } as const;
const ruleParams = { type: 'object', properties: { app: { type: 'string' }, key: { type: 'string' } }, required: ['app', 'key'] } as const;


function ruleOf(body: unknown): RuleDefinition {
  const rule = (body as { rule?: unknown } | null)?.rule as RuleDefinition | undefined;
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw new KilnError('BAD_REQUEST', 'Send {"rule": <rule definition>}.', { path: '/rule' });
  if (typeof rule.key !== 'string' || !KEY.test(rule.key)) throw new KilnError('INVALID_KEY', 'The rule needs a valid key.', { path: '/rule/key' });
  return rule;
}

/** Rule tooling (check, test console, traces), formula preview, notifications (inbound webhooks: hook-routes.ts). */
export async function ruleRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.kiln;
  const { db } = ctx;
  const builder = requireRole('builder');

  app.post('/api/apps/:app/rules/check', { preHandler: builder, schema: { summary: 'Static checks of a rule against the draft forms', tags: ['rules'], params: appParams } }, async (req) => {
    const rule = ruleOf(req.body);
    const a = await appByKey(db, (req.params as { app: string }).app, tenantOf(req));
    const d = await draftDefinitions(db, a);
    const all = { ...d.rules, [rule.key]: rule };
    const problems = checkRules(all, schemaFromForms(d.forms), { locale: localeOf(req) }).filter((p) => p.rule === rule.key);
    return { problems };
  });

  app.post('/api/apps/:app/rules/test', { preHandler: builder, schema: { summary: 'Run a (draft) rule in the sandbox against sample facts; effects are not applied', tags: ['rules'], params: appParams } }, async (req) => {
    const rule = ruleOf(req.body);
    const a = await appByKey(db, (req.params as { app: string }).app, tenantOf(req));
    const d = await draftDefinitions(db, a);
    const compiled = compileAppRules(a.id, 0, { ...d.rules, [rule.key]: rule }, {});
    const problems = compiled.problems.filter((p) => p.rule === rule.key && p.severity === 'error');
    if (problems.length) return { ok: false, error: problems[0], problems, trace: { durationUs: 0, lookups: 0 } };
    const given = ((req.body as { facts?: unknown }).facts ?? {}) as Record<string, unknown>;
    if (typeof given !== 'object' || Array.isArray(given)) throw new KilnError('BAD_REQUEST', '"facts" must be an object.', { path: '/facts' });
    const now = ctx.clock.now().toISOString();
    const user = currentUser(req);
    const trigger = rule.type === 'trigger' ? rule.trigger : null;
    const facts = {
      record: null, old: null, changed: [],
      ...given,
      event: { type: trigger?.event ?? 'test', app: a.key, form: trigger && 'form' in trigger ? trigger.form : null, at: now, user: { id: user.id, role: user.role }, params: {}, ...(given.event as object | undefined) },
    };
    const lookup = a.current_version === null ? undefined : lookupPort(db, db, a);
    const res = await sandbox().run(compiled.program, { kind: rule.type === 'table' ? 'tables' : 'rules', key: rule.key }, facts, { now, lookup });
    const trace = { durationUs: Math.round(res.durationUs), lookups: res.lookups };
    return res.ok ? { ok: true, outcome: res.value, trace } : { ok: false, error: res.error, trace };
  });

  app.get('/api/apps/:app/rules/:key/traces', {
    preHandler: builder,
    schema: { summary: 'Latest evaluations of a published rule (inputs, outcome, effects, time)', tags: ['rules'], params: ruleParams, querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 50 } } } },
  }, async (req) => {
    const p = req.params as { app: string; key: string };
    const a = await appByKey(db, p.app, tenantOf(req));
    return { items: await listTraces(db, a.id, p.key, (req.query as { limit?: number }).limit ?? 20) };
  });

  app.post('/api/apps/:app/compute', { preHandler: requireRole('operator', 'builder'), schema: { summary: 'Compute formula fields of a form for given values (preview)', tags: ['records'], params: appParams } }, async (req) => {
    const a = await appByKey(db, (req.params as { app: string }).app, tenantOf(req));
    const body = (req.body ?? {}) as { form?: FormDefinition; formKey?: string; values?: Record<string, unknown> };
    const values = body.values && typeof body.values === 'object' && !Array.isArray(body.values) ? body.values : {};
    if (body.form && typeof body.form === 'object') {
      currentUser(req, 'builder');
      const form = body.form;
      if (typeof form.key !== 'string' || !KEY.test(form.key)) throw new KilnError('INVALID_KEY', 'The form needs a valid key.', { path: '/form/key' });
      const compiled = compileAppRules(a.id, 0, {}, { [form.key]: form });
      const formulas = compiled.formulas.get(form.key) ?? [];
      // A formula that does not compile reports its problem under its program entry id.
      const errors: Record<string, string> = {};
      for (const f of formulas) {
        const p = compiled.problems.find((x) => x.severity === 'error' && x.rule === f.exprId);
        if (p) errors[f.key] = p.message;
      }
      const out = await computeFormulas(ctx, formulas, compiled.program, values);
      return { values: out.values, errors: { ...out.errors, ...errors } };
    }
    if (typeof body.formKey !== 'string') throw new KilnError('BAD_REQUEST', 'Send {"formKey", "values"} or {"form", "values"}.');
    if (a.current_version === null) throw new KilnError('APP_NOT_PUBLISHED');
    const rules = await appRules(db, a, a.current_version);
    return computeFormulas(ctx, rules.formulas.get(body.formKey) ?? [], rules.program, values);
  });

  app.get('/api/notifications', { preHandler: requireRole(), schema: { summary: "The caller's in-app notifications, newest first", tags: ['rules'] } }, async (req) => {
    const user = currentUser(req);
    const rows = await db.selectFrom('notifications').innerJoin('apps', 'apps.id', 'notifications.app_id')
      .select(['notifications.id', 'apps.key as app', 'title', 'body', 'source', 'read_at as readAt', 'notifications.created_at as createdAt'])
      .where('apps.tenant_id', '=', user.tenantId).where((eb) => eb.or([eb('user_id', '=', user.id), eb('role', '=', user.role)])).orderBy('notifications.id', 'desc').limit(100).execute();
    return { items: rows.map((r) => ({ ...r, id: Number(r.id) })) };
  });
}
