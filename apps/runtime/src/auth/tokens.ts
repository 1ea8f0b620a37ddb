import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser, KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { hashSecret as hash, TOUCH_INTERVAL_MS } from './secret-hash.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** API tokens start with this (sessions with `kiln_`), so the auth hook knows which table to ask. */
export const API_TOKEN_PREFIX = 'kilt_';


/** An API token as listed (never the secret). */
export interface ApiTokenItem {
  id: number;
  name: string;
  role: string;
  /** The first 8 characters after `kilt_`, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  createdBy: { id: number; email: string } | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** What creating a token answers: the listed item plus the secret, shown this once. */
export type CreatedApiToken = ApiTokenItem & { token: string };

/**
 * Creates an API token for one app and one role key of it (the caller checks the role exists).
 * The secret is `kilt_` + 32 random bytes (base64url); only its sha256 is stored.
 */
export async function createApiToken(db: Db, at: Date, input: { tenantId: number; appId: number; roleKey: string; name: string; expiresAt?: string | null; createdBy: { id: number; email: string } }): Promise<CreatedApiToken> {
  const secret = randomBytes(32).toString('base64url');
  const token = API_TOKEN_PREFIX + secret;
  const row = await db.insertInto('api_tokens').values({
    tenant_id: input.tenantId, app_id: input.appId, role_key: input.roleKey, name: input.name, token_hash: hash(token), prefix: secret.slice(0, 8),
    created_by: input.createdBy.id, created_at: at.toISOString(), expires_at: input.expiresAt ?? null, revoked_at: null, last_used_at: null,
  }).returning(['id', 'name', 'role_key', 'prefix', 'created_at', 'expires_at']).executeTakeFirstOrThrow();
  return {
    id: row.id, name: row.name, role: row.role_key, prefix: row.prefix, createdAt: row.created_at, createdBy: input.createdBy,
    expiresAt: row.expires_at, revokedAt: null, lastUsedAt: null, token,
  };
}

/** An app's tokens, newest first (revoked and expired ones included, marked). */
export async function listApiTokens(db: Db, appId: number): Promise<ApiTokenItem[]> {
  const rows = await db.selectFrom('api_tokens').leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.role_key', 'api_tokens.prefix', 'api_tokens.created_at', 'api_tokens.created_by', 'users.email',
      'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
    .where('api_tokens.app_id', '=', appId).orderBy('api_tokens.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, role: r.role_key, prefix: r.prefix, createdAt: r.created_at,
    createdBy: r.created_by !== null && r.email !== null ? { id: Number(r.created_by), email: r.email } : null,
    expiresAt: r.expires_at, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at,
  }));
}

/**
 * Revokes a token of the app (it stops working on the next request); revoking again keeps the
 * first time. Returns the token before and after, for the audit trail. TOKEN_NOT_FOUND if the
 * app has no such token.
 */
export async function revokeApiToken(db: Db, at: Date, appId: number, id: number): Promise<{ before: ApiTokenItem; after: ApiTokenItem }> {
  const before = (await listApiTokens(db, appId)).find((t) => t.id === id);
  if (!before) throw new KilnError('TOKEN_NOT_FOUND', `No token ${id} in this app.`);
  await db.updateTable('api_tokens').set({ revoked_at: at.toISOString() }).where('id', '=', id).where('app_id', '=', appId).where('revoked_at', 'is', null).execute();
  const after = (await listApiTokens(db, appId)).find((t) => t.id === id)!;
  return { before, after };
}

/**
 * The caller behind an API token, or null when it is unknown, revoked, expired, or its creator
 * is gone or disabled. The caller acts as the token's creator (so `createdBy` stays meaningful)
 * with role `operator`, in the app's tenant, limited to `scope` (one app, one role).
 */
export async function userOfApiToken(ctx: KilnContext, token: string): Promise<CurrentUser | null> {
  const row = await ctx.db.selectFrom('api_tokens')
    .innerJoin('apps', 'apps.id', 'api_tokens.app_id')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.id as tokenId', 'api_tokens.role_key', 'api_tokens.app_id', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at',
      'apps.tenant_id', 'users.id as userId', 'users.email', 'users.display_name', 'users.disabled'])
    .where('api_tokens.token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled) return null;
  const now = ctx.clock.now().getTime();
  if (row.expires_at !== null && new Date(row.expires_at).getTime() <= now) return null;
  if (row.last_used_at === null || now - new Date(row.last_used_at).getTime() >= TOUCH_INTERVAL_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: new Date(now).toISOString() }).where('id', '=', row.tokenId).execute();
  }
  return {
    id: row.userId, email: row.email, role: 'operator', tenantId: Number(row.tenant_id), displayName: row.display_name, phone: null, groups: [], attributes: {},
    via: 'token', tokenId: row.tokenId, scope: { appId: row.app_id, roleKey: row.role_key },
  };
}
