/**
 * The `expiresAt` sent for an expiry day picked in a date input (`YYYY-MM-DD`): the end of that
 * day in the browser's time zone, as an ISO instant. Blank or invalid → no expiry.
 *
 * @example expiryInstant('2025-12-31') // '2025-12-31T15:59:59.999Z' in Asia/Shanghai
 */
export function expiryInstant(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Today as `YYYY-MM-DD` in the browser's time zone (the earliest expiry a date input offers). */
export function todayLocal(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The state of a token at `now`: revoked, expired, or active. */
export function tokenState(t: { revokedAt: string | null; expiresAt: string | null }, now: Date = new Date()): 'revoked' | 'expired' | 'active' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
