import type { AuditFilters } from './types';

/** The first instant of local day `YYYY-MM-DD` (offset by `days`), as ISO; undefined when not a day. */
export function dayStart(day: string, days = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The query string of `GET /api/audit` for `filters` (only the ones set), a page `limit` and the
 * `cursor` of the next page. `from` is the start of its day; `to` includes its whole day (the
 * start of the next one).
 *
 * @example auditQuery({ ...NO_FILTERS, action: 'record.update' }, null, 50) // 'action=record.update&limit=50'
 */
export function auditQuery(filters: AuditFilters, cursor: string | null, limit: number): string {
  const q = new URLSearchParams();
  if (filters.app) q.set('app', filters.app);
  if (filters.actor !== null) q.set('actor', String(filters.actor));
  if (filters.action) q.set('action', filters.action);
  if (filters.form.trim()) q.set('form', filters.form.trim());
  if (filters.record.trim()) q.set('record', filters.record.trim());
  if (filters.q.trim()) q.set('q', filters.q.trim());
  const from = dayStart(filters.from);
  const to = dayStart(filters.to, 1);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return q.toString();
}
