import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { clockNow, DEFAULT_PLAN, expectRejected, installReferral, setClock } from './helpers/referral.js';

// domain.md §4 compliance guard rails on the plan, §2 differential tiers (§8 example 5), the
// plan's audit trail, and the monthly top-seller award.

/** `YYYY-MM` of the Shanghai month `offset` months after the instant `iso`. */
function shanghaiMonth(iso: string, offset: number): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const n = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}
describeBackends('referral rules: plan', (h) => {
  it('compliance guard: >3 levels, risky rewards need an acknowledgement; L2 ≤ L1; rates ≤ total cap; one plan', async () => {
    const app = await installReferral(h(), 'rp');
    const four = { levels: 4, rates: [{ rate: 4 }, { rate: 3 }, { rate: 2 }, { rate: 1 }] };
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN, ...four }, { 'accept-language': 'en' }), 'levels', /More than 3 paid levels/);
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN, rates: [{ rate: 5 }, { rate: 10 }] }), 'rates', /第 2 级比例 10% 高于第 1 级的 5%/);
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN, rates: [{ rate: 15 }, { rate: 10 }], total_cap: 20 }), 'rates', /25%/);
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN, invite_reward: 200 }), 'compliance_ack', /邀请奖励/);
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN, differential: true }, { 'accept-language': 'en' }), 'compliance_ack', /differential/);
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN, team_bonus: 1 }), 'compliance_ack');
    expect(await app.list('plan')).toEqual([]);
    expect(await app.list('plan_changes')).toEqual([]);

    const plan = await app.plan();
    expectRejected(await app.create('plan', { ...DEFAULT_PLAN }), undefined, /只能有一条/);
    expectRejected(await app.patch('plan', plan.id, four), 'levels');
    const ack = await app.patch('plan', plan.id, { ...four, compliance_ack: '合规负责人 李四 2026-01-05 已确认' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect((await app.get('plan', plan.id)).levels).toBe(4);
  });

  it('audit trail: every change bumps plan.version (stamped on ledger entries) and logs a plan_changes row', async () => {
    const app = await installReferral(h(), 'rp');
    const plan = await app.plan();
    expect((await app.get('plan', plan.id)).version).toBe(1);
    expect((await app.patch('plan', plan.id, { freeze_days: 14 })).status).toBe(200);
    expect((await app.get('plan', plan.id)).version).toBe(2);
    const log = await app.list('plan_changes');
    expect(log.map((x) => [x.version, x.changed])).toEqual([[1, 'created'], [2, 'freeze_days']]);
    expect(JSON.parse(log[1].snapshot)).toMatchObject({ freeze_days: 14, levels: 2 });
    expect(log[1].changed_by).toEqual(expect.any(Number));

    const A = await app.customer('A');
    const B = await app.customer('B', A.id);
    const order = await app.order(B.id, [{ sku: 'TEA', unit_price: 1000 }]);
    await app.pay(order.id);
    expect((await app.ledger()).map((e) => e.plan_version)).toEqual([2]);
  });

  it('example 5: differential — division 10%, agent 7%, staff 5%; ¥1,000 bound to staff → ¥50 / ¥20 / ¥30; agent at 12% is refused', async () => {
    const app = await installReferral(h(), 'rp');
    await app.plan({ levels: 3, rates: [{ rate: 5 }, { rate: 3 }, { rate: 2 }], differential: true, compliance_ack: '合规负责人 李四 2026-01-05 已确认级差' });
    const division = await app.make('tiers', { name: '事业部', rank: 3, rate: 10 });
    const agent = await app.make('tiers', { name: '代理', rank: 2, rate: 7 });
    const staff = await app.make('tiers', { name: '员工', rank: 1, rate: 5 });
    const D = await app.customer('division', null, { tier: division.id });
    const G = await app.customer('agent', D.id, { tier: agent.id });
    const S = await app.customer('staff', G.id, { tier: staff.id });
    const buyer = await app.customer('buyer', S.id);
    const order = await app.order(buyer.id, [{ sku: 'TEA', unit_price: 100000 }]);
    await app.pay(order.id);
    const rows = await app.ledger({ order: order.id });
    expect(rows.map((e) => [e.beneficiary, e.level, e.kind, e.rate, e.amount])).toEqual([
      [S.id, 1, 'differential', 5, 5000],
      [G.id, 2, 'differential', 2, 2000],
      [D.id, 3, 'differential', 3, 3000],
    ]);

    const refused = await app.patch('tiers', agent.id, { rate: 12 }, { 'accept-language': 'en' });
    expectRejected(refused, 'rate', /higher tier 事业部 \(10%\)/);
    expect((await app.get('tiers', agent.id)).rate).toBe(7);
    // a new top tier paying less than division is refused too
    expectRejected(await app.create('tiers', { name: '合伙人', rank: 4, rate: 8 }), 'rate', /低于更低等级“事业部”/);
    expect(await app.list('tiers')).toHaveLength(3);
  });

  it('monthly top seller (rank = 1 + number strictly higher, ties share) and team bonus above its threshold', async () => {
    const app = await installReferral(h(), 'rp');
    await app.plan({ top_seller_award: 10000, top_seller_ranks: 1, team_bonus: 1, team_bonus_threshold: 4000, compliance_ack: '合规负责人 李四 已确认团队奖励' });
    // Sell on the 10th of next month (Shanghai time), then move to 03:00 on the 1st of the month after.
    const month = shanghaiMonth(await clockNow(h()), 1);
    const following = shanghaiMonth(`${month}-10T10:00:00+08:00`, 1);
    await setClock(h(), new Date(`${month}-10T10:00:00+08:00`).toISOString());
    const P = await app.customer('P');
    const Q = await app.customer('Q');
    const R = await app.customer('R');
    for (const [who, price] of [[P, 5000], [Q, 5000], [R, 3000]] as const) {
      const buyer = await app.customer(`buyer of ${who.name}`, who.id);
      const order = await app.order(buyer.id, [{ sku: 'TEA', unit_price: price }]);
      await app.pay(order.id);
    }
    expect(await app.ledger({ kind: 'top_seller' })).toEqual([]);
    await setClock(h(), new Date(`${following}-01T03:00:00+08:00`).toISOString());
    const awards = await app.ledger({ kind: 'top_seller' });
    expect(awards.map((e) => [e.beneficiary, e.amount, e.base]).sort()).toEqual([[P.id, 10000, 5000], [Q.id, 10000, 5000]].sort());
    expect(awards[0]!.entry_key).toMatch(new RegExp(`^top_seller:${month}:`));
    // Team sales of the month: P and Q ¥50 each reach ¥40; R (¥30) does not → 1% of ¥50 = ¥0.50.
    const team = await app.ledger({ kind: 'team' });
    expect(team.map((e) => [e.beneficiary, e.amount, e.base]).sort()).toEqual([[P.id, 50, 5000], [Q.id, 50, 5000]].sort());
  });
}, { testClock: true });
