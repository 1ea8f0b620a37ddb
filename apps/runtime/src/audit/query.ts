import { sql, type Kysely, type Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** Who acted, as audit answers show it (`id`/`email`/`name` of the user, or of a token's creator). */
export interface AuditActorView {
  kind: 'user' | 'token' | 'public' | 'system';
  id: number | null;
  email: string | null;
  name: string | null;
}

/** One audit entry as `GET /api/audit` answers it. */
export interface AuditItem {
  id: number;
  at: string;
  action: string;
  actor: AuditActorView;
  tokenId: number | null;
  ip: string | null;
  /** The app's key (null for tenant-wide entries such as sign-ins and user changes). */
  app: string | null;
  form: string | null;
  record: number | null;
  target: string | null;
  before: unknown;
  after: unknown;
}

/** Filters of an audit search; all optional, combined with AND. */
export interface AuditFilter {
  appId?: number;
  /** A user id, or an email (exact, case-insensitive). */
  actor?: number | string;
  /** Comma-separated actions; `login.*` (or `login.`) matches a prefix. */
  action?: string;
  form?: string;
  record?: number;
  /** Text contained in the target, the action or the before/after values (case-insensitive). */
  q?: string;
  /** ISO times: `from` ≤ at < `to`. */
  from?: string;
  to?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** 1–200, default 50. */
  limit?: number;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

function isoOrFail(v: string, path: string): string {
  const d = new Date(v);
  if (!v || Number.isNaN(d.getTime())) throw new KilnError('BAD_REQUEST', `${path.slice(1)} must be an ISO date-time.`, { path });
  return d.toISOString();
}

/**
 * Searches a tenant's audit trail, newest first, one page at a time (keyset on id: pages stay
 * stable while new entries arrive).
 *
 * @example
 * await searchAudit(db, 1, { action: 'login.*', from: '2026-01-01T00:00:00Z', limit: 100 })
 */
export async function searchAudit(db: Db, tenantId: number, f: AuditFilter): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const limit = f.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new KilnError('BAD_REQUEST', 'limit must be 1–200.', { path: '/limit' });
  let q = db.selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('apps as p', 'p.id', 'a.app_id')
    .select(['a.id', 'a.at', 'a.action', 'a.actor_kind', 'a.actor_id', 'u.email', 'u.display_name', 'a.token_id', 'a.ip', 'p.key as app_key', 'a.form_key', 'a.record_id', 'a.target', 'a.before', 'a.after'])
    .where('a.tenant_id', '=', tenantId);
  if (f.cursor !== undefined) {
    if (!/^[1-9][0-9]{0,15}$/.test(f.cursor)) throw new KilnError('INVALID_CURSOR');
    q = q.where('a.id', '<', Number(f.cursor));
  }
  if (f.appId !== undefined) q = q.where('a.app_id', '=', f.appId);
  if (typeof f.actor === 'number') q = q.where('a.actor_id', '=', f.actor);
  else if (typeof f.actor === 'string' && f.actor) q = q.where('u.email', '=', f.actor.trim().toLowerCase());
  if (f.action) {
    const parts = f.action.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts.length) {
      q = q.where((eb) => eb.or(parts.map((p) => {
        const prefix = /\.\*?$|\*$/.test(p) ? p.replace(/\*$/, '') : null;
        return prefix !== null ? eb('a.action', 'like', `${escapeLike(prefix)}%`) : eb('a.action', '=', p);
      })));
    }
  }
  if (f.form) q = q.where('a.form_key', '=', f.form);
  if (f.record !== undefined) q = q.where('a.record_id', '=', f.record);
  if (f.from) q = q.where('a.at', '>=', isoOrFail(f.from, '/from'));
  if (f.to) q = q.where('a.at', '<', isoOrFail(f.to, '/to'));
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    q = q.where(sql<boolean>`lower(concat_ws(' ', a.target, a.action, a.before::text, a.after::text)) like ${like}`);
  }
  const rows = await q.orderBy('a.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const items: AuditItem[] = page.map((r) => ({
    id: r.id, at: r.at, action: r.action,
    actor: { kind: r.actor_kind, id: r.actor_id === null ? null : Number(r.actor_id), email: r.email ?? null, name: r.display_name ?? r.email ?? null },
    tokenId: r.token_id === null ? null : Number(r.token_id), ip: r.ip, app: r.app_key ?? null, form: r.form_key, record: r.record_id === null ? null : Number(r.record_id),
    target: r.target, before: r.before ?? null, after: r.after ?? null,
  }));
  return { items, nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}

/** One change of a record as its history shows it. */
export interface RecordHistoryItem {
  id: number;
  at: string;
  action: 'record.create' | 'record.update' | 'record.delete';
  actor: { kind: AuditActorView['kind']; id: number | null; name: string | null };
  ip: string | null;
  /** Every field in before ∪ after (audit entries hold only what changed), minus hidden ones. */
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

/**
 * A record's history from the audit trail, newest first (at most `limit`, default 500). Fields in
 * `hidden` (the caller's field policies) are left out of the changes; an update that changed only
 * hidden fields still shows, with no changes, so the caller sees that and when something changed.
 */
export async function recordHistory(db: Db, appId: number, formKey: string, recordId: number, hidden: string[], opts: { limit?: number } = {}): Promise<{ items: RecordHistoryItem[] }> {
  const hide = new Set(hidden);
  const rows = await db.selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('api_tokens as t', 't.id', 'a.token_id')
    .select(['a.id', 'a.at', 'a.action', 'a.actor_kind', 'a.actor_id', 'u.email', 'u.display_name', 't.name as token_name', 'a.ip', 'a.before', 'a.after'])
    .where('a.app_id', '=', appId).where('a.form_key', '=', formKey).where('a.record_id', '=', recordId)
    .where('a.action', 'in', ['record.create', 'record.update', 'record.delete'])
    .orderBy('a.id', 'desc').limit(opts.limit ?? 500).execute();
  const items = rows.map((r): RecordHistoryItem => {
    const before = asObject(r.before);
    const after = asObject(r.after);
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !hide.has(k));
    const name = r.actor_kind === 'token' && r.token_name ? `${r.display_name ?? r.email ?? ''} (${r.token_name})`.trim() : (r.display_name ?? r.email ?? null);
    return {
      id: r.id, at: r.at, action: r.action as RecordHistoryItem['action'],
      actor: { kind: r.actor_kind, id: r.actor_id === null ? null : Number(r.actor_id), name },
      ip: r.ip,
      changes: fields.map((field) => ({ field, before: Object.hasOwn(before, field) ? before[field] : null, after: Object.hasOwn(after, field) ? after[field] : null })),
    };
  });
  return { items };
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
