import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** Who did something: a signed-in user (maybe through an API token), the public, or Kiln itself. */
export interface AuditActor {
  kind: 'user' | 'token' | 'public' | 'system';
  userId?: number | null;
  tokenId?: number | null;
  ip?: string | null;
  tenantId: number;
}

/** One audit entry. `before` / `after` are the changed values (records: only the changed fields). */
export interface AuditEntry {
  action: string;
  appId?: number | null;
  formKey?: string | null;
  recordId?: number | null;
  /** What else was acted on (`forms/customers`, `user:12`, `token:3`, …). */
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit entry in the caller's transaction (so the entry exists exactly when the change
 * does). `at` comes from the runtime clock.
 */
export async function writeAudit(db: Db, at: Date, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    tenant_id: actor.tenantId,
    at: at.toISOString(),
    actor_kind: actor.kind,
    actor_id: actor.userId ?? null,
    token_id: actor.tokenId ?? null,
    ip: actor.ip ?? null,
    app_id: entry.appId ?? null,
    action: entry.action,
    form_key: entry.formKey ?? null,
    record_id: entry.recordId ?? null,
    target: entry.target ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  }).execute();
}

/** The audit actor of a write scope: its declared actor, else the user, else the system. */
export function scopeActor(ws: { userId: number | null; actor?: { kind: AuditActor['kind']; userId?: number | null; tokenId?: number | null; ip?: string | null }; depth?: number }, tenantId: number): AuditActor {
  const a = ws.actor ?? { kind: ws.userId ? 'user' : 'system', userId: ws.userId };
  return { ...a, tenantId };
}

/** Keys whose values differ between two records (both sides given as plain objects). */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>, keys: Iterable<string>): string[] {
  const out: string[] = [];
  for (const k of keys) if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out.push(k);
  return out;
}

/**
 * The audit actor for a request's caller: a signed-in user, a user acting through an API token,
 * or (no caller) the public in the default tenant.
 */
export function actorOf(user: CurrentUser | null, ip: string | null): AuditActor {
  if (!user) return { kind: 'public', userId: null, tokenId: null, ip, tenantId: 1 };
  return { kind: user.via === 'token' ? 'token' : 'user', userId: user.id, tokenId: user.tokenId ?? null, ip, tenantId: user.tenantId };
}
