import { beforeAll, expect, it } from 'vitest';
import { ADMIN, describeBackends, type Harness } from './helpers/harness.js';
import { advance, installReferral, newPhone, type ReferralApp } from './helpers/referral.js';

/**
 * The permission matrix (issue 7): each role × each endpoint × own / another's / another
 * tenant's record, with the expected allow or deny. Roles are the referral template's
 * (`promoter`: own record and downline, own ledger and withdrawals; `staff`: every operator)
 * plus a published role with a field policy, an API token scoped to a role, the anonymous
 * caller, and the admin of a second workspace that installed the same template under the same
 * app key.
 */
describeBackends('permission matrix', (harness) => {
  let h: Harness;
  let a: ReferralApp;
  const ids: Record<string, number> = {};
  const tokens: Record<string, string> = {};
  const phones: Record<string, string> = {};

  const as = (who: string) => (method: string, url: string, payload?: object, headers: Record<string, string> = {}) =>
    h.req({ method: method as 'GET', url, ...(payload ? { payload } : {}), headers: { ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : { authorization: '' }), ...headers } });
  const rec = (form: string, id?: number) => `/api/apps/${a.key}/forms/${form}/records${id ? `/${id}` : ''}`;

  async function signIn(email: string, password: string): Promise<string> {
    return h.login(email, password);
  }

  beforeAll(async () => {
    h = harness();
    a = await installReferral(h, 'pm');
    await a.plan({ freeze_days: 1 });
    const product = await a.product('SKU1', { price: 10_000 });
    // Tree: P1 → P1a → P1b;  P2 elsewhere.
    phones.p1 = newPhone();
    phones.p2 = newPhone();
    ids.p1 = (await a.customer('P1', null, { phone: phones.p1, is_promoter: true })).id;
    ids.p1a = (await a.customer('P1a', ids.p1, { is_promoter: true })).id;
    ids.p1b = (await a.customer('P1b', ids.p1a)).id;
    ids.p2 = (await a.customer('P2', null, { phone: phones.p2, is_promoter: true })).id;
    ids.p2a = (await a.customer('P2a', ids.p2)).id;
    for (const buyer of [ids.p1b, ids.p2a]) {
      const o = await a.order(buyer, [{ sku: product.sku, unit_price: 10_000 }]);
      await a.setStatus(o.id, 'paid');
      ids[`order_${buyer === ids.p1b ? 'p1b' : 'p2a'}`] = o.id;
    }
    await advance(h, 'P2D');
    const ledger = await a.list('commission_ledger');
    ids.ledgerP1 = ledger.find((e) => e.beneficiary === ids.p1)!.id;
    ids.ledgerP2 = ledger.find((e) => e.beneficiary === ids.p2)!.id;

    // Users: promoters sign in by phone code (auto-provisioned from their customer record).
    for (const p of ['p1', 'p2'] as const) {
      expect((await a.req({ method: 'POST', url: '/api/auth/code', payload: { phone: phones[p], app: a.key }, headers: { authorization: '' } })).status).toBe(202);
      const code = (await a.req({ method: 'GET', url: `/api/_test/login-codes?phone=${phones[p]}` })).body.code as string;
      const r = await a.req({ method: 'POST', url: '/api/auth/code/verify', payload: { phone: phones[p], code, app: a.key }, headers: { authorization: '' } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      tokens[p] = r.body.token;
    }
    tokens.admin = await h.login(ADMIN.email, ADMIN.password);
    const mk = async (email: string, role: string, groups: string[] = []) => {
      const r = await a.req({ method: 'POST', url: '/api/users', payload: { email, password: 'password-123', role, groups } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return { id: r.body.id as number, token: await signIn(email, 'password-123') };
    };
    const staffUser = await mk('staff@pm.test', 'operator');
    tokens.operator = staffUser.token;
    ids.staff = staffUser.id;
    const viewer = await mk('viewer@pm.test', 'operator');
    tokens.builder = (await mk('builder@pm.test', 'builder')).token;

    // A narrower role: orders of status paid only, total hidden, read-only status on leads.
    const role = { formatVersion: 1, key: 'auditor', name: { 'zh-CN': '审计', en: 'Auditor' }, forms: { orders: { read: true, export: true, where: "status = 'paid'", fields: { total: 'hidden' } } }, reports: ['aov', 'conversion'] };
    expect((await a.req({ method: 'PUT', url: `/api/apps/${a.key}/roles/auditor`, payload: role })).status).toBe(200);
    // The staff role holds every operator automatically; the viewer gets the auditor role only.
    const staff = (await a.req({ method: 'GET', url: `/api/apps/${a.key}/roles/staff` })).body.definition;
    expect((await a.req({ method: 'PUT', url: `/api/apps/${a.key}/roles/staff`, payload: { ...staff, assign: { groups: ['staff'] } } })).status).toBe(200);
    const pub = await a.req({ method: 'POST', url: `/api/apps/${a.key}/publish`, payload: {} });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    await a.req({ method: 'PATCH', url: `/api/users/${(await a.req({ method: 'GET', url: '/api/users' })).body.items.find((u: { email: string }) => u.email === 'staff@pm.test').id}`, payload: { groups: ['staff'] } });
    expect((await a.req({ method: 'PUT', url: `/api/apps/${a.key}/members`, payload: { userId: viewer.id, roles: ['auditor'] } })).status).toBe(200);
    tokens.viewer = viewer.token;
    // An API token scoped to the app's auditor role.
    const tok = await a.req({ method: 'POST', url: `/api/apps/${a.key}/tokens`, payload: { name: 'bi', role: 'auditor' } });
    expect(tok.status, JSON.stringify(tok.body)).toBe(201);
    tokens.apitoken = tok.body.token;

    expect((await a.req({ method: 'POST', url: '/api/apps', payload: { key: 'pm_only' } })).status).toBe(201);
    // A second workspace installs the same template under the same key.
    const t = await a.req({ method: 'POST', url: '/api/tenants', payload: { key: 'other-co', adminEmail: 'admin@other.test', adminPassword: 'password-123' } });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    tokens.otherAdmin = await signIn('admin@other.test', 'password-123');
    const inst = await as('otherAdmin')('POST', '/api/templates/referral-marketing/install', { app: a.key });
    expect(inst.status, JSON.stringify(inst.body)).toBe(201);
    const oc = await as('otherAdmin')('POST', rec('customers'), { name: 'Other tenant customer', phone: newPhone() });
    expect(oc.status).toBe(201);
    ids.otherTenant = oc.body.id;
  }, 120_000);

  type Case = [who: string, what: string, method: string, url: () => string, expected: number, payload?: () => object];
  const cases: Case[] = [
    // The promoter: own record and downline yes; another promoter's no (404: not even its existence).
    ['p1', 'read own customer', 'GET', () => rec('customers', ids.p1), 200],
    ['p1', 'read downline customer', 'GET', () => rec('customers', ids.p1b), 200],
    ['p1', "read another's customer", 'GET', () => rec('customers', ids.p2), 404],
    ['p1', "read another's downline", 'GET', () => rec('customers', ids.p2a), 404],
    ['p1', 'update own customer', 'PATCH', () => rec('customers', ids.p1), 403, () => ({ name: 'x' })],
    ['p1', 'delete own customer', 'DELETE', () => rec('customers', ids.p1), 403],
    ['p1', 'create a customer', 'POST', () => rec('customers'), 403, () => ({ name: 'x', phone: newPhone() })],
    ['p1', 'export customers', 'GET', () => `${rec('customers')}/export`, 403],
    ['p1', 'read own ledger entry', 'GET', () => rec('commission_ledger', ids.ledgerP1), 200],
    ['p1', "read another's ledger entry", 'GET', () => rec('commission_ledger', ids.ledgerP2), 404],
    ['p1', 'read a plan', 'GET', () => rec('plan'), 403],
    ['p1', 'read a downline order', 'GET', () => rec('orders', ids.order_p1b), 200],
    ['p1', "read another's downline order", 'GET', () => rec('orders', ids.order_p2a), 404],
    ['p1', 'withdraw for another promoter', 'POST', () => rec('withdrawals'), 403, () => ({ promoter: ids.p2, amount: 100 })],
    ['p1', 'downline report of own tree', 'GET', () => `/api/apps/${a.key}/reports/downline/data?promoter=${ids.p1}`, 200],
    ['p1', 'a report not granted', 'GET', () => `/api/apps/${a.key}/reports/top_referrers/data`, 403],
    ['p1', 'audit search', 'GET', () => '/api/audit', 403],
    ['p1', 'drafts', 'GET', () => `/api/apps/${a.key}/roles`, 403],
    ['p1', 'list users', 'GET', () => '/api/users', 403],
    // Staff (operators in group staff): everything on every form of the app.
    ['operator', "read another's customer", 'GET', () => rec('customers', ids.p2), 200],
    ['operator', 'update a customer', 'PATCH', () => rec('customers', ids.p2a), 200, () => ({ channel: 'matrix' })],
    ['operator', 'export customers', 'GET', () => `${rec('customers')}/export`, 200],
    ['operator', 'publish', 'POST', () => `/api/apps/${a.key}/publish`, 403, () => ({})],
    // The auditor role (explicit member): paid orders only, read-only, total hidden.
    ['viewer', 'read a paid order', 'GET', () => rec('orders', ids.order_p1b), 200],
    ['viewer', 'read a customer', 'GET', () => rec('customers', ids.p1), 403],
    ['viewer', 'update a paid order', 'PATCH', () => rec('orders', ids.order_p1b), 403, () => ({ status: 'received' })],
    ['viewer', 'filter on the hidden total', 'GET', () => `${rec('orders')}?filter=${encodeURIComponent(JSON.stringify({ total: { $gt: 0 } }))}`, 400],
    ['viewer', 'export orders', 'GET', () => `${rec('orders')}/export`, 200],
    // An API token scoped to the auditor role: the role's grants, this app only.
    ['apitoken', 'read a paid order', 'GET', () => rec('orders', ids.order_p1b), 200],
    ['apitoken', 'read a customer', 'GET', () => rec('customers', ids.p1), 403],
    ['apitoken', 'create an order', 'POST', () => rec('orders'), 403, () => ({ customer: ids.p1, lines: [] })],
    ['apitoken', 'users', 'GET', () => '/api/users', 403],
    // Anonymous: nothing but public forms.
    ['anonymous', 'read a customer', 'GET', () => rec('customers', ids.p1), 401],
    ['anonymous', 'list apps', 'GET', () => '/api/apps', 401],
    // The other workspace's admin: the same app key is their own app; ours is unreachable.
    ['otherAdmin', "read our customer's id in their app", 'GET', () => rec('customers', ids.p2a), 404],
    ['otherAdmin', 'patch a user of ours', 'PATCH', () => `/api/users/${1}`, 404, () => ({ displayName: 'x' })],
    ['otherAdmin', 'deliveries of an app only we have', 'GET', () => '/api/apps/pm_only/connectors/erp/deliveries', 404],
    ['otherAdmin', 'records of an app only we have', 'GET', () => '/api/apps/pm_only/forms/customers/records', 404],
    // Our admin and the other tenant's record: not in our app, and no app of theirs to name.
    ['admin', "the other tenant's record id", 'GET', () => rec('customers', ids.otherTenant + 1000), 404],
    ['admin', 'every customer', 'GET', () => rec('customers', ids.p2), 200],
  ];

  it.each(cases)('%s: %s → %i', async (who, _what, method, url, expected, payload) => {
    const r = await as(who)(method, url(), payload?.());
    expect(r.status, JSON.stringify(r.body)).toBe(expected);
  });

  it('lists exactly the visible rows, without hidden fields, and row policies reach every path', async () => {
    const list = await as('p1')('GET', `${rec('customers')}?sort=id&limit=100`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([ids.p1, ids.p1a, ids.p1b]);
    expect(list.body.items.every((c: object) => !('phone' in c))).toBe(true);
    // Filtering cannot widen the policy.
    const widened = await as('p1')('GET', `${rec('customers')}?filter=${encodeURIComponent(JSON.stringify({ id: { $in: [ids.p2, ids.p2a] } }))}`);
    expect(widened.body.items).toEqual([]);
    const ledger = await as('p1')('GET', `${rec('commission_ledger')}?limit=100`);
    expect(ledger.body.items.length).toBeGreaterThan(0);
    expect(ledger.body.items.every((e: { beneficiary: number }) => e.beneficiary === ids.p1)).toBe(true);
    // The downline report of another promoter shows nothing of their tree.
    const other = await as('p1')('GET', `/api/apps/${a.key}/reports/downline/data?promoter=${ids.p2}`);
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body.rows)).not.toContain('P2a');
    // The auditor sees paid orders only, without totals.
    const orders = await as('viewer')('GET', rec('orders'));
    expect(orders.body.items.length).toBe(2);
    expect(orders.body.items.every((o: object) => !('total' in o))).toBe(true);
    const csv = await as('viewer')('GET', `${rec('orders')}/export`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(String(csv.body)).not.toMatch(/Total|总额|金额合计/);
  });

  it('a report reading a field the role hides is refused; one that does not runs under the row policy', async () => {
    const aov = await as('viewer')('GET', `/api/apps/${a.key}/reports/aov/data`);
    expect(aov.status, JSON.stringify(aov.body)).toBe(403);
    expect(aov.body.error.code).toBe('REPORT_FIELD_HIDDEN');
    expect(aov.body.error.details).toMatchObject({ form: 'orders', field: 'total' });
    expect((await as('viewer')('GET', `/api/apps/${a.key}/reports/aov/csv`)).status).toBe(403);
    const conv = await as('viewer')('GET', `/api/apps/${a.key}/reports/conversion/data?range=all`);
    expect(conv.status, JSON.stringify(conv.body)).toBe(200);
    // The admin sees the same report (nothing hidden).
    expect((await as('admin')('GET', `/api/apps/${a.key}/reports/aov/data`)).status).toBe(200);
  });

  it('the portal downline: own tree with counts per level, the same for staff with ?promoter=, nobody else\'s', async () => {
    const mine = await as('p1')('GET', `/api/portal/${a.key}/downline?depth=3`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.root).toEqual({ id: ids.p1, name: 'P1' });
    expect(mine.body.levels).toEqual([{ level: 1, count: 1 }, { level: 2, count: 1 }, { level: 3, count: 0 }]);
    expect(mine.body.nodes.map((n: { id: number; level: number; referrer: number }) => [n.id, n.level, n.referrer])).toEqual([[ids.p1a, 1, ids.p1], [ids.p1b, 2, ids.p1a]]);
    expect(mine.body.truncated).toBe(false);
    expect(mine.body.nodes.every((n: { joinedAt: string }) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(n.joinedAt))).toBe(true);
    const one = await as('p1')('GET', `/api/portal/${a.key}/downline?depth=1`);
    expect(one.body.levels).toEqual([{ level: 1, count: 1 }]);
    expect(one.body.nodes.map((n: { id: number }) => n.id)).toEqual([ids.p1a]);
    const staff = await as('admin')('GET', `/api/portal/${a.key}/downline?depth=3&promoter=${ids.p1}`);
    expect(staff.body.nodes).toEqual(mine.body.nodes);
    expect((await as('p1')('GET', `/api/portal/${a.key}/downline?promoter=${ids.p2}`)).status).toBe(403);
    const theirs = await as('p2')('GET', `/api/portal/${a.key}/downline`);
    expect(theirs.body.nodes.map((n: { id: number }) => n.id)).toEqual([ids.p2a]);
    // The promoter's own profile leaves out what their role hides (phone).
    const me = await as('p1')('GET', `/api/portal/${a.key}/me`);
    expect(me.body.counts).toEqual({ level1: 1, level2: 1, level3: 0, total: 2 });
    expect(JSON.stringify(me.body.record)).not.toContain(phones.p1!);
    // The portal remembers p1's record id, but the statement proves it afresh: once the record no
    // longer carries p1's phone, p1 sees nothing of that tree (no widening from the cache).
    expect((await as('admin')('PATCH', rec('customers', ids.p1), { phone: newPhone() })).status).toBe(200);
    const stale = await as('p1')('GET', `/api/portal/${a.key}/downline`);
    expect(stale.status).toBe(404);
    expect(JSON.stringify(stale.body)).not.toContain('P1a');
    expect((await as('admin')('PATCH', rec('customers', ids.p1), { phone: phones.p1 })).status).toBe(200);
    expect((await as('p1')('GET', `/api/portal/${a.key}/downline`)).body.nodes).toHaveLength(2);
  });

  it('a withdrawal: the role sets the promoter, refuses read-only fields, and the flow reaches finance', async () => {
    const me = await as('p1')('GET', `/api/portal/${a.key}/me`);
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.record.id).toBe(ids.p1);
    expect(me.body.balance.available).toBeGreaterThan(0);
    const ro = await as('p1')('POST', rec('withdrawals'), { amount: 100, state: 'approved' });
    expect(ro.status).toBe(403);
    expect(ro.body.error.code).toBe('FIELD_READ_ONLY');
    const w = await as('p1')('POST', rec('withdrawals'), { amount: me.body.balance.available });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    expect(w.body.promoter).toBe(ids.p1);
    const mine = await as('p1')('GET', rec('withdrawals'));
    expect(mine.body.items.map((x: { id: number }) => x.id)).toEqual([w.body.id]);
    expect((await as('p2')('GET', rec('withdrawals', w.body.id))).status).toBe(404);
  });

  it('the other workspace sees none of our apps, users or records', async () => {
    const apps = await as('otherAdmin')('GET', '/api/apps');
    expect(apps.body.items.map((x: { key: string }) => x.key)).toEqual([a.key]);
    const theirs = await as('otherAdmin')('GET', `${rec('customers')}?limit=100`);
    expect(theirs.body.items.map((c: { name: string }) => c.name)).toEqual(['Other tenant customer']);
    const users = await as('otherAdmin')('GET', '/api/users');
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual(['admin@other.test']);
    // An app only we have answers exactly like an app nobody has.
    const ours = await as('otherAdmin')('GET', '/api/apps/definitely_missing');
    expect(ours.status).toBe(404);
    const onlyOurs = await a.req({ method: 'POST', url: '/api/apps', payload: { key: 'only_ours' } });
    expect(onlyOurs.status).toBe(201);
    const probe = await as('otherAdmin')('GET', '/api/apps/only_ours');
    expect(probe.status).toBe(404);
    expect(probe.body.error.code).toBe(ours.body.error.code);
    expect(probe.body.error.message.replace('only_ours', 'X')).toBe(ours.body.error.message.replace('definitely_missing', 'X'));
    // They may create the same key: keys are per workspace.
    expect((await as('otherAdmin')('POST', '/api/apps', { key: 'only_ours' })).status).toBe(201);
  });

  it('every record write is in the audit trail with who, what and from where', async () => {
    const r = await as('operator')('PATCH', rec('customers', ids.p1a), { channel: 'audit-check' });
    expect(r.status).toBe(200);
    const hist = await as('admin')('GET', `${rec('customers', ids.p1a)}/history`);
    expect(hist.status, JSON.stringify(hist.body)).toBe(200);
    const last = hist.body.items[0];
    expect(last.action).toBe('record.update');
    expect(last.actor).toMatchObject({ kind: 'user', id: ids.staff });
    expect(last.changes).toContainEqual({ field: 'channel', before: null, after: 'audit-check' });
    const search = await as('admin')('GET', `/api/audit?app=${a.key}&action=metadata.put`);
    expect(search.status).toBe(200);
    expect(search.body.items.some((i: { target: string }) => i.target === 'roles/auditor')).toBe(true);
    // The promoter's history of their downline's record hides what their role hides.
    const ph = await as('p1')('GET', `${rec('customers', ids.p1a)}/history`);
    expect(ph.status).toBe(200);
    expect(JSON.stringify(ph.body)).not.toContain('audit-check');
  });
}, { testClock: true });

