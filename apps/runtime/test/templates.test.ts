import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';

// The stable keys of /work/shared/templates.md (docs: templates/README.md). Adding is fine;
// renaming or dropping one must fail this test.
const REFERRAL: Record<string, string[]> = {
  customers: ['name', 'phone', 'referral_code', 'referrer', 'bound_at', 'is_promoter', 'region', 'campaign', 'channel'],
  campaigns: ['name', 'channel', 'cost', 'starts_at', 'ends_at'],
  products: ['sku', 'name', 'price', 'product_line', 'coefficient', 'fixed_l1', 'fixed_l2', 'activity'],
  orders: ['customer', 'lines', 'total', 'status', 'paid_at', 'campaign'],
  refunds: ['order', 'line', 'amount'],
  commission_ledger: ['beneficiary', 'order', 'line', 'level', 'kind', 'amount', 'state', 'release_at', 'plan_version', 'cause'],
  withdrawals: ['promoter', 'amount', 'fee', 'state'],
  leads: ['customer', 'region', 'product_interest', 'assigned_to', 'status', 'first_contact_due', 'next_followup_due'],
  plan: ['levels', 'rates', 'total_cap', 'basis', 'include_postage', 'self_purchase', 'freeze_days', 'refund_policy', 'binding_mode', 'binding_days', 'eligible', 'first_order_bonus', 'invite_reward', 'invite_daily_cap', 'withdraw_min', 'withdraw_fee', 'compliance_ack'],
  join: ['name', 'phone', 'region', 'ref'],
};
const LIVESTREAM: Record<string, string[]> = {
  products: ['sku', 'name', 'price', 'stock', 'reserved', 'erp_material'],
  live_sessions: ['channel', 'host', 'starts_at', 'viewers', 'cost'],
  hook_scripts: ['code', 'session', 'script', 'product', 'discount'],
  customers: ['name', 'phone', 'region', 'credit_limit', 'erp_customer'],
  intents: ['name', 'phone', 'sku', 'qty', 'region', 'code', 'channel', 'session'],
  orders: ['customer', 'lines', 'total', 'code', 'channel', 'status', 'erp_bill_no', 'source', 'external_id'],
  leads: REFERRAL.leads!,
};

const fieldOf = (form: any, key: string) => form.fields.find((f: any) => f.key === key);
const optionsOf = (form: any, key: string) => fieldOf(form, key).options.map((o: any) => o.value);

describeBackends('templates', (h) => {
  it('lists the starter templates', async () => {
    const r = await h().req({ method: 'GET', url: '/api/templates' });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      expect.objectContaining({ id: 'livestream-erp', defaultApp: 'livestream', name: { 'zh-CN': expect.any(String), en: expect.any(String) } }),
      expect.objectContaining({ id: 'referral-marketing', defaultApp: 'referral', description: { 'zh-CN': expect.any(String), en: expect.any(String) } }),
    ]);
    expect((await h().req({ method: 'GET', url: '/api/templates', headers: { authorization: '' } })).status).toBe(401);
  });

  it('installs referral-marketing with its stable keys, demo data and the public join form', async () => {
    const r = await h().req({ method: 'POST', url: '/api/templates/referral-marketing/install', payload: { demoData: true } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ app: 'referral', version: 1 });
    const meta = (await h().req({ method: 'GET', url: '/api/apps/referral' })).body;
    expect(meta.version).toBe(1);
    for (const [form, keys] of Object.entries(REFERRAL)) {
      expect(meta.forms[form], form).toBeDefined();
      expect(meta.forms[form].fields.map((f: any) => f.key), form).toEqual(expect.arrayContaining(keys));
      for (const f of meta.forms[form].fields) {
        expect(f.id).toMatch(/^f_[a-z0-9_]{1,30}$/);
        expect(f.label['zh-CN'] && f.label.en, `${form}.${f.key} label`).toBeTruthy();
      }
    }
    const f = meta.forms;
    expect(fieldOf(f.customers, 'phone')).toMatchObject({ type: 'phone', unique: true });
    expect(fieldOf(f.customers, 'referral_code')).toMatchObject({ type: 'autonumber', mode: 'shortcode', unique: true });
    expect(fieldOf(f.customers, 'referrer')).toMatchObject({ type: 'relation', target: 'customers' });
    expect(fieldOf(f.customers, 'campaign')).toMatchObject({ type: 'relation', target: 'campaigns' });
    expect(fieldOf(f.products, 'sku')).toMatchObject({ unique: true });
    expect(fieldOf(f.products, 'coefficient')).toMatchObject({ type: 'number', default: 1 });
    expect(optionsOf(f.products, 'activity')).toEqual(['none', 'flash_sale', 'group_buy']);
    expect(optionsOf(f.orders, 'status')).toEqual(['pending', 'paid', 'received', 'cancelled']);
    expect(fieldOf(f.orders, 'lines').fields.map((x: any) => x.key)).toEqual(['sku', 'qty', 'unit_price', 'activity']);
    expect(fieldOf(f.orders, 'total')).toMatchObject({ type: 'formula', resultType: 'money' });
    expect(optionsOf(f.commission_ledger, 'kind')).toEqual(['commission', 'first_order', 'invite', 'top_seller', 'team', 'differential', 'reversal', 'withdrawal']);
    expect(optionsOf(f.commission_ledger, 'state')).toEqual(['frozen', 'available', 'cancelled', 'paid_out']);
    expect(optionsOf(f.withdrawals, 'state')).toEqual(['requested', 'approved', 'rejected', 'paid']);
    expect(optionsOf(f.leads, 'status')).toEqual(['new', 'contacted', 'converted', 'lost']);
    expect(fieldOf(f.plan, 'withdraw_fee')).toMatchObject({ type: 'number', min: 0, max: 100 });
    expect(f.join.public).toMatchObject({ enabled: true, slug: 'join' });
    expect(fieldOf(f.join, 'ref')).toMatchObject({ linkParam: 'ref' });

    // Demo data went in through validation, relations resolved from $ref names.
    const customers = (await h().req({ method: 'GET', url: '/api/apps/referral/forms/customers/records?sort=phone' })).body.items;
    expect(customers.map((c: any) => c.name)).toEqual(['王芳', '李雷', '韩梅梅']);
    expect(customers[1].referrer).toBe(customers[0].id);
    expect(customers[2].referrer).toBe(customers[1].id);
    expect(customers[0].referral_code).toMatch(/^[A-Z2-9]{6}$/);
    const plan = (await h().req({ method: 'GET', url: '/api/apps/referral/forms/plan/records' })).body.items;
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ levels: 2, rates: [{ rate: 10 }, { rate: 5 }], freeze_days: 7, binding_days: 30 });

    // The public join form takes the referral code from the link. Every scan is kept (binding
    // modes need re-scans); the join_binding rule merges them into one customer by phone.
    const ref = customers[0].referral_code;
    const a = await h().req({ method: 'POST', url: `/api/public/forms/join/submissions?ref=${ref}`, headers: { authorization: '' }, payload: { name: '新客', phone: '13811112222', region: '330100' } });
    expect(a.status).toBe(201);
    const b = await h().req({ method: 'POST', url: `/api/public/forms/join/submissions?ref=${ref}`, headers: { authorization: '' }, payload: { name: '新客', phone: '13811112222' } });
    expect(b.status).toBe(201);
    const same = (await h().req({ method: 'GET', url: `/api/apps/referral/forms/customers/records?filter=${encodeURIComponent(JSON.stringify({ phone: '13811112222' }))}` })).body.items;
    expect(same).toHaveLength(1);
    const joined = (await h().req({ method: 'GET', url: `/api/apps/referral/forms/join/records/${a.body.id}` })).body;
    expect(joined).toMatchObject({ ref, phone: '13811112222', region: '330100' });

    // Demo data obeys the forms' rules: a duplicate phone is refused.
    const dup = await h().req({ method: 'POST', url: '/api/apps/referral/forms/customers/records', payload: { name: 'x', phone: '13900000001' } });
    expect(dup.status).toBe(409);
  });

  it('installs livestream-erp; the live form stores link params and de-duplicates by phone + code', async () => {
    const r = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { demoData: true } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ app: 'livestream', version: 1 });
    const meta = (await h().req({ method: 'GET', url: '/api/apps/livestream' })).body;
    for (const [form, keys] of Object.entries(LIVESTREAM)) expect(meta.forms[form].fields.map((f: any) => f.key), form).toEqual(expect.arrayContaining(keys));
    expect(optionsOf(meta.forms.orders, 'status')).toEqual(['pending_review', 'approved', 'rejected', 'synced', 'shipped', 'delivered', 'cancelled']);
    expect(optionsOf(meta.forms.orders, 'source')).toEqual(['intent', 'douyin', 'channels']);
    expect(optionsOf(meta.forms.live_sessions, 'channel')).toEqual(['douyin', 'channels', 'other']);
    expect(fieldOf(meta.forms.orders, 'external_id')).toMatchObject({ unique: true });
    expect(fieldOf(meta.forms.hook_scripts, 'code')).toMatchObject({ unique: true });
    expect(fieldOf(meta.forms.hook_scripts, 'discount')).toMatchObject({ type: 'number', min: 0, max: 100 });
    expect(meta.forms.intents.public).toMatchObject({ enabled: true, slug: 'live', dedupe: ['phone', 'code'] });

    const hooks = (await h().req({ method: 'GET', url: '/api/apps/livestream/forms/hook_scripts/records?sort=code' })).body.items;
    expect(hooks.map((x: any) => x.code)).toEqual(['FANS520', 'LIVE666', 'LIVE888']);
    const session = (await h().req({ method: 'GET', url: '/api/apps/livestream/forms/live_sessions/records' })).body.items[0];
    expect(hooks.every((x: any) => x.session === session.id)).toBe(true);

    const url = (q: string) => ({ method: 'POST' as const, url: `/api/public/forms/live/submissions?${q}`, headers: { authorization: '' } });
    const a = await h().req({ ...url(`code=LIVE888&channel=douyin&session=${session.id}`), payload: { name: '观众甲', phone: '13622223333', sku: 'TEA-001', qty: 2, region: '440300' } });
    expect(a.status).toBe(201);
    const rec = (await h().req({ method: 'GET', url: `/api/apps/livestream/forms/intents/records/${a.body.id}` })).body;
    expect(rec).toMatchObject({ code: 'LIVE888', channel: 'douyin', session: String(session.id), qty: 2, sku: 'TEA-001' });
    const again = await h().req({ ...url('code=LIVE888&channel=douyin'), payload: { name: '观众甲', phone: '13622223333' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(a.body.id);
    const other = await h().req({ ...url('code=LIVE666&channel=douyin'), payload: { name: '观众甲', phone: '13622223333' } });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(a.body.id);
    const bad = await h().req({ ...url('code=LIVE888'), payload: { name: '观众乙', phone: '12345' } });
    expect(bad.status).toBe(422);

    // external_id: unique when present, empty allowed many times.
    const cust = (await h().req({ method: 'GET', url: '/api/apps/livestream/forms/customers/records' })).body.items[0];
    const order = (ext?: string) => h().req({ method: 'POST', url: '/api/apps/livestream/forms/orders/records', payload: { customer: cust.id, lines: [{ sku: 'TEA-001', qty: 1, unit_price: 29900 }], ...(ext ? { external_id: ext } : {}) } });
    expect((await order()).status).toBe(201);
    expect((await order()).status).toBe(201);
    const o1 = await order('DY-1');
    expect(o1.status).toBe(201);
    expect(o1.body).toMatchObject({ status: 'pending_review', order_no: expect.stringMatching(/^LV-\d{6}$/) });
    expect((await order('DY-1')).status).toBe(409);
  });

  it('installs the same template twice under other app keys, suffixing public slugs', async () => {
    const a = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { app: 'shop_a' } });
    const b = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { app: 'shop_b', demoData: true } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toMatchObject({ app: 'shop_a', version: 1 });
    const apps = (await h().req({ method: 'GET', url: '/api/apps' })).body.items.map((x: any) => x.key);
    expect(apps).toEqual(expect.arrayContaining(['shop_a', 'shop_b']));
    const metaA = (await h().req({ method: 'GET', url: '/api/apps/shop_a' })).body;
    expect(metaA.forms.intents.public.slug).toBe('live-shop-a');
    const s = await h().req({ method: 'POST', url: '/api/public/forms/live-shop-b/submissions?code=LIVE888&channel=channels', headers: { authorization: '' }, payload: { name: '观众丙', phone: '13544445555' } });
    expect(s.status).toBe(201);
    const rec = (await h().req({ method: 'GET', url: `/api/apps/shop_b/forms/intents/records/${s.body.id}` })).body;
    expect(rec).toMatchObject({ code: 'LIVE888', channel: 'channels' });
    // Demo data only where asked.
    expect((await h().req({ method: 'GET', url: '/api/apps/shop_a/forms/hook_scripts/records' })).body.items).toHaveLength(0);
    expect((await h().req({ method: 'GET', url: '/api/apps/shop_b/forms/hook_scripts/records' })).body.items).toHaveLength(3);
  });

  it('refuses taken keys, unknown templates, bad keys and non-builders without leaving anything behind', async () => {
    await h().req({ method: 'POST', url: '/api/templates/referral-marketing/install', payload: { app: 'ref_x' } });
    const taken = await h().req({ method: 'POST', url: '/api/templates/referral-marketing/install', payload: { app: 'ref_x' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('APP_EXISTS');
    const missing = await h().req({ method: 'POST', url: '/api/templates/no-such/install', payload: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('TEMPLATE_NOT_FOUND');
    const traversal = await h().req({ method: 'POST', url: '/api/templates/..%2Freferral-marketing/install', payload: {} });
    expect(traversal.status).toBe(404);
    const badKey = await h().req({ method: 'POST', url: '/api/templates/referral-marketing/install', payload: { app: 'Bad Key' } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.code).toBe('INVALID_KEY');
    // A refused publish (here: the suffixed slug is already taken) must not leave the app behind.
    await h().req({ method: 'POST', url: '/api/apps', payload: { key: 'squat' } });
    await h().req({ method: 'PUT', url: '/api/apps/squat/forms/f', payload: { formatVersion: 1, title: { 'zh-CN': '占位', en: 'Squat' }, fields: [{ id: 'f_a', key: 'a', type: 'text', label: { 'zh-CN': 'A', en: 'A' } }], public: { enabled: true, slug: 'live-shop-c' } } });
    expect((await h().req({ method: 'POST', url: '/api/apps/squat/publish' })).status).toBe(200);
    const clash = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { app: 'shop_c' } });
    expect(clash.status).toBe(422);
    expect(clash.body.error.code).toBe('PUBLISH_INVALID');
    expect((await h().req({ method: 'GET', url: '/api/apps/shop_c' })).status).toBe(404);

    const { createUser } = await import('../src/auth/users.js');
    await createUser(h().ctx.db, { email: 'op@test.local', password: 'operator-pass-1', role: 'operator' });
    const op = await h().login('op@test.local', 'operator-pass-1');
    const forbidden = await h().req({ method: 'POST', url: '/api/templates/referral-marketing/install', headers: { authorization: `Bearer ${op}` }, payload: { app: 'by_op' } });
    expect(forbidden.status).toBe(403);
  });
});
