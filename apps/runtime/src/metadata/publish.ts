import { sql } from 'kysely';
import { validateFormDefinition, type FormDefinition } from '@kiln/engine-forms';
import type { KilnContext } from '../context.js';
import type { PublishedMetadata } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { checkExpression, checkRules, schemaFromForms, validateRole, type RuleDefinition } from '@kiln/engine-rules';
import { validateFlow, type FlowDefinition } from '@kiln/engine-flow';
import { syncFormStorage } from '../records/schema-sync.js';
import { syncSchedules, validCron } from '../rules/schedule.js';
import { appByKey, DEFAULT_TENANT, versionOf, writeDrafts } from './apps.js';
import { checkReportDrafts, formsOf } from './check-reports.js';
import { checkConnectorDrafts } from '../connectors/check.js';
import { emptyMetadata, METADATA_KINDS, KEY } from './kinds.js';

/** One reason a publish was refused, pointing into a draft. */
export interface PublishProblem {
  kind: string;
  key: string;
  path: string;
  code: string;
  message: string;
}


/** Checks a whole metadata set; returns every problem (empty = publishable). */
export function checkMetadata(metadata: PublishedMetadata, locale: 'zh-CN' | 'en'): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const formKeys = Object.keys(metadata.forms);
  for (const kind of METADATA_KINDS) {
    for (const [key, def] of Object.entries(metadata[kind])) {
      if (!KEY.test(key)) problems.push({ kind, key, path: '', code: 'INVALID_KEY', message: locale === 'en' ? 'Invalid key.' : '键名无效。' });
      if (!def || typeof def !== 'object' || Array.isArray(def)) {
        problems.push({ kind, key, path: '', code: 'DEFINITION_NOT_OBJECT', message: locale === 'en' ? 'The definition must be a JSON object.' : '定义必须是 JSON 对象。' });
      }
    }
  }
  const slugs = new Map<string, string>();
  for (const [key, def] of Object.entries(metadata.forms)) {
    if (!def || typeof def !== 'object') continue;
    const form = def as FormDefinition;
    if (form.key !== key) problems.push({ kind: 'forms', key, path: '/key', code: 'FORM_KEY_MISMATCH', message: locale === 'en' ? `The form key must be "${key}".` : `表单键名必须是 "${key}"。` });
    for (const p of validateFormDefinition(form, { formKeys })) problems.push({ kind: 'forms', key, path: p.path, code: p.code, message: p.message[locale] || p.message['zh-CN'] });
    const slug = form.public?.enabled ? form.public.slug : undefined;
    if (slug) {
      const other = slugs.get(slug);
      if (other) problems.push({ kind: 'forms', key, path: '/public/slug', code: 'PUBLIC_SLUG_TAKEN', message: locale === 'en' ? `The slug "${slug}" is used by form "${other}".` : `链接名 "${slug}" 已被表单 "${other}" 使用。` });
      slugs.set(slug, key);
    }
  }
  problems.push(...checkRuleDrafts(metadata, locale));
  problems.push(...checkFlowDrafts(metadata, locale));
  problems.push(...checkReportDrafts(metadata, locale));
  problems.push(...checkConnectorDrafts(metadata, locale));
  problems.push(...checkRoleDrafts(metadata));
  return problems;
}

/** Publish-time validation of every role: grants, row policies (with character offsets) and field policies against the forms. */
export function checkRoleDrafts(metadata: PublishedMetadata): (PublishProblem & { from?: number; to?: number })[] {
  const roles = Object.entries(metadata.roles ?? {});
  if (!roles.length) return [];
  const ctx = { forms: formsOf(metadata), flows: metadata.flows, reports: metadata.reports };
  const out: (PublishProblem & { from?: number; to?: number })[] = [];
  for (const [key, def] of roles) {
    if ((def as { key?: unknown })?.key !== key) out.push({ kind: 'roles', key, path: '/key', code: 'ROLE_INVALID', message: `The role key must be "${key}".` });
    for (const p of validateRole(def, ctx)) out.push({ ...p, kind: 'roles', key, path: p.path ?? '', code: p.code, message: p.message });
  }
  return out;
}

/** Publish-time validation of every flow (graph, assignees, expressions against its form); problems carry the node id. */
export function checkFlowDrafts(metadata: PublishedMetadata, locale: 'zh-CN' | 'en'): (PublishProblem & { nodeId?: string; edgeId?: string })[] {
  const flows = Object.entries(metadata.flows).filter(([, d]) => d && typeof d === 'object' && !Array.isArray(d)) as [string, FlowDefinition][];
  if (!flows.length) return [];
  const forms = formsOf(metadata);
  const schema = schemaFromForms(forms);
  const out: (PublishProblem & { nodeId?: string; edgeId?: string })[] = [];
  for (const [key, def] of flows) {
    if (def.key !== key) out.push({ kind: 'flows', key, path: '/key', code: 'FLOW_INVALID', message: locale === 'en' ? `The flow key must be "${key}".` : `流程键名必须是 "${key}"。` });
    const problems = validateFlow(def, {
      forms, flows: Object.keys(metadata.flows), connectors: Object.keys(metadata.connectors), locale,
      checkExpression: (source) => {
        const p = checkExpression(source, 'trigger', schema, { locale, form: typeof def.form === 'string' ? def.form : undefined }).find((x) => x.severity === 'error');
        return p ? p.message : null;
      },
    });
    for (const p of problems) {
      const index = p.nodeId !== undefined ? def.nodes.findIndex((n) => n?.id === p.nodeId) : -1;
      const path = index >= 0 ? `/nodes/${index}${p.path ?? ''}` : p.path ?? '';
      out.push({ kind: 'flows', key, path, code: p.code, message: p.message, ...(p.nodeId !== undefined ? { nodeId: p.nodeId } : {}), ...(p.edgeId !== undefined ? { edgeId: p.edgeId } : {}) });
    }
  }
  return out;
}

/** Static checks of every rule against the forms being published (paths point into each rule). */
function checkRuleDrafts(metadata: PublishedMetadata, locale: 'zh-CN' | 'en'): PublishProblem[] {
  const rules = Object.fromEntries(Object.entries(metadata.rules).filter(([, d]) => d && typeof d === 'object')) as Record<string, RuleDefinition>;
  if (!Object.keys(rules).length) return [];
  const forms = formsOf(metadata);
  const out: PublishProblem[] = [];
  for (const p of checkRules(rules, schemaFromForms(forms), { locale, flows: Object.keys(metadata.flows), connectors: Object.keys(metadata.connectors) })) {
    if (p.severity !== 'error') continue;
    out.push({ ...p, kind: 'rules', key: p.rule ?? '', path: p.path ?? '', code: p.code, message: p.message });
  }
  for (const [key, r] of Object.entries(rules)) {
    if (r.type !== 'trigger' || r.trigger?.event !== 'schedule') continue;
    const bad = validCron(r.trigger.cron, r.trigger.timezone);
    if (bad && !out.some((p) => p.key === key && p.path === '/trigger/cron')) out.push({ kind: 'rules', key, path: '/trigger/cron', code: 'RULE_INVALID', message: bad });
  }
  return out;
}

/**
 * Publishes an app: validates every draft (or the given metadata, for rollback), migrates record
 * storage, and writes an immutable version — all in one transaction, so a refusal changes
 * nothing. Returns the new version number.
 */
export async function publishApp(ctx: KilnContext, appKey: string, userId: number | null, opts: { locale: 'zh-CN' | 'en'; metadata?: PublishedMetadata; note?: string; tenantId?: number }): Promise<{ version: number }> {
  const app = await appByKey(ctx.db, appKey, opts.tenantId ?? DEFAULT_TENANT);
  let metadata = opts.metadata;
  if (!metadata) {
    metadata = emptyMetadata();
    const drafts = await ctx.db.selectFrom('drafts').select(['kind', 'key', 'definition']).where('app_id', '=', app.id).execute();
    for (const d of drafts) (metadata[d.kind as keyof PublishedMetadata] as Record<string, unknown>)[d.key] = d.definition;
  }
  const problems = checkMetadata(metadata, opts.locale);
  if (problems.length) throw new KilnError('PUBLISH_INVALID', `${problems.length} problem(s) found; nothing was published.`, { problems });

  const version = await ctx.db.transaction().execute(async (trx) => {
    await sql`select id from apps where id = ${app.id} for update`.execute(trx);
    const slugs = Object.values(metadata.forms).map((f) => f as FormDefinition).filter((f) => f.public?.enabled).map((f) => [f.public!.slug, f.key] as const);
    if (slugs.length) {
      const taken = await trx.selectFrom('public_forms').innerJoin('apps', 'apps.id', 'public_forms.app_id').select(['slug', 'apps.key as app', 'apps.tenant_id as tenant'])
        .where('slug', 'in', slugs.map((s) => s[0])).where('app_id', '!=', app.id).execute();
      if (taken.length) {
        throw new KilnError('PUBLISH_INVALID', 'A public slug is already used by another app; nothing was published.', {
          problems: taken.map((t) => ({ kind: 'forms', key: slugs.find((s) => s[0] === t.slug)![1], path: '/public/slug', code: 'PUBLIC_SLUG_TAKEN', message: Number(t.tenant) !== app.tenant_id
            // Public links are one namespace for every workspace; never name another workspace's app.
            ? (opts.locale === 'en' ? `The public link name "${t.slug}" is taken; pick another.` : `公开链接名 "${t.slug}" 已被占用，请换一个。`)
            : (opts.locale === 'en' ? `The slug "${t.slug}" is used by app "${t.app}".` : `链接名 "${t.slug}" 已被应用 "${t.app}" 使用。`) })),
        });
      }
    }
    await syncFormStorage(trx, app.id, metadata.forms as Record<string, FormDefinition>);
    await syncSchedules(trx, ctx, app.id, metadata.rules);
    const last = await trx.selectFrom('app_versions').select((eb) => eb.fn.max('version').as('v')).where('app_id', '=', app.id).executeTakeFirst();
    const next = Number(last?.v ?? 0) + 1;
    await trx.insertInto('app_versions').values({ app_id: app.id, version: next, metadata: JSON.stringify(metadata) as never, published_by: userId, published_at: ctx.clock.now().toISOString(), note: opts.note ?? null }).execute();
    await trx.updateTable('apps').set({ current_version: next }).where('id', '=', app.id).execute();
    await trx.deleteFrom('public_forms').where('app_id', '=', app.id).execute();
    if (slugs.length) await trx.insertInto('public_forms').values(slugs.map(([slug, form_key]) => ({ slug, app_id: app.id, form_key }))).execute();
    return next;
  });
  return { version };
}

/**
 * Rolls an app back to an earlier version: that version's metadata is published again as a new
 * version (history stays immutable) and becomes the drafts. Fields the rollback removes keep
 * their data; the checks of a normal publish apply.
 */
export async function rollbackApp(ctx: KilnContext, appKey: string, target: number, userId: number | null, locale: 'zh-CN' | 'en', tenantId: number = DEFAULT_TENANT): Promise<{ version: number; restored: number }> {
  const app = await appByKey(ctx.db, appKey, tenantId);
  const old = Number.isInteger(target) ? await versionOf(ctx.db, app.id, target) : null;
  if (!old) throw new KilnError('VERSION_NOT_FOUND', `App "${appKey}" has no version ${target}.`);
  const metadata = { ...emptyMetadata(), ...old.metadata };
  const { version } = await publishApp(ctx, appKey, userId, { locale, metadata, note: `rollback to ${target}` });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('drafts').where('app_id', '=', app.id).execute();
    await writeDrafts(trx, app.id, metadata, userId, ctx.clock.now().toISOString());
  });
  return { version, restored: target };
}
