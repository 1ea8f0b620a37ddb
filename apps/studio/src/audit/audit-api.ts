import { api } from '../api/client';
import { auditQuery } from './model/query';
import { normalizeAuditItem } from './model/normalize';
import type { AuditFilters, AuditItem } from './model/types';

/** One page of audit entries, newest first, and the cursor of the next (null at the end). */
export interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

/**
 * `GET /api/audit` (admins): the entries matching `filters`, newest first, a page at a time.
 *
 * @example const { items, nextCursor } = await searchAudit({ ...NO_FILTERS, app: 'referral' }, null);
 */
export async function searchAudit(filters: AuditFilters, cursor: string | null, limit = 50): Promise<AuditPage> {
  const r = await api<{ items?: unknown[]; nextCursor?: unknown }>('GET', `/audit?${auditQuery(filters, cursor, limit)}`);
  const next = r.nextCursor;
  return { items: (r.items ?? []).map(normalizeAuditItem), nextCursor: next === null || next === undefined || next === '' ? null : String(next) };
}
