import type { ApiToken, CreatedToken } from './types';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * A token row as the tab shows it, whatever casing the server uses (`roleKey` / `role`,
 * `created_at` / `createdAt`, a `revoked` flag or time).
 */
export function normalizeToken(raw: unknown): ApiToken {
  const r = (raw ?? {}) as Record<string, unknown>;
  const revoked = str(r.revokedAt) ?? str(r.revoked_at) ?? (r.revoked === true ? 'yes' : null);
  return {
    id: Number(r.id),
    name: String(r.name ?? ''),
    role: String(r.role ?? r.roleKey ?? r.role_key ?? ''),
    prefix: String(r.prefix ?? ''),
    createdAt: str(r.createdAt) ?? str(r.created_at),
    lastUsedAt: str(r.lastUsedAt) ?? str(r.last_used_at),
    expiresAt: str(r.expiresAt) ?? str(r.expires_at),
    revokedAt: revoked,
  };
}

/** The answer of a create: the listed fields plus the secret. */
export function normalizeCreated(raw: unknown): CreatedToken {
  return { ...normalizeToken(raw), token: String((raw as Record<string, unknown> | null)?.token ?? '') };
}
