import { beforeAll, expect, it } from 'vitest';
import { complete, person, taskFor, type Person } from './helpers/flows.js';
import { describeBackends } from './helpers/harness.js';
import { advance, installReferral, type ReferralApp } from './helpers/referral.js';

/**
 * The referral template's flows: withdrawal requests go through finance approval; a new lead
 * goes round robin to the active reps of its region, with the follow-up SOP (first contact due
 * in 2 h, reminder before, sales leads told when missed; a reminder 3 days after contact while
 * not converted).
 */
describeBackends('referral flows', (h) => {
  let app: ReferralApp;
  let finance: Person, lead: Person, a: Person, b: Person, c: Person;
  const notes = async (p: Person) => JSON.stringify((await p.req({ method: 'GET', url: '/api/notifications' })).body);

  beforeAll(async () => {
    app = await installReferral(h(), 'rf');
    finance = await person(h(), 'finance@ref.test', { groups: ['finance'] });
    lead = await person(h(), 'saleslead@ref.test', { groups: ['sales_lead'] });
    a = await person(h(), 'rep-a@ref.test');
    b = await person(h(), 'rep-b@ref.test');
    c = await person(h(), 'rep-c@ref.test');
    await app.make('sales_reps', { user: a.id, region: '440300' });
    await app.make('sales_reps', { user: b.id, region: '440300' });
    await app.make('sales_reps', { user: c.id, region: '110100' });
    await app.make('sales_reps', { user: lead.id, region: '110100', active: false });
  });

  it('a withdrawal request goes to finance; approve → approved, reject → rejected and the money is back', async () => {
    await app.plan({ withdraw_min: 100 });
    const B = await app.customer('B');
    const C = await app.customer('C', B.id);
    const order = await app.order(C.id, [{ sku: 'TEA', unit_price: 20000 }]);
    await app.pay(order.id);
    await advance(h(), 'P8D');
    const w1 = await app.make('withdrawals', { promoter: B.id, amount: 500 });
    const w2 = await app.make('withdrawals', { promoter: B.id, amount: 700 });
    expect(await app.available(B.id)).toBe(2000 - 1200);
    const t1 = await taskFor(finance, w1.id, 'withdrawal_review');
    const detail = (await finance.req({ method: 'GET', url: `/api/tasks/${t1.id}` })).body;
    expect(detail.form.fields.map((f: any) => f.key)).toEqual(['promoter', 'amount', 'fee', 'state']);
    expect(Object.keys(detail.record).sort()).toEqual(['amount', 'fee', 'id', 'promoter', 'state']);
    expect((await complete(finance, t1.id, 'approve')).status).toBe(200);
    expect((await app.get('withdrawals', w1.id)).state).toBe('approved');
    expect((await complete(finance, (await taskFor(finance, w2.id, 'withdrawal_review')).id, 'reject', { comment: '账户信息有误' })).status).toBe(200);
    expect((await app.get('withdrawals', w2.id)).state).toBe('rejected');
    expect(await app.available(B.id)).toBe(2000 - 500);
  });

  it('assigns new leads round robin among the active reps of their region, with a 2 h first-contact deadline', async () => {
    const sz = [await app.make('leads', { region: '440300', product_interest: '龙井' }), await app.make('leads', { region: '440300' }), await app.make('leads', { region: '440300' })];
    const bj = [await app.make('leads', { region: '110100' }), await app.make('leads', { region: '110100' })];
    const who = async (id: number) => (await app.get('leads', id)).assigned_to;
    const szReps = await Promise.all(sz.map((l) => who(l.id)));
    expect(szReps[0]).not.toBe(szReps[1]);
    expect(szReps[2]).toBe(szReps[0]);
    expect(new Set(szReps)).toEqual(new Set([a.id, b.id]));
    expect(await Promise.all(bj.map((l) => who(l.id)))).toEqual([c.id, c.id]);
    const first = await app.get('leads', sz[0]!.id);
    const now = (await app.req({ method: 'GET', url: '/api/_test/clock' })).body.now;
    expect(first.first_contact_due).toBe(new Date(new Date(now).getTime() + 2 * 3600_000).toISOString());
    const owner = first.assigned_to === a.id ? a : b;
    const t = await taskFor(owner, first.id, 'lead_followup');
    expect(t).toMatchObject({ nodeName: { 'zh-CN': '首次联系' }, labels: { approve: { en: 'Contacted' } } });
    expect(await taskFor(owner === a ? b : a, first.id, 'lead_followup')).toBeUndefined();
  });

  it('reminds the rep before the deadline and tells the sales leads when it is missed', async () => {
    const l = await app.make('leads', { region: '110100', product_interest: '白茶' });
    expect(await notes(lead)).not.toMatch(new RegExp(`#${l.id}\\b`));
    await advance(h(), 'PT1H31M');
    expect(await notes(c)).toMatch(/即将超时|due soon/);
    await advance(h(), 'PT30M');
    const inst = (await app.req({ method: 'GET', url: `/api/apps/${app.key}/flows/lead_followup/instances?record=${l.id}` })).body.items[0];
    expect(inst.timeline.filter((e: any) => e.type === 'sla.escalated')).toHaveLength(1);
    expect(await notes(lead)).toMatch(/已超时|overdue/i);
    // Still the rep's task (notify-only escalation), now overdue.
    const open = (await c.req({ method: 'GET', url: '/api/tasks?state=open' })).body;
    expect(open.items.find((t: any) => t.record === l.id).overdue).toBe(true);
    expect(open.counts.overdue).toBeGreaterThan(0);
  });

  it('contacted → a reminder 3 days later unless converted; lost closes the lead', async () => {
    const kept = await app.make('leads', { region: '110100', product_interest: 'K' });
    const won = await app.make('leads', { region: '110100', product_interest: 'W' });
    const gone = await app.make('leads', { region: '110100', product_interest: 'G' });
    for (const l of [kept, won]) expect((await complete(c, (await taskFor(c, l.id, 'lead_followup')).id, 'approve')).status).toBe(200);
    expect(await app.get('leads', kept.id)).toMatchObject({ status: 'contacted' });
    expect((await complete(c, (await taskFor(c, gone.id, 'lead_followup')).id, 'reject', { comment: '空号' })).status).toBe(200);
    expect(await app.get('leads', gone.id)).toMatchObject({ status: 'lost' });
    expect((await app.patch('leads', won.id, { status: 'converted' })).status).toBe(200);
    await advance(h(), 'P3D');
    const all = await notes(c);
    expect(all).toMatch(new RegExp(`线索 #${kept.id}（K）|Lead #${kept.id} \\(K\\)`));
    expect(all).not.toMatch(new RegExp(`线索 #${won.id}（W）|Lead #${won.id} \\(W\\)`));
    for (const l of [kept, won, gone]) expect((await app.req({ method: 'GET', url: `/api/apps/${app.key}/flows/lead_followup/instances?record=${l.id}` })).body.items[0].status).toBe('completed');
  });

}, { testClock: true });
