import type { AccessPreview } from './types';

type Raw = Partial<AccessPreview> & { access?: Partial<AccessPreview>; self?: number | string | null };

/**
 * The answer of `GET /api/apps/{app}/access/preview` as the "view as" tab reads it: the user's
 * `access` (forms × actions, hidden / read-only fields, flows, reports, portal) and `self`, their
 * `$user.record` id — whether the server nests the access (`{ user, access, self }`) or not.
 */
export function normalizePreview(raw: unknown): AccessPreview {
  const r = (raw ?? {}) as Raw;
  const a = r.access ?? r;
  return {
    roles: a.roles ?? [],
    forms: a.forms ?? {},
    flows: a.flows ?? {},
    reports: a.reports ?? [],
    ...(a.portal ? { portal: a.portal } : {}),
    self: r.self ?? null,
  };
}
