import type { AuditChange, AuditItem } from './types';

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : null);

/**
 * An entry of `GET /api/audit` as the page shows it, whatever spelling the server uses for its
 * parts (`actor` object or `actorKind` / `actorId`, `app` or `appKey`, `form` or `formKey`, …).
 */
export function normalizeAuditItem(raw: unknown): AuditItem {
  const r = (raw ?? {}) as Record<string, unknown>;
  const a = (typeof r.actor === 'object' && r.actor !== null ? r.actor : {}) as Record<string, unknown>;
  const changes = Array.isArray(r.changes) ? (r.changes as AuditChange[]) : undefined;
  return {
    id: String(r.id ?? ''),
    at: String(r.at ?? ''),
    action: String(r.action ?? ''),
    actor: {
      kind: String(a.kind ?? r.actorKind ?? r.actor_kind ?? 'system'),
      id: num(a.id ?? r.actorId ?? r.actor_id),
      name: str(a.name ?? a.email ?? r.actorName ?? r.actorEmail),
    },
    ip: str(r.ip),
    app: str(r.app ?? r.appKey ?? r.app_key),
    form: str(r.form ?? r.formKey ?? r.form_key),
    record: str(r.record ?? r.recordId ?? r.record_id),
    target: str(r.target),
    before: r.before ?? null,
    after: r.after ?? null,
    ...(changes ? { changes } : {}),
  };
}
