import { sql, type Kysely, type Transaction } from 'kysely';
import type { FormDefinition } from '@kiln/engine-forms';
import type { FlowDefinition } from '@kiln/engine-flow';
import type { RuleDefinition } from '@kiln/engine-rules';
import type { KilnDatabase, PublishedMetadata } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { safeName } from '../records/columns.js';
import { KEY, METADATA_KINDS } from './kinds.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** An app row. */
export interface AppRow {
  id: number;
  key: string;
  /** The workspace the app belongs to. */
  tenant_id: number;
  name: { 'zh-CN': string; en: string };
  current_version: number | null;
}

/** A published version with typed forms. */
export interface Published {
  version: number;
  metadata: PublishedMetadata & { forms: Record<string, FormDefinition> };
}

/** The workspace of installations that have never made another one. */
export const DEFAULT_TENANT = 1;

/**
 * Finds an app by key within a tenant, or throws APP_NOT_FOUND — the same answer whether the key
 * is unused or belongs to another tenant's app.
 */
export async function appByKey(db: Db, key: string, tenantId: number): Promise<AppRow> {
  const row = await db.selectFrom('apps').select(['id', 'key', 'name', 'current_version', 'tenant_id']).where('key', '=', key).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) throw new KilnError('APP_NOT_FOUND', `No app "${key}".`);
  return row as AppRow;
}

/**
 * An app of the tenant by key together with the app roles `userId` holds explicitly
 * (`app_members`), in one statement — the access layer needs both on every request.
 */
export async function appForMember(db: Db, key: string, tenantId: number, userId: number): Promise<AppRow & { memberRoles: string[] }> {
  const row = await db.selectFrom('apps')
    .select(['id', 'key', 'name', 'current_version', 'tenant_id'])
    .select(sql<string[]>`array(select m.role_key from app_members m where m.app_id = apps.id and m.user_id = ${userId} order by m.role_key)`.as('member_roles'))
    .where('key', '=', key).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) throw new KilnError('APP_NOT_FOUND', `No app "${key}".`);
  const { member_roles, ...app } = row;
  return { ...(app as AppRow), memberRoles: member_roles ?? [] };
}

/** An app by id (jobs and tasks point at apps by id), or null. */
export async function appById(db: Db, id: number): Promise<AppRow | null> {
  const row = await db.selectFrom('apps').select(['id', 'key', 'name', 'current_version', 'tenant_id']).where('id', '=', id).executeTakeFirst();
  return (row as AppRow | undefined) ?? null;
}

/** The app's draft forms, rules and flows (what the studio is editing), for checks, test consoles and dry runs. */
export async function draftDefinitions(db: Db, app: Pick<AppRow, 'id'>): Promise<{ forms: Record<string, FormDefinition>; rules: Record<string, RuleDefinition>; flows: Record<string, FlowDefinition> }> {
  const rows = await db.selectFrom('drafts').select(['kind', 'key', 'definition']).where('app_id', '=', app.id).where('kind', 'in', ['forms', 'rules', 'flows']).execute();
  const out = { forms: {} as Record<string, FormDefinition>, rules: {} as Record<string, RuleDefinition>, flows: {} as Record<string, FlowDefinition> };
  for (const r of rows) {
    if (r.kind === 'forms' && !Array.isArray((r.definition as { fields?: unknown }).fields)) continue;
    (out[r.kind as keyof typeof out] as Record<string, unknown>)[r.key] = r.definition;
  }
  return out;
}

/** App keys the operator UI uses as its own pages under `/app/…`. */
export const RESERVED_APP_KEYS = new Set(['login', 'tasks', 'submissions', 'instances']);

/** Creates an app; refuses bad keys (INVALID_KEY) and taken ones (APP_EXISTS). */
export async function createApp(db: Db, input: { key: string; name?: { 'zh-CN'?: string; en?: string } }, userId: number | null, tenantId: number = DEFAULT_TENANT): Promise<AppRow> {
  if (typeof input.key !== 'string' || !KEY.test(input.key)) throw new KilnError('INVALID_KEY', undefined, { path: '/key' });
  if (RESERVED_APP_KEYS.has(input.key)) throw new KilnError('INVALID_KEY', `"${input.key}" is reserved by the operator pages (/app/${input.key}); pick another key.`, { path: '/key' });
  const zh = input.name?.['zh-CN']?.trim() || input.name?.en?.trim() || input.key;
  const en = input.name?.en?.trim() || zh;
  const row = await db.insertInto('apps').values({ key: input.key, name: JSON.stringify({ 'zh-CN': zh, en }) as never, current_version: null, created_by: userId, tenant_id: tenantId })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning(['id', 'key', 'name', 'current_version', 'tenant_id']).executeTakeFirst();
  if (!row) throw new KilnError('APP_EXISTS', `An app "${input.key}" already exists.`);
  return row as AppRow;
}

// Published versions are immutable, so caching them by (app, version) is always correct,
// and several runtime processes can each keep their own copy.
const caches = new WeakMap<object, Map<string, Published>>();

/** The app's current published version, or null if never published. */
export async function currentPublished(db: Db, app: AppRow): Promise<Published | null> {
  if (app.current_version === null) return null;
  return versionOf(db, app.id, app.current_version);
}

/** One published version (cached), or null. */
export async function versionOf(db: Db, appId: number, version: number): Promise<Published | null> {
  const k = `${appId}:${version}`;
  const root = 'getExecutor' in db ? (db as unknown as { getExecutor(): object }).getExecutor() : db;
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = new Map()));
  const hit = cache.get(k);
  if (hit) return hit;
  const row = await db.selectFrom('app_versions').select(['version', 'metadata']).where('app_id', '=', appId).where('version', '=', version).executeTakeFirst();
  if (!row) return null;
  const published = { version: row.version, metadata: row.metadata as Published['metadata'] };
  cache.set(k, published);
  return published;
}

/** The published form or FORM_NOT_FOUND. */
export async function publishedForm(db: Db, app: AppRow, formKey: string): Promise<{ version: number; form: FormDefinition; forms: Record<string, FormDefinition> }> {
  const published = await currentPublished(db, app);
  const form = published?.metadata.forms[formKey];
  if (!published || !form) throw new KilnError('FORM_NOT_FOUND', `No published form "${formKey}" in app "${app.key}".`);
  return { version: published.version, form, forms: published.metadata.forms };
}

/** Saves every definition of `metadata` as the app's draft (insert or replace). */
export async function writeDrafts(db: Db, appId: number, metadata: PublishedMetadata, userId: number | null, now: string): Promise<void> {
  const rows = METADATA_KINDS.flatMap((kind) => Object.entries(metadata[kind]).map(([key, def]) => ({ app_id: appId, kind, key, definition: JSON.stringify(def) as never, updated_by: userId, updated_at: now })));
  if (!rows.length) return;
  await db.insertInto('drafts').values(rows)
    .onConflict((oc) => oc.columns(['app_id', 'kind', 'key']).doUpdateSet((eb) => ({ definition: eb.ref('excluded.definition'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/**
 * Deletes an app with all its data: its record tables and the app row (drafts, versions and
 * public slugs, outbox, notifications and traces go with it by cascade; its scheduled jobs are
 * removed), in one transaction.
 */
export async function deleteApp(db: Kysely<KilnDatabase>, appId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tables = await trx.selectFrom('form_tables').select(['table_name']).where('app_id', '=', appId).execute();
    for (const t of tables) await sql`drop table if exists ${sql.id(safeName(t.table_name))} cascade`.execute(trx);
    await sql`delete from jobs where key like ${`schedule:${appId}:%`}`.execute(trx);
    await trx.deleteFrom('apps').where('id', '=', appId).execute();
  });
}
