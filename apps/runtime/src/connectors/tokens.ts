import type { Kysely, Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { decrypt, encrypt, secretKey } from './secrets.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/**
 * A logged-in session or access token, as the transport adds it to requests. `fp` fingerprints
 * the auth settings it was obtained with: changed settings make it unusable.
 */
export interface CachedSession {
  fp: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** When it stops being usable (runtime clock, ISO). */
  expiresAt: string;
}

// Per context (one per process): the database copy is what other processes share.
const memory = new WeakMap<KilnContext, Map<string, CachedSession>>();
const mem = (ctx: KilnContext) => {
  let m = memory.get(ctx);
  if (!m) memory.set(ctx, (m = new Map()));
  return m;
};
const aad = (appId: number, connector: string) => `token:${appId}:${connector}`;

/** The cached session of a connector if it is still usable for these settings (`fp`), else null. */
export async function getToken(ctx: KilnContext, appId: number, connector: string, fp: string): Promise<CachedSession | null> {
  const now = ctx.clock.now().toISOString();
  const k = `${appId}:${connector}`;
  const hit = mem(ctx).get(k);
  if (hit && hit.fp === fp && hit.expiresAt > now) return hit;
  const row = await ctx.db.selectFrom('connector_tokens').select(['value', 'expires_at']).where('app_id', '=', appId).where('connector', '=', connector).executeTakeFirst();
  if (!row) return null;
  let session: CachedSession;
  try {
    session = JSON.parse(decrypt(secretKey(ctx.config), row.value, aad(appId, connector))) as CachedSession;
  } catch {
    return null; // another key or a damaged value: log in again
  }
  if (session.fp !== fp || session.expiresAt <= now) return null;
  mem(ctx).set(k, session);
  return session;
}

/** Stores a fresh session for every process. */
export async function putToken(ctx: KilnContext, appId: number, connector: string, session: CachedSession): Promise<void> {
  mem(ctx).set(`${appId}:${connector}`, session);
  const value = encrypt(secretKey(ctx.config), JSON.stringify(session), aad(appId, connector));
  await ctx.db.insertInto('connector_tokens').values({ app_id: appId, connector, value, expires_at: session.expiresAt })
    .onConflict((oc) => oc.columns(['app_id', 'connector']).doUpdateSet({ value, expires_at: session.expiresAt }))
    .execute();
}

/** Forgets a connector's session (re-login, or its settings changed). */
export async function dropToken(ctx: KilnContext, appId: number, connector: string, db: Db = ctx.db): Promise<void> {
  mem(ctx).delete(`${appId}:${connector}`);
  await db.deleteFrom('connector_tokens').where('app_id', '=', appId).where('connector', '=', connector).execute();
}
