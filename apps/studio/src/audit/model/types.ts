/** The actions the audit trail records, in the filter's order. */
export const AUDIT_ACTIONS = [
  'record.create',
  'record.update',
  'record.delete',
  'metadata.put',
  'metadata.delete',
  'app.publish',
  'app.rollback',
  'user.create',
  'user.update',
  'user.unlock',
  'token.create',
  'token.revoke',
  'login.ok',
  'login.failed',
  'login.locked',
  'members.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it: a user (maybe through an API token), the public, or Kiln itself. */
export interface AuditActor {
  kind: string;
  id: number | null;
  name: string | null;
}

/** One changed value of an entry. */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One audit entry as the page shows it. */
export interface AuditItem {
  id: string;
  at: string;
  action: string;
  actor: AuditActor;
  ip: string | null;
  app: string | null;
  form: string | null;
  record: string | null;
  /** What else was acted on (`forms/customers`, `user:12`, `token:3`, …). */
  target: string | null;
  before: unknown;
  after: unknown;
  /** Field-wise changes when the server lists them. */
  changes?: AuditChange[];
}

/** What the search filters by (empty = any). Dates are `YYYY-MM-DD` days in the browser's time zone. */
export interface AuditFilters {
  app: string;
  actor: number | null;
  action: string;
  form: string;
  record: string;
  q: string;
  from: string;
  to: string;
}

/** No filter at all. */
export const NO_FILTERS: AuditFilters = { app: '', actor: null, action: '', form: '', record: '', q: '', from: '', to: '' };
