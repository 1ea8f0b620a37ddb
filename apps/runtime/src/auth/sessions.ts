import { createHash, randomBytes } from 'node:crypto';
import type { KilnContext, CurrentUser, Role } from '../context.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Opens a session and returns its bearer token (only the token's hash is stored). */
export async function openSession(ctx: KilnContext, userId: number): Promise<{ token: string; expiresAt: string }> {
  const token = 'kiln_' + randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionTtl * 1000).toISOString();
  await ctx.db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, expires_at: expiresAt }).execute();
  return { token, expiresAt };
}

/** Resolves a bearer token to its user, or null if unknown, expired or the user is disabled. */
export async function userOfToken(ctx: KilnContext, token: string): Promise<CurrentUser | null> {
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.role', 'users.disabled', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled || new Date(row.expires_at).getTime() <= ctx.clock.now().getTime()) return null;
  return { id: row.id, email: row.email, role: row.role as Role };
}

/** Ends a session. */
export async function closeSession(ctx: KilnContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
