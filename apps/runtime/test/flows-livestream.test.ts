import { beforeAll, expect, it } from 'vitest';
import { advance, complete, instancesOf, person, taskFor, type Person } from './helpers/flows.js';
import { describeBackends } from './helpers/harness.js';

/**
 * The livestream template's "order review" flow, durable on PostgreSQL and PGlite with the test
 * clock: sales lead (SLA 2 h, reassigned to the manager when missed) → warehouse (auto-reject
 * when stock is short; approval reserves stock) → finance (may return to sales) → approved.
 */
describeBackends('livestream order review flow', (h) => {
  let manager: Person, lead: Person, warehouse: Person, finance: Person;
  let phone = 13900000000;
  const get = async (url: string) => (await h().req({ method: 'GET', url })).body;
  /** Submits a live-room intent; returns the draft order it made. */
  const order = async (sku = 'TEA-001', qty = 1) => {
    const r = await h().req({ method: 'POST', url: '/api/public/forms/live/submissions?code=LIVE888&channel=douyin', headers: { authorization: '' }, payload: { name: '观众', phone: String(++phone), sku, qty } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const orders = (await get(`/api/apps/livestream/forms/orders/records?filter=${encodeURIComponent(JSON.stringify({ intent: r.body.id }))}`)).items;
    expect(orders).toHaveLength(1);
    return orders[0] as { id: number; status: string };
  };
  const status = async (id: number) => (await get(`/api/apps/livestream/forms/orders/records/${id}`)).status;
  const product = async (sku: string) => (await get(`/api/apps/livestream/forms/products/records?filter=${encodeURIComponent(JSON.stringify({ sku }))}`)).items[0];
  const instance = async (id: number) => (await instancesOf(h(), 'livestream', 'order_review', id))[0];
  const approveAs = async (p: Person, record: number, comment?: string) => {
    const t = await taskFor(p, record, 'order_review');
    expect(t, `${p.email} has a task for order ${record}`).toBeTruthy();
    const r = await complete(p, t.id, 'approve', comment ? { comment } : {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    const r = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { demoData: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    manager = await person(h(), 'manager@shop.test', { groups: ['sales_manager'] });
    lead = await person(h(), 'lead@shop.test', { groups: ['sales_lead'], managerId: manager.id });
    warehouse = await person(h(), 'wh@shop.test', { groups: ['warehouse'] });
    finance = await person(h(), 'fin@shop.test', { groups: ['finance'] });
  });

  it('approves: sales lead → warehouse (stock reserved) → finance → order approved, with a timeline', async () => {
    const o = await order('TEA-001', 2);
    expect(o.status).toBe('pending_review');
    const before = (await product('TEA-001')).reserved;
    const inst = await instance(o.id);
    expect(inst).toMatchObject({ status: 'running', version: 1, activeNodes: [{ node: 'sales' }], initiator: null });
    expect(await taskFor(warehouse, o.id)).toBeUndefined();
    await approveAs(lead, o.id, '价格没问题');
    await approveAs(warehouse, o.id);
    expect((await product('TEA-001')).reserved).toBe(before + 2);
    const done = await approveAs(finance, o.id);
    expect(done.instance.status).toBe('approved');
    expect(await status(o.id)).toBe('approved');
    const timeline = done.instance.timeline as any[];
    const approvals = timeline.filter((e) => e.type === 'task.approved');
    expect(approvals.map((e) => [e.node, e.user.id])).toEqual([['sales', lead.id], ['warehouse', warehouse.id], ['finance', finance.id]]);
    expect(approvals[0].comment).toBe('价格没问题');
    expect(timeline.at(-1)).toMatchObject({ type: 'finished', outcome: 'approved' });
    // Done tasks show in the approvers' "done" tab.
    const doneTasks = (await lead.req({ method: 'GET', url: '/api/tasks?state=done' })).body;
    expect(doneTasks.items.some((t: any) => t.record === o.id && t.outcome === 'approve')).toBe(true);
  });

  it('rejects at the stock check without asking the warehouse when stock is short', async () => {
    const cake = await product('TEA-002');
    expect((await h().req({ method: 'PATCH', url: `/api/apps/livestream/forms/products/records/${cake.id}`, payload: { stock: 5 } })).status).toBe(200);
    const o = await order('TEA-002', 6);
    await approveAs(lead, o.id);
    expect(await taskFor(warehouse, o.id)).toBeUndefined();
    expect(await status(o.id)).toBe('rejected');
    const inst = await instance(o.id);
    expect(inst.status).toBe('rejected');
    expect(inst.timeline.some((e: any) => e.type === 'node.auto' && e.node === 'warehouse' && e.outcome === 'reject')).toBe(true);
    expect((await product('TEA-002')).reserved).toBe(0);
  });

  it('reminds the sales lead before 2 h and reassigns to the manager when the SLA is missed', async () => {
    const o = await order();
    const t = await taskFor(lead, o.id);
    expect(t.dueAt).toBe(new Date(new Date(t.createdAt).getTime() + 2 * 3600_000).toISOString());
    await advance(h(), 'PT1H31M');
    const notes = (await lead.req({ method: 'GET', url: '/api/notifications' })).body;
    expect(JSON.stringify(notes)).toMatch(/即将超时|due soon/);
    expect(await taskFor(manager, o.id)).toBeUndefined();
    await advance(h(), 'PT30M');
    expect(await taskFor(lead, o.id)).toBeUndefined();
    const m = await taskFor(manager, o.id);
    expect(m).toBeTruthy();
    const inst = await instance(o.id);
    expect(inst.timeline.filter((e: any) => e.type === 'sla.escalated')).toHaveLength(1);
    expect(inst.timeline.some((e: any) => e.type === 'task.reassigned' && e.to?.id === manager.id)).toBe(true);
    await approveAs(manager, o.id);
    expect((await instance(o.id)).activeNodes).toEqual([{ node: 'warehouse', name: expect.anything() }]);
    // The lead's old task is overdue no more: it was handed over.
    const overdue = (await lead.req({ method: 'GET', url: '/api/tasks?state=open' })).body.counts.overdue;
    expect(overdue).toBe(0);
  });

  it('finance returns the order to sales; the second pass reserves stock once', async () => {
    const o = await order('CUP-001', 3);
    const before = (await product('CUP-001')).reserved;
    await approveAs(lead, o.id);
    await approveAs(warehouse, o.id);
    const ft = await taskFor(finance, o.id);
    const detail = (await finance.req({ method: 'GET', url: `/api/tasks/${ft.id}` })).body;
    expect(detail.returnTargets.map((x: any) => x.node)).toEqual(['sales', 'warehouse']);
    const back = await finance.req({ method: 'POST', url: `/api/tasks/${ft.id}/return`, payload: { to: 'sales', comment: '客户信用额度需确认' } });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.instance.activeNodes.map((x: any) => x.node)).toEqual(['sales']);
    await approveAs(lead, o.id);
    await approveAs(warehouse, o.id);
    await approveAs(finance, o.id);
    expect(await status(o.id)).toBe('approved');
    expect((await product('CUP-001')).reserved).toBe(before + 3);
  });

  it('a task completed twice (double click, retried request) acts once', async () => {
    const o = await order();
    const t = await taskFor(lead, o.id);
    const [a, b] = await Promise.all([complete(lead, t.id, 'approve'), complete(lead, t.id, 'approve')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const again = await complete(lead, t.id, 'approve');
    expect(again.status).toBe(200);
    const inst = await instance(o.id);
    expect(inst.timeline.filter((e: any) => e.type === 'task.approved')).toHaveLength(1);
    expect(inst.tasks.filter((x: any) => x.node === 'warehouse')).toHaveLength(1);
    // A different answer to a closed task is refused and changes nothing.
    const flip = await complete(lead, t.id, 'reject');
    expect(flip.status).toBe(409);
    expect(flip.body.error.code).toBe('FLOW_TASK_NOT_OPEN');
    // Someone else's task is not yours to complete.
    const wt = await taskFor(warehouse, o.id);
    const other = await complete(lead, wt.id, 'approve');
    expect(other.status).toBe(403);
  });

  it('an instance started under version 1 finishes under version 1 after version 2 is published', async () => {
    const o = await order();
    const def = (await get('/api/apps/livestream/flows/order_review')).definition as any;
    // Version 2 drops the warehouse step.
    const v2 = {
      ...def,
      nodes: def.nodes.filter((n: any) => n.id !== 'warehouse' && n.id !== 'reserve'),
      edges: [...def.edges.filter((e: any) => !['e_sales_warehouse', 'e_warehouse_reserve', 'e_reserve_finance'].includes(e.id)), { id: 'e_sales_finance', source: 'sales', target: 'finance', sourceHandle: 'approve' }],
    };
    expect((await h().req({ method: 'PUT', url: '/api/apps/livestream/flows/order_review', payload: v2 })).status).toBe(200);
    const pub = await h().req({ method: 'POST', url: '/api/apps/livestream/publish', payload: {} });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const newer = await order();
    await approveAs(lead, o.id);
    await approveAs(lead, newer.id);
    // v1 instance goes on to the warehouse; the v2 one straight to finance.
    expect((await instance(o.id))).toMatchObject({ version: 1, activeNodes: [{ node: 'warehouse' }] });
    expect((await instance(newer.id))).toMatchObject({ version: pub.body.version, activeNodes: [{ node: 'finance' }] });
    await approveAs(warehouse, o.id);
    await approveAs(finance, o.id);
    expect(await status(o.id)).toBe('approved');
    expect((await instance(o.id)).version).toBe(1);
  });

  it('the initiator withdraws before anyone acted; not after', async () => {
    const rec = (await get('/api/apps/livestream/forms/customers/records?limit=1')).items[0];
    // An operator creates an order by hand: they are the initiator.
    const r = await lead.req({ method: 'POST', url: '/api/apps/livestream/forms/orders/records', payload: { customer: rec.id, lines: [{ sku: 'TEA-001', qty: 1, unit_price: 100 }], status: 'pending_review', source: 'intent' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const mine = (await lead.req({ method: 'GET', url: '/api/flow-instances?mine=1&state=running' })).body.items;
    const inst = mine.find((i: any) => i.record === r.body.id);
    expect(inst.canWithdraw).toBe(true);
    const w = await lead.req({ method: 'POST', url: `/api/flow-instances/${inst.id}/withdraw`, payload: {} });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    expect(await status(r.body.id)).toBe('cancelled');
    expect(await taskFor(lead, r.body.id)).toBeUndefined();
    const again = await lead.req({ method: 'POST', url: `/api/flow-instances/${inst.id}/withdraw`, payload: {} });
    expect(again.status).toBe(409);
  });
}, { testClock: true });
