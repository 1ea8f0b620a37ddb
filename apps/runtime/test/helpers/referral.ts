import { expect } from 'vitest';
import { ADMIN, type Harness } from './harness.js';

/**
 * Shared setup for the referral-marketing rule tests: installs the template under a fresh app
 * key and drives it only through the public HTTP API (records, public form, test clock), so the
 * tests exercise the published rules exactly as an operator's writes would.
 */

let counter = 0;

/** Plan settings of templates.md with the defaults the worked examples assume. */
export const DEFAULT_PLAN = {
  levels: 2,
  rates: [{ rate: 10 }, { rate: 5 }],
  total_cap: 20,
  basis: 'paid_price',
  include_postage: false,
  self_purchase: false,
  freeze_days: 7,
  refund_policy: 'negative',
  binding_mode: 'first',
  binding_days: 30,
  eligible: 'everyone',
  withdraw_min: 0,
  withdraw_fee: 0,
} as const;

export interface LedgerEntry {
  id: number;
  beneficiary: number;
  order: number | null;
  line: number | null;
  level: number | null;
  kind: string;
  amount: number;
  state: string;
  release_at: string | null;
  plan_version: number | null;
  cause: string | null;
  entry_key: string | null;
  reverses: number | null;
  refund: number | null;
  base: number | null;
  [k: string]: unknown;
}

type Res = Awaited<ReturnType<Harness['req']>>;

/** A referral-marketing app installed for one test, with helpers speaking its records API. */
export interface ReferralApp {
  key: string;
  /** Public slug of the join form under this app key. */
  joinSlug: string;
  req: Harness['req'];
  create(form: string, values: Record<string, unknown>, headers?: Record<string, string>): Promise<Res>;
  patch(form: string, id: number, values: Record<string, unknown>, headers?: Record<string, string>): Promise<Res>;
  /** Creates a record and returns it (fails the test on any refusal). */
  make(form: string, values: Record<string, unknown>): Promise<any>;
  get(form: string, id: number): Promise<any>;
  list(form: string, filter?: Record<string, unknown>): Promise<any[]>;
  plan(settings?: Record<string, unknown>): Promise<any>;
  customer(name: string, referrer?: number | null, extra?: Record<string, unknown>): Promise<any>;
  product(sku: string, values?: Record<string, unknown>): Promise<any>;
  /** A pending order of `lines` ({sku, unit_price, qty?, activity?}). */
  order(customer: number, lines: Record<string, unknown>[], extra?: Record<string, unknown>): Promise<any>;
  setStatus(order: number, status: string): Promise<any>;
  pay(order: number): Promise<any>;
  ledger(filter?: Record<string, unknown>): Promise<LedgerEntry[]>;
  /** Net earned: the sum of a promoter's entries except withdrawals (cancelled entries excluded). */
  net(who: number): Promise<number>;
  /** Available balance = released − withdrawn: amounts in state available or paid_out. */
  available(who: number): Promise<number>;
  /** Submits the public join form with a referral code (`ref` link parameter). */
  join(name: string, phone: string, ref?: string | null): Promise<Res>;
  customerByPhone(phone: string): Promise<any>;
}

let phoneSeq = Math.floor(Math.random() * 50_000_000);
/** A fresh mainland mobile number (137 + 8 digits), unique within a test file. */
export const newPhone = (): string => `137${String(10_000_000 + ++phoneSeq)}`;

// Sessions expire on the runtime clock: after moving it the helpers sign in again.
const tokens = new WeakMap<Harness, string>();
const bearer = (h: Harness) => `Bearer ${tokens.get(h) ?? h.token}`;

/** `h.req` with the current admin session (renewed when the test clock moves). */
export function adminReq(h: Harness): Harness['req'] {
  return (o) => h.req({ ...o, headers: { authorization: bearer(h), ...(o.headers ?? {}) } });
}

async function moveClock(h: Harness, payload: Record<string, string>): Promise<string> {
  const r = await adminReq(h)({ method: 'POST', url: '/api/_test/clock', payload });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  tokens.set(h, await h.login(ADMIN.email, ADMIN.password));
  return r.body.now as string;
}

/** Moves the test clock (every job now due runs before it answers). */
export const advance = (h: Harness, duration: string): Promise<string> => moveClock(h, { advance: duration });

/** Sets the test clock (only forward in practice: the harness clock is shared by a file's tests). */
export const setClock = (h: Harness, iso: string): Promise<string> => moveClock(h, { set: iso });

/** Reads the test clock. */
export async function clockNow(h: Harness): Promise<string> {
  return (await adminReq(h)({ method: 'GET', url: '/api/_test/clock' })).body.now as string;
}

/**
 * Installs referral-marketing under a new app key (`<prefix>_<n>`), without demo data, and
 * returns helpers bound to it.
 */
export async function installReferral(h: Harness, prefix = 'rr'): Promise<ReferralApp> {
  const key = `${prefix}_${++counter}_${Math.random().toString(36).slice(2, 6)}`;
  const req = adminReq(h);
  const r = await req({ method: 'POST', url: '/api/templates/referral-marketing/install', payload: { app: key } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const base = (form: string) => `/api/apps/${key}/forms/${form}/records`;
  const app: ReferralApp = {
    key,
    joinSlug: `join-${key.replace(/_/g, '-')}`,
    req,
    create: (form, values, headers) => req({ method: 'POST', url: base(form), payload: values, headers }),
    patch: (form, id, values, headers) => req({ method: 'PATCH', url: `${base(form)}/${id}`, payload: values, headers }),
    async make(form, values) {
      const res = await app.create(form, values);
      expect(res.status, `${form}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body;
    },
    async get(form, id) {
      const res = await req({ method: 'GET', url: `${base(form)}/${id}` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
    async list(form, filter = {}) {
      const items: any[] = [];
      let cursor: string | null = null;
      do {
        const q = new URLSearchParams({ filter: JSON.stringify(filter), sort: 'id', limit: '500', ...(cursor ? { cursor } : {}) });
        const res = await req({ method: 'GET', url: `${base(form)}?${q}` });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items;
    },
    async plan(settings = {}) {
      return app.make('plan', { ...DEFAULT_PLAN, ...settings });
    },
    async customer(name, referrer = null, extra = {}) {
      return app.make('customers', { name, phone: newPhone(), ...(referrer ? { referrer } : {}), ...extra });
    },
    async product(sku, values = {}) {
      return app.make('products', { sku, name: sku, price: 0, ...values });
    },
    async order(customer, lines, extra = {}) {
      return app.make('orders', { customer, lines: lines.map((l) => ({ qty: 1, ...l })), ...extra });
    },
    async setStatus(order, status) {
      const res = await app.patch('orders', order, { status });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
    pay: (order) => app.setStatus(order, 'paid'),
    ledger: (filter = {}) => app.list('commission_ledger', filter) as Promise<LedgerEntry[]>,
    async net(who) {
      const rows = await app.ledger({ beneficiary: who });
      return rows.filter((e) => e.state !== 'cancelled' && e.kind !== 'withdrawal').reduce((s, e) => s + e.amount, 0);
    },
    async available(who) {
      const rows = await app.ledger({ beneficiary: who, state: { $in: ['available', 'paid_out'] } });
      return rows.reduce((s, e) => s + e.amount, 0);
    },
    join(name, phone, ref) {
      const q = ref ? `?ref=${encodeURIComponent(ref)}` : '';
      return req({ method: 'POST', url: `/api/public/forms/${app.joinSlug}/submissions${q}`, headers: { authorization: '' }, payload: { name, phone } });
    },
    async customerByPhone(phone) {
      const rows = await app.list('customers', { phone });
      expect(rows.length, `customers with phone ${phone}`).toBe(1);
      return rows[0];
    },
  };
  return app;
}

/** Asserts a write was refused by a rule (422 RULE_REJECTED), optionally on a field. */
export function expectRejected(res: Res, field?: string, message?: RegExp): void {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe('RULE_REJECTED');
  if (field !== undefined) expect(res.body.error.details?.field).toBe(field);
  if (message) expect(res.body.error.message).toMatch(message);
}

/** Amounts by beneficiary id (for compact assertions). */
export function byBeneficiary(rows: LedgerEntry[]): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const e of rows) (out[e.beneficiary] ??= []).push(e.amount);
  return out;
}
