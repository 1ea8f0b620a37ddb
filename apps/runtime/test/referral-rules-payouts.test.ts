import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { advance, expectRejected, installReferral, type ReferralApp } from './helpers/referral.js';

// domain.md §3 withdrawals: available = released − already withdrawn; above available or below
// the minimum is refused with a clear message; a fee applies; a rejected request gives it back.
describeBackends('referral rules: withdrawals', (h) => {
  /** B earns ¥20.00 (10% of ¥200) and it is released. */
  async function released(app: ReferralApp) {
    const B = await app.customer('B');
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    return { B, C, order };
  }

  it('refuses more than available (frozen money is not available) and less than the minimum; nothing is written', async () => {
    const app = await installReferral(h(), 'rw');
    await app.plan({ withdraw_min: 1000 });
    const { B } = await released(app);
    const frozen = await app.create('withdrawals', { promoter: B.id, amount: 1000 }, { 'accept-language': 'en' });
    expectRejected(frozen, 'amount', /available balance is ¥0\.00/);
    await advance(h(), 'P8D');
    expectRejected(await app.create('withdrawals', { promoter: B.id, amount: 999 }), 'amount', /最低提现金额为 ¥10\.00/);
    expectRejected(await app.create('withdrawals', { promoter: B.id, amount: 999 }, { 'accept-language': 'en' }), 'amount', /minimum withdrawal is ¥10\.00/);
    expectRejected(await app.create('withdrawals', { promoter: B.id, amount: 2001 }), 'amount', /可提现余额为 ¥20\.00/);
    expect(await app.list('withdrawals')).toEqual([]);
    expect(await app.ledger({ kind: 'withdrawal' })).toEqual([]);
    expect(await app.available(B.id)).toBe(2000);
  });

  it('a withdrawal with a fee deducts the amount at once; the fee is floored to the fen', async () => {
    const app = await installReferral(h(), 'rw');
    await app.plan({ withdraw_min: 1000, withdraw_fee: 1.5 });
    const { B } = await released(app);
    await advance(h(), 'P8D');
    const w = await app.make('withdrawals', { promoter: B.id, amount: 1333 });
    expect(await app.get('withdrawals', w.id)).toMatchObject({ state: 'requested', fee: 19, net_amount: 1314 }); // 1333 × 1.5% = 19.995 → 19
    expect((await app.ledger({ withdrawal: w.id })).map((e) => [e.kind, e.amount, e.state, e.entry_key])).toEqual([['withdrawal', -1333, 'available', `withdrawal:${w.id}`]]);
    expect(await app.available(B.id)).toBe(667);
    expectRejected(await app.create('withdrawals', { promoter: B.id, amount: 1000 }), 'amount'); // 667 left
  });

  it('a rejected withdrawal gives the money back; a paid one is paid out; both are final', async () => {
    const app = await installReferral(h(), 'rw');
    await app.plan({ withdraw_min: 100 });
    const { B } = await released(app);
    await advance(h(), 'P8D');
    const w1 = await app.make('withdrawals', { promoter: B.id, amount: 1500 });
    expect(await app.available(B.id)).toBe(500);
    expect((await app.patch('withdrawals', w1.id, { state: 'rejected' })).status).toBe(200);
    expect(await app.available(B.id)).toBe(2000);
    const back = await app.ledger({ kind: 'reversal', withdrawal: w1.id });
    expect(back.map((e) => [e.amount, e.state])).toEqual([[1500, 'available']]);
    expectRejected(await app.patch('withdrawals', w1.id, { state: 'approved' }), 'state');

    const w2 = await app.make('withdrawals', { promoter: B.id, amount: 2000 });
    expectRejected(await app.patch('withdrawals', w2.id, { amount: 100 }), 'amount');
    expect((await app.patch('withdrawals', w2.id, { state: 'approved' })).status).toBe(200);
    expect((await app.patch('withdrawals', w2.id, { state: 'paid' })).status).toBe(200);
    expect((await app.ledger({ withdrawal: w2.id })).map((e) => [e.kind, e.amount, e.state])).toEqual([['withdrawal', -2000, 'paid_out']]);
    expect(await app.available(B.id)).toBe(0);
    expectRejected(await app.patch('withdrawals', w2.id, { state: 'rejected' }), 'state');
    expect(await app.available(B.id)).toBe(0);
  });

  it('a new withdrawal must start as requested', async () => {
    const app = await installReferral(h(), 'rw');
    await app.plan();
    const { B } = await released(app);
    await advance(h(), 'P8D');
    expectRejected(await app.create('withdrawals', { promoter: B.id, amount: 100, state: 'paid' }), 'state');
    expect(await app.ledger({ kind: 'withdrawal' })).toEqual([]);
  });
}, { testClock: true });
