import { randomBytes } from 'node:crypto';
import type { KilnContext, CurrentUser, Role } from '../context.js';
import { hashSecret, TOUCH_INTERVAL_MS } from './secret-hash.js';
import { API_TOKEN_PREFIX, userOfApiToken } from './tokens.js';

/** Session bearer tokens start with this; API tokens with `kilt_` (see tokens.ts). */
export const SESSION_PREFIX = 'kiln_';

/** Opens a session and returns its bearer token (only the token's hash is stored). */
export async function openSession(ctx: KilnContext, userId: number, ip: string | null = null): Promise<{ token: string; expiresAt: string }> {
  const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtl * 1000).toISOString();
  await ctx.db.insertInto('sessions').values({ token_hash: hashSecret(token), user_id: userId, expires_at: expiresAt, created_at: now.toISOString(), last_used_at: now.toISOString(), ip }).execute();
  return { token, expiresAt };
}

/**
 * The caller behind an `Authorization` header, or null (no header, unknown / expired / revoked
 * token, disabled user). `Bearer kiln_…` is a session: dead after `sessionTtl`, or after
 * `sessionIdle` seconds without use. `Bearer kilt_…` is an API token: it acts as its creator
 * with role `operator` in one app and one of its roles (`scope`). Times come from the runtime
 * clock; `last_used_at` is refreshed at most once a minute.
 *
 * @example
 * req.user = await resolveCaller(ctx, req.headers.authorization, req.ip);
 */
export async function resolveCaller(ctx: KilnContext, authorizationHeader: string | undefined, ip: string): Promise<CurrentUser | null> {
  void ip; // Not used to resolve (sessions are not pinned to an address); kept for the hook's audit trail.
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
  if (!m) return null;
  const token = m[1]!;
  if (token.startsWith(API_TOKEN_PREFIX)) return userOfApiToken(ctx, token);
  if (token.startsWith(SESSION_PREFIX)) return userOfSession(ctx, token);
  return null;
}

/** Resolves a bearer token (session or API token) to its caller; see {@link resolveCaller}. */
export async function userOfToken(ctx: KilnContext, token: string): Promise<CurrentUser | null> {
  return resolveCaller(ctx, `Bearer ${token}`, '');
}

async function userOfSession(ctx: KilnContext, token: string): Promise<CurrentUser | null> {
  const hash = hashSecret(token);
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.role', 'users.disabled', 'users.tenant_id', 'users.display_name', 'users.phone', 'users.groups', 'users.attributes',
      'sessions.expires_at', 'sessions.created_at', 'sessions.last_used_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  const now = ctx.clock.now().getTime();
  const lastUsed = new Date(row.last_used_at ?? row.created_at).getTime();
  if (new Date(row.expires_at).getTime() <= now || now - lastUsed > ctx.config.sessionIdle * 1000) {
    await ctx.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (now - lastUsed >= TOUCH_INTERVAL_MS) {
    await ctx.db.updateTable('sessions').set({ last_used_at: new Date(now).toISOString() }).where('token_hash', '=', hash).execute();
  }
  return {
    id: row.id, email: row.email, role: row.role as Role, tenantId: Number(row.tenant_id),
    displayName: row.display_name, phone: row.phone, groups: row.groups ?? [], attributes: (row.attributes ?? {}) as Record<string, unknown>,
    via: 'session',
  };
}

/** Ends a session. */
export async function closeSession(ctx: KilnContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(token)).execute();
}
