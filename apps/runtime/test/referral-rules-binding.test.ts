import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { advance, expectRejected, installReferral, newPhone } from './helpers/referral.js';

// domain.md §1 (binding modes, self-binding, loops over the whole upline, eligibility) and
// §8 example 6 (per-invite reward with a daily cap), through the public join form.
describeBackends('referral rules: binding', (h) => {
  it('a scan creates the customer bound to the code’s owner; a re-scan is the same customer', async () => {
    const app = await installReferral(h(), 'rb');
    await app.plan();
    const A = await app.customer('A');
    const B = await app.customer('B');
    const phone = newPhone();
    const first = await app.join('新客', phone, A.referral_code);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const c = await app.customerByPhone(phone);
    expect(c).toMatchObject({ name: '新客', referrer: A.id, bound_at: expect.any(String) });
    expect(c.binding_note).toContain('bound to A');

    // first binding wins: scanning B's code later keeps A (and the name)
    const again = await app.join('改名', phone, B.referral_code);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id); // every scan is a join row …
    const same = await app.customerByPhone(phone); // … but one customer
    expect(same).toMatchObject({ id: c.id, name: '新客', referrer: A.id, bound_at: c.bound_at });
    expect(same.binding_note).toContain('first binding stays');
    expect((await app.list('join', { phone })).length).toBe(2);

    // unknown code, no code: the customer is kept, the binding too, the note says why
    expect((await app.join('新客', phone, 'NOPE99')).status).toBe(201);
    expect(await app.customerByPhone(phone)).toMatchObject({ referrer: A.id, binding_note: expect.stringContaining('unknown referral code NOPE99') });
    const lone = newPhone();
    expect((await app.join('散客', lone)).status).toBe(201);
    expect(await app.customerByPhone(lone)).toMatchObject({ referrer: null, binding_note: expect.stringContaining('no referral code') });
  });

  it('window mode: no rebind while valid; after expiry an order earns nobody until a new scan rebinds', async () => {
    const app = await installReferral(h(), 'rb');
    await app.plan({ binding_mode: 'window', binding_days: 30 });
    const A = await app.customer('A');
    const B = await app.customer('B');
    const phone = newPhone();
    await app.join('C', phone, A.referral_code);
    const C = await app.customerByPhone(phone);
    expect(C.referrer).toBe(A.id);

    await advance(h(), 'P10D');
    await app.join('C', phone, B.referral_code);
    expect(await app.customerByPhone(phone)).toMatchObject({ referrer: A.id, bound_at: C.bound_at, binding_note: expect.stringContaining('still valid') });
    const inWindow = await app.order(C.id, [{ sku: 'TEA', unit_price: 10000 }]);
    await app.pay(inWindow.id);
    expect((await app.ledger({ order: inWindow.id })).map((e) => [e.beneficiary, e.amount])).toEqual([[A.id, 1000]]);

    await advance(h(), 'P21D'); // 31 days after binding: expired
    const expired = await app.order(C.id, [{ sku: 'TEA', unit_price: 10000 }]);
    await app.pay(expired.id);
    expect(await app.ledger({ order: expired.id })).toEqual([]);

    await app.join('C', phone, B.referral_code);
    const rebound = await app.customerByPhone(phone);
    expect(rebound.referrer).toBe(B.id);
    expect(rebound.binding_note).toContain('expired');
    expect(Date.parse(rebound.bound_at)).toBeGreaterThan(Date.parse(C.bound_at));
    const after = await app.order(C.id, [{ sku: 'TEA', unit_price: 10000 }]);
    await app.pay(after.id);
    expect((await app.ledger({ order: after.id })).map((e) => [e.beneficiary, e.amount])).toEqual([[B.id, 1000]]);
  });

  it('override mode: every valid scan rebinds', async () => {
    const app = await installReferral(h(), 'rb');
    await app.plan({ binding_mode: 'override' });
    const A = await app.customer('A');
    const B = await app.customer('B');
    const phone = newPhone();
    await app.join('C', phone, A.referral_code);
    await app.join('C', phone, B.referral_code);
    expect((await app.customerByPhone(phone)).referrer).toBe(B.id);
  });

  it('self-binding and loops over 3 levels are refused on a scan (customer kept, not bound)', async () => {
    const app = await installReferral(h(), 'rb');
    await app.plan({ binding_mode: 'override' });
    const X = await app.customer('X');
    const Y = await app.customer('Y', X.id);
    const Z = await app.customer('Z', Y.id);
    await app.join('X', X.phone, Z.referral_code); // X → Y → Z, then Z as X's referrer: a loop
    expect(await app.get('customers', X.id)).toMatchObject({ referrer: null, binding_note: expect.stringContaining('loop') });
    await app.join('X', X.phone, X.referral_code);
    expect(await app.get('customers', X.id)).toMatchObject({ referrer: null, binding_note: expect.stringContaining('oneself') });
    expect((await app.list('customers')).length).toBe(3);
  });

  it('an operator setting a referrer: self and loops over the whole upline are refused (422), nothing changes', async () => {
    const app = await installReferral(h(), 'rb');
    await app.plan();
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    expect(B.bound_at).toEqual(expect.any(String)); // stamped by referrer_guard

    const loop = await app.patch('customers', A.id, { referrer: C.id }, { 'accept-language': 'en' });
    expectRejected(loop, 'referrer', /loop/);
    const self = await app.patch('customers', A.id, { referrer: A.id });
    expectRejected(self, 'referrer', /自己/);
    expect((await app.get('customers', A.id)).referrer).toBeNull();
    const created = await app.create('customers', { name: 'D', phone: newPhone() });
    expect(created.status).toBe(201);
    expect((await app.patch('customers', created.body.id, { referrer: C.id })).status).toBe(200);
  });

  it('eligible promoters: assigned (is_promoter) and spend_threshold', async () => {
    const app = await installReferral(h(), 'rb');
    const plan = await app.plan({ eligible: 'assigned' });
    const P = await app.customer('P', null, { is_promoter: true });
    const N = await app.customer('N');
    const p1 = newPhone();
    const p2 = newPhone();
    await app.join('c1', p1, N.referral_code);
    expect(await app.customerByPhone(p1)).toMatchObject({ referrer: null, binding_note: expect.stringContaining('not an eligible promoter') });
    await app.join('c2', p2, P.referral_code);
    expect((await app.customerByPhone(p2)).referrer).toBe(P.id);

    expect((await app.patch('plan', plan.id, { eligible: 'spend_threshold', promoter_min_spend: 10000 })).status).toBe(200);
    const p3 = newPhone();
    await app.join('c3', p3, N.referral_code);
    expect((await app.customerByPhone(p3)).referrer).toBeNull();
    const spend = await app.order(N.id, [{ sku: 'TEA', unit_price: 5000, qty: 2 }]);
    await app.pay(spend.id);
    const p4 = newPhone();
    await app.join('c4', p4, N.referral_code);
    expect((await app.customerByPhone(p4)).referrer).toBe(N.id);
  });

  it('example 6: per-invite ¥2 with a daily cap of ¥5 → ¥2, ¥2, then ¥0 (skipped whole); a new day starts again', async () => {
    const app = await installReferral(h(), 'rb');
    await app.plan({ invite_reward: 200, invite_daily_cap: 500, compliance_ack: '张三 2026-01-05 合规确认' });
    const A = await app.customer('A');
    for (const name of ['n1', 'n2', 'n3']) expect((await app.join(name, newPhone(), A.referral_code)).status).toBe(201);
    const invites = await app.ledger({ kind: 'invite' });
    expect(invites.map((e) => [e.beneficiary, e.amount, e.state])).toEqual([[A.id, 200, 'frozen'], [A.id, 200, 'frozen']]);
    expect((await app.list('customers')).filter((c) => c.referrer === A.id)).toHaveLength(3); // all bound

    // a re-scan of an existing customer is not an invite
    const existing = await app.customer('E');
    expect((await app.join('E', existing.phone, A.referral_code)).status).toBe(201);
    expect(await app.ledger({ kind: 'invite' })).toHaveLength(2);

    await advance(h(), 'P1D');
    const next = await app.join('n4', newPhone(), A.referral_code);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect((await app.ledger({ kind: 'invite' })).map((e) => e.amount)).toEqual([200, 200, 200]);
  });
}, { testClock: true });
