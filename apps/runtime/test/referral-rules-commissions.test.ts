import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { advance, byBeneficiary, installReferral } from './helpers/referral.js';

// domain.md §8 worked examples 1–4 and the commission lifecycle of §2–§3, through the records
// API of a freshly installed referral-marketing template (its published rules do the work).
describeBackends('referral rules: commissions', (h) => {
  it('example 1: A → B → C; C pays ¥200 → B ¥20.00, A ¥10.00; A’s own order pays nobody', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan();
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'TEA', unit_price: 20000 }]);
    expect(await app.ledger()).toEqual([]); // pending: nothing yet

    const paid = await app.pay(order.id);
    expect(paid.paid_at).toEqual(expect.any(String)); // stamped by order_paid_at
    const rows = await app.ledger({ order: order.id });
    expect(rows.map((e) => [e.beneficiary, e.level, e.kind, e.amount, e.state])).toEqual([
      [B.id, 1, 'commission', 2000, 'frozen'],
      [A.id, 2, 'commission', 1000, 'frozen'],
    ]);
    expect(rows[0]).toMatchObject({ line: 0, base: 20000, rate: 10, plan_version: 1, entry_key: `order:${order.id}:line:0:L1:commission` });
    expect(rows[0]!.cause).toContain('order_commissions');
    expect(Date.parse(rows[0]!.release_at!) - Date.parse(paid.paid_at)).toBe(7 * 86400_000);
    expect(await app.net(C.id)).toBe(0);

    const own = await app.order(A.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(own.id);
    expect(await app.ledger({ order: own.id })).toEqual([]);
  });

  it('example 1 with self-purchase: C ¥20.00, B ¥10.00, A nothing', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan({ self_purchase: true });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    expect(byBeneficiary(await app.ledger({ order: order.id }))).toEqual({ [C.id]: [2000], [B.id]: [1000] });
    expect(await app.net(A.id)).toBe(0);
  });

  it('example 2: a ¥19.99 line at 5% → ¥0.99 (rounded down to the fen)', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan({ rates: [{ rate: 5 }, { rate: 5 }] });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'CUP', unit_price: 1999 }]);
    await app.pay(order.id);
    expect((await app.ledger({ order: order.id })).map((e) => [e.beneficiary, e.amount])).toEqual([[A.id, 99]]);
  });

  it('example 3: fixed SKU commission L1 ¥8, L2 ¥3, qty 2, price ¥0 → ¥16.00 and ¥6.00', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan();
    await app.product('GIFT', { price: 0, fixed_l1: 800, fixed_l2: 300 });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'GIFT', unit_price: 0, qty: 2 }]);
    await app.pay(order.id);
    const rows = await app.ledger({ order: order.id });
    expect(rows.map((e) => [e.beneficiary, e.level, e.amount, e.rate])).toEqual([[B.id, 1, 1600, null], [A.id, 2, 600, null]]);
  });

  it('example 4: lines ¥100×1 and ¥50×2 at 10%/5% → B ¥20, A ¥10; full refund of line 2 → B ¥10, A ¥5 net', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan();
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'TEA', unit_price: 10000 }, { sku: 'CUP', unit_price: 5000, qty: 2 }]);
    await app.pay(order.id);
    expect(await app.net(B.id)).toBe(2000);
    expect(await app.net(A.id)).toBe(1000);

    await app.make('refunds', { order: order.id, line: 1 });
    expect(await app.net(B.id)).toBe(1000);
    expect(await app.net(A.id)).toBe(500);
    const reversals = await app.ledger({ kind: 'reversal' });
    expect(reversals.map((e) => [e.beneficiary, e.line, e.amount, e.state])).toEqual([[B.id, 1, -1000, 'frozen'], [A.id, 1, -500, 'frozen']]);
    // Reversed before release: the pair is released together, so it never shows as available money.
    const originals = await app.ledger({ order: order.id, line: 1, kind: 'commission' });
    expect(reversals.map((e) => e.release_at)).toEqual(originals.map((e) => e.release_at));
    expect(reversals.map((e) => e.reverses)).toEqual(originals.map((e) => e.id));
  });

  it('the same paid event twice (paid again, or paid → pending → paid) posts once', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan();
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    await app.pay(order.id);
    await app.setStatus(order.id, 'pending');
    await app.pay(order.id);
    await app.setStatus(order.id, 'received');
    const rows = await app.ledger();
    expect(rows.map((e) => [e.beneficiary, e.amount])).toEqual([[A.id, 2000]]);
  });

  it('freeze and release on the test clock: frozen for freeze_days, then available', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan({ freeze_days: 7 });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    await advance(h(), 'P6D');
    expect((await app.ledger()).map((e) => e.state)).toEqual(['frozen']);
    expect(await app.available(A.id)).toBe(0);
    await advance(h(), 'P1DT1H');
    expect((await app.ledger()).map((e) => e.state)).toEqual(['available']);
    expect(await app.available(A.id)).toBe(2000);
  });

  it('activities, coefficient, postage and the total cap per order', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan({ allowed_activities: ['group_buy'], total_cap: 16, include_postage: true });
    await app.product('FLASH', { price: 10000, activity: 'flash_sale' });
    await app.product('BOOST', { price: 10000, coefficient: 1.5 });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [
      { sku: 'FLASH', unit_price: 10000 }, // flash sale: not allowed → earns nothing
      { sku: 'BOOST', unit_price: 10000, activity: 'group_buy' }, // allowed; coefficient 1.5
      { sku: 'TEA', unit_price: 5000, activity: 'flash_sale' }, // the line's own activity counts too
    ], { postage: 1000 });
    await app.pay(order.id);
    // Line 1: basis 10000 + the whole postage 1000 = 11000; L1 15% = 1650, L2 7.5% = 825;
    // cap 16% of 11000 = 1760 → level 1 first: B 1650, A 110.
    const rows = await app.ledger({ order: order.id });
    expect(rows.map((e) => [e.beneficiary, e.line, e.base, e.rate, e.amount])).toEqual([[B.id, 1, 11000, 15, 1650], [A.id, 1, 11000, 7.5, 110]]);
    expect(rows[1]!.cause).toContain('capped');
  });

  it('list-price basis and commissions on confirmed receipt', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan({ basis: 'list_price', commission_on: 'received' });
    await app.product('TEA', { price: 30000 });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    expect(await app.ledger()).toEqual([]);
    await app.setStatus(order.id, 'received');
    expect((await app.ledger()).map((e) => [e.beneficiary, e.base, e.amount])).toEqual([[A.id, 30000, 3000]]);
  });

  it('first-order bonus: a customer’s first paid order only, reversed with a full refund', async () => {
    const app = await installReferral(h(), 'rc');
    await app.plan({ first_order_bonus: 500 });
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const first = await app.order(B.id, [{ sku: 'TEA', unit_price: 1000 }]);
    const second = await app.order(B.id, [{ sku: 'TEA', unit_price: 1000 }]);
    await app.pay(first.id);
    await app.pay(second.id);
    const bonus = await app.ledger({ kind: 'first_order' });
    expect(bonus.map((e) => [e.beneficiary, e.order, e.amount, e.entry_key])).toEqual([[A.id, first.id, 500, `first_order:customer:${B.id}`]]);
    expect(await app.net(A.id)).toBe(500 + 100 + 100);
    await app.make('refunds', { order: first.id });
    expect(await app.net(A.id)).toBe(100);
  });

  it('no plan record: orders post nothing', async () => {
    const app = await installReferral(h(), 'rc');
    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    expect(await app.ledger()).toEqual([]);
  });
}, { testClock: true });
