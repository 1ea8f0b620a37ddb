import { api, request, send, seg } from '../shared/api';

/** `GET /api/portal/{app}/me`: the signed-in promoter, their customer record and balances (fen). */
export interface PortalMe {
  user: { id: number; displayName?: string | null; phone?: string | null; email?: string | null };
  record: { id: number; name: string | null; phone?: string | null; referral_code: string | null; region?: string | null; bound_at?: string | null } | null;
  /** The public join link with the referral code; null while the record has no code. */
  shareUrl: string | null;
  balance: { frozen: number; available: number; withdrawn: number; pending?: number };
  counts: { level1: number; level2: number; level3: number; total: number };
  /** Withdrawal rules of the plan, when the server tells them: minimum in fen, fee in percent. */
  withdraw?: { min?: number | null; feePercent?: number | null };
}

/** One person below the promoter: `referrer` is the id of the node above (the root for level 1). */
export interface DownlineNode {
  id: number;
  name: string | null;
  referrer: number | null;
  level: number;
  joinedAt: string | null;
}

/** `GET /api/portal/{app}/downline?depth=3`. */
export interface Downline {
  root: { id: number; name: string | null };
  levels: { level: number; count: number }[];
  nodes: DownlineNode[];
}

/** A commission_ledger record as the records API returns it (the promoter's role policy applies). */
export interface LedgerEntry {
  id: number;
  createdAt?: string;
  beneficiary?: number | null;
  order?: number | null;
  line?: number | null;
  level?: number | null;
  kind: string;
  amount: number;
  state: string;
  release_at?: string | null;
  cause?: string | null;
}

/** A withdrawals record. */
export interface Withdrawal {
  id: number;
  createdAt?: string;
  amount: number;
  fee?: number | null;
  net_amount?: number | null;
  state: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What sign-in answers (code, magic link). */
export interface Session {
  token: string;
  expiresAt?: string;
}

const portal = (app: string) => `/api/portal/${seg(app)}`;

export const sendCode = (phone: string, app: string) => request<unknown>('/api/auth/code', { method: 'POST', body: { phone, app }, auth: false });

export const verifyCode = (phone: string, code: string, app: string) =>
  api<Session>('/api/auth/code/verify', { method: 'POST', body: { phone, code, app }, auth: false });

export const redeemMagic = (token: string) => api<Session>('/api/auth/magic', { method: 'POST', body: { token }, auth: false });

export const logout = () => api<unknown>('/api/auth/logout', { method: 'POST' });

export const getMe = (app: string, signal?: AbortSignal) => api<PortalMe>(`${portal(app)}/me`, { signal });

export const getDownline = (app: string, signal?: AbortSignal) => api<Downline>(`${portal(app)}/downline?depth=3`, { signal });

export const getLedger = (app: string, cursor: string | null, signal?: AbortSignal) =>
  api<Page<LedgerEntry>>(`${portal(app)}/ledger${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { signal });

/** The poster PNG as a Blob (the call carries the bearer token, so an <img src> cannot fetch it). */
export async function getPoster(app: string, signal?: AbortSignal): Promise<Blob> {
  const res = await send(`${portal(app)}/poster.png`, { signal, headers: { Accept: 'image/png' } });
  return res.blob();
}

const withdrawals = (app: string) => `/api/apps/${seg(app)}/forms/withdrawals/records`;

export const listWithdrawals = (app: string, signal?: AbortSignal) => api<Page<Withdrawal>>(`${withdrawals(app)}?sort=-id`, { signal });

export const requestWithdrawal = (app: string, amount: number, idempotencyKey: string) =>
  request<Withdrawal>(withdrawals(app), { method: 'POST', body: { amount }, headers: { 'Idempotency-Key': idempotencyKey } });
