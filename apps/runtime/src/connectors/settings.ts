import { performance } from 'node:perf_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { decrypt, encrypt, secretKey } from './secrets.js';
import { dropToken } from './tokens.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** One installation's settings of a connector (not versioned with the app; secrets decrypted). */
export interface ConnectorSettings {
  /** Overrides the definition's base URL (null: use the definition's). */
  baseUrl: string | null;
  /** Secret values by name (see `secretNames` of @kiln/engine-connectors). */
  secrets: Record<string, string>;
  updatedAt: string | null;
}

/** What {@link saveConnectorSettings} changes: a base URL (null clears it) and secrets (null clears one). */
export interface SettingsPatch {
  baseUrl?: string | null;
  secrets?: Record<string, string | null>;
}

const aad = (appId: number, connector: string) => `settings:${appId}:${connector}`;

/** Throws CONNECTOR_SETTINGS_INVALID unless `url` is an absolute http(s) URL. */
export function checkBaseUrl(url: string): void {
  let ok = false;
  try {
    const u = new URL(url);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && Boolean(u.host);
  } catch {
    ok = false;
  }
  if (!ok) throw new KilnError('CONNECTOR_SETTINGS_INVALID', 'The base URL must be an absolute http:// or https:// URL.', { path: '/baseUrl' });
}

/** Reads a connector's settings (empty when none were saved). */
export async function loadConnectorSettings(ctx: KilnContext, appId: number, connector: string, db: Db = ctx.db): Promise<ConnectorSettings> {
  const row = await db.selectFrom('connector_settings').select(['base_url', 'secrets', 'updated_at']).where('app_id', '=', appId).where('connector', '=', connector).executeTakeFirst();
  if (!row) return { baseUrl: null, secrets: {}, updatedAt: null };
  let secrets: Record<string, string> = {};
  if (row.secrets) {
    try {
      secrets = JSON.parse(decrypt(secretKey(ctx.config), row.secrets, aad(appId, connector))) as Record<string, string>;
    } catch {
      // Encrypted with another KILN_SECRET_KEY: unreadable, so shown as not set until set again.
      console.warn(`[kiln] the secrets of connector "${connector}" (app ${appId}) cannot be decrypted with this KILN_SECRET_KEY; set them again.`);
    }
  }
  return { baseUrl: row.base_url, secrets, updatedAt: row.updated_at };
}

// Per context (one per process): settings as the delivery worker uses them, decrypted, for a
// second. Saving through saveConnectorSettings bumps the generation, so this process sees its own
// change at once; another process sees it within SETTINGS_CACHE_MS.
/** How long the delivery worker reuses a connector's decrypted settings (real time and runtime clock). */
export const SETTINGS_CACHE_MS = 1000;
interface CachedSettings { settings: ConnectorSettings; gen: number; at: number; clockAt: number }
const settingsCache = new WeakMap<KilnContext, { gen: number; entries: Map<string, CachedSettings> }>();
const cacheOf = (ctx: KilnContext) => {
  let c = settingsCache.get(ctx);
  if (!c) settingsCache.set(ctx, (c = { gen: 0, entries: new Map() }));
  return c;
};

/**
 * A connector's settings on the hot paths (deliveries, inbound hooks): {@link loadConnectorSettings}, reused for up to
 * {@link SETTINGS_CACHE_MS} (of both real time and the runtime clock) until this process saves
 * settings. Changes saved by another process are seen up to that long after.
 */
export async function cachedConnectorSettings(ctx: KilnContext, appId: number, connector: string): Promise<ConnectorSettings> {
  const c = cacheOf(ctx);
  const k = `${appId}:${connector}`;
  const now = performance.now();
  const clockNow = ctx.clock.now().getTime();
  const hit = c.entries.get(k);
  if (hit && hit.gen === c.gen && now - hit.at < SETTINGS_CACHE_MS && clockNow >= hit.clockAt && clockNow - hit.clockAt < SETTINGS_CACHE_MS) return hit.settings;
  const gen = c.gen;
  const settings = await loadConnectorSettings(ctx, appId, connector);
  if (gen === c.gen) c.entries.set(k, { settings, gen, at: now, clockAt: clockNow });
  return settings;
}

/**
 * Changes a connector's settings: `baseUrl` (absolute http(s), null clears) and `secrets` merged
 * by name (a string sets, null clears); stored encrypted. A cached session/token of the connector
 * is dropped, so the next call logs in with the new values. The template installer stores demo
 * credentials with it; the settings API checks secret names against the definition first.
 * Pass `db` to write inside an open transaction.
 *
 * @example await saveConnectorSettings(ctx, app.id, 'kingdee', { baseUrl: 'http://127.0.0.1:4101/k3cloud/', secrets: { password: 'demo-pass' } }, userId);
 */
export async function saveConnectorSettings(ctx: KilnContext, appId: number, connector: string, patch: SettingsPatch, userId: number | null, db: Db = ctx.db): Promise<ConnectorSettings> {
  if (patch.baseUrl !== undefined && patch.baseUrl !== null) checkBaseUrl(patch.baseUrl);
  for (const [name, value] of Object.entries(patch.secrets ?? {})) {
    if (value !== null && typeof value !== 'string') throw new KilnError('CONNECTOR_SETTINGS_INVALID', `Secret "${name}" must be a string or null.`, { path: `/secrets/${name}` });
  }
  const current = await loadConnectorSettings(ctx, appId, connector, db);
  const secrets = { ...current.secrets };
  for (const [name, value] of Object.entries(patch.secrets ?? {})) {
    if (value === null || value === '') delete secrets[name];
    else secrets[name] = value;
  }
  const baseUrl = patch.baseUrl === undefined ? current.baseUrl : patch.baseUrl;
  const now = ctx.clock.now().toISOString();
  // Before and after the write (it may be inside a transaction not yet committed): a delivery
  // that read the old row meanwhile does not keep it.
  cacheOf(ctx).gen++;
  const stored = Object.keys(secrets).length ? encrypt(secretKey(ctx.config), JSON.stringify(secrets), aad(appId, connector)) : null;
  await db.insertInto('connector_settings').values({ app_id: appId, connector, base_url: baseUrl, secrets: stored, updated_at: now, updated_by: userId })
    .onConflict((oc) => oc.columns(['app_id', 'connector']).doUpdateSet({ base_url: baseUrl, secrets: stored, updated_at: now, updated_by: userId }))
    .execute();
  await dropToken(ctx, appId, connector, db);
  cacheOf(ctx).gen++;
  cacheOf(ctx).entries.clear();
  return { baseUrl, secrets, updatedAt: now };
}
