import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { advance, expectRejected, installReferral, type ReferralApp } from './helpers/referral.js';

// domain.md §3: refunds reverse commissions (append-only reversal entries), pro rata for a
// partial refund, per the refund policy after release; one refund never posts twice.
describeBackends('referral rules: refunds', (h) => {
  /** A → B → C with C's paid ¥200 order (B ¥20, A ¥10). */
  async function paidChain(app: ReferralApp) {
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    return { A, B, C, order };
  }

  it('partial refund of ¥30 on a ¥200 line → B −¥3.00, A −¥1.50; the rest later reverses the remainder', async () => {
    const app = await installReferral(h(), 'rf');
    await app.plan();
    const { A, B, order } = await paidChain(app);
    const refund = await app.make('refunds', { order: order.id, line: 0, amount: 3000 });
    const reversals = await app.ledger({ refund: refund.id });
    expect(reversals.map((e) => [e.beneficiary, e.kind, e.amount, e.state, e.entry_key])).toEqual([
      [B.id, 'reversal', -300, 'frozen', expect.stringMatching(new RegExp(`^refund:${refund.id}:entry:\\d+$`))],
      [A.id, 'reversal', -150, 'frozen', expect.any(String)],
    ]);
    expect(await app.net(B.id)).toBe(1700);
    expect(await app.net(A.id)).toBe(850);

    await app.make('refunds', { order: order.id, line: 0 }); // the rest of the line
    expect(await app.net(B.id)).toBe(0);
    expect(await app.net(A.id)).toBe(0);
    await advance(h(), 'P8D');
    expect(await app.available(B.id)).toBe(0);
    expect(new Set((await app.ledger({ beneficiary: B.id })).map((e) => e.state))).toEqual(new Set(['available']));
  });

  it('refunds that do not fit are refused with nothing changed', async () => {
    const app = await installReferral(h(), 'rf');
    await app.plan();
    const { C, order } = await paidChain(app);
    const before = await app.ledger();
    expectRejected(await app.create('refunds', { order: order.id, line: 0, amount: 20001 }), 'amount');
    expectRejected(await app.create('refunds', { order: order.id, line: 3 }, { 'accept-language': 'en' }), 'line', /no line 3/);
    const pending = await app.order(C.id, [{ sku: 'TEA', unit_price: 1000 }]);
    expectRejected(await app.create('refunds', { order: pending.id }), 'order');
    await app.make('refunds', { order: order.id });
    const afterFull = await app.ledger();
    expectRejected(await app.create('refunds', { order: order.id, line: 0, amount: 1 }), 'amount');
    expectRejected(await app.create('refunds', { order: order.id }), 'amount');
    expect(await app.ledger()).toEqual(afterFull);
    expect(afterFull.length).toBe(before.length + 2);
    expect((await app.list('refunds')).length).toBe(1);
  });

  it('whole-order partial refund is shared over the lines pro rata', async () => {
    const app = await installReferral(h(), 'rf');
    await app.plan();
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'TEA', unit_price: 10000 }, { sku: 'CUP', unit_price: 5000, qty: 2 }]);
    await app.pay(order.id);
    await app.make('refunds', { order: order.id, amount: 5000 }); // ¥25 from each ¥100 line
    const rev = await app.ledger({ kind: 'reversal' });
    expect(rev.map((e) => [e.line, e.amount])).toEqual([[0, -250], [1, -250]]);
    expect(await app.net(A.id)).toBe(1500);
  });

  it('refund after release, policy negative: the whole reversal, balance may go negative', async () => {
    const app = await installReferral(h(), 'rf');
    await app.plan({ refund_policy: 'negative' });
    const { A, B, order } = await paidChain(app);
    await advance(h(), 'P8D');
    await app.make('withdrawals', { promoter: B.id, amount: 1500 });
    expect(await app.available(B.id)).toBe(500);
    await app.make('refunds', { order: order.id });
    const rev = await app.ledger({ kind: 'reversal' });
    expect(rev.map((e) => [e.beneficiary, e.amount, e.state])).toEqual([[B.id, -2000, 'available'], [A.id, -1000, 'available']]);
    expect(await app.available(B.id)).toBe(-1500);
    expect(await app.available(A.id)).toBe(0);
  });

  it('refund after release, policy cap: deducts at most the available balance, never below 0', async () => {
    const app = await installReferral(h(), 'rf');
    await app.plan({ refund_policy: 'cap' });
    const { A, B, order } = await paidChain(app);
    await advance(h(), 'P8D');
    await app.make('withdrawals', { promoter: B.id, amount: 1500 });
    await app.make('refunds', { order: order.id });
    const rev = await app.ledger({ kind: 'reversal' });
    expect(rev.map((e) => [e.beneficiary, e.amount])).toEqual([[B.id, -500], [A.id, -1000]]);
    expect(rev[0]!.cause).toContain('waived');
    expect(await app.available(B.id)).toBe(0);
    expect(await app.available(A.id)).toBe(0);
  });

  it('a full refund before release nets a line to 0 even after a partial one (no double deduction)', async () => {
    const app = await installReferral(h(), 'rf');
    await app.plan();
    const { A, B, order } = await paidChain(app);
    await app.make('refunds', { order: order.id, line: 0, amount: 3333 });
    await app.make('refunds', { order: order.id });
    expect(await app.net(B.id)).toBe(0);
    expect(await app.net(A.id)).toBe(0);
    expect((await app.ledger({ kind: 'reversal' })).length).toBe(4);
  });
}, { testClock: true });
