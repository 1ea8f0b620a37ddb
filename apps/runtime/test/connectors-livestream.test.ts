import type { AddressInfo } from 'node:net';
import { startChannels, startDouyin, startKingdee, startWecom, startYonyou, type ChannelsFake, type DouyinFake, type KingdeeFake, type WecomFake, type YonyouFake } from '@kiln/fakes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { complete, person, taskFor, type Person } from './helpers/flows.js';
import { describeConnectors } from './helpers/connectors.js';

/**
 * The livestream template's ERP sync end to end, over real HTTP against the protocol fakes:
 * live-room intent → draft order → three approvals → the Kingdee fake holds the audited sales
 * order → the order is `synced` with the bill number → the ERP's shipment callback moves it to
 * `shipped` → the WeCom robot fake got the notice. Also: an ERP outage across test-clock time
 * delivers every order exactly once afterwards; a refused delivery ends `dead` and is replayed by
 * hand; Yonyou instead of Kingdee; Douyin and WeChat Channels pushes delivered three times make
 * one order each.
 */
describeConnectors('livestream ERP sync through connectors', (h) => {
  let kingdee: KingdeeFake, yonyou: YonyouFake, wecom: WecomFake, douyin: DouyinFake, channels: ChannelsFake;
  let lead: Person, warehouse: Person, finance: Person;
  let phone = 13600000000;
  const advance = async (duration: string) => {
    const r = await h().req({ method: 'POST', url: '/api/_test/clock', payload: { advance: duration } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const get = async (url: string) => {
    const r = await h().req({ method: 'GET', url });
    expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  const records = async (form: string, filter: object) =>
    (await get(`/api/apps/livestream/forms/${form}/records?filter=${encodeURIComponent(JSON.stringify(filter))}`)).items as any[];
  const orderById = async (id: number) => get(`/api/apps/livestream/forms/orders/records/${id}`);
  const deliveries = async (connector: string, state?: string) =>
    (await get(`/api/apps/livestream/connectors/${connector}/deliveries?limit=200${state ? `&state=${state}` : ''}`)).items as any[];
  /** Runs every delivery now due (the test clock's "advance" drains the outbox before answering). */
  const drain = () => advance('PT0S');
  const settings = async (connector: string, body: object) => {
    const r = await h().req({ method: 'PUT', url: `/api/apps/livestream/connectors/${connector}/settings`, payload: body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  /** A live-room intent → its draft order. */
  const intent = async (sku = 'TEA-001', qty = 1) => {
    const r = await h().req({ method: 'POST', url: '/api/public/forms/live/submissions?code=LIVE888&channel=douyin', headers: { authorization: '' }, payload: { name: '观众', phone: String(++phone), sku, qty } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [o] = await records('orders', { intent: r.body.id });
    expect(o.status).toBe('pending_review');
    return o as { id: number; order_no: string };
  };
  const approveAll = async (id: number) => {
    for (const p of [lead, warehouse, finance]) {
      const t = await taskFor(p, id, 'order_review');
      expect(t, `${p.email} has a task for order ${id}`).toBeTruthy();
      const r = await complete(p, t.id, 'approve');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  };
  const kingdeeBills = (billNo: string) => kingdee.orders().filter((o) => o.number === billNo);

  beforeAll(async () => {
    await h().app.listen({ port: 0, host: '127.0.0.1' });
    const kiln = `http://127.0.0.1:${(h().app.server.address() as AddressInfo).port}`;
    [kingdee, yonyou, wecom, douyin, channels] = await Promise.all([
      startKingdee({ callback: { url: `${kiln}/api/hooks/livestream/erp_events`, secret: 'demo-callback-secret' } }),
      // The test clock runs hours ahead of the fake's real time: widen its timestamp window.
      startYonyou({ skewMs: 30 * 86_400_000 }),
      startWecom(),
      startDouyin({ target: `${kiln}/api/hooks/livestream/douyin` }),
      startChannels({ target: `${kiln}/api/hooks/livestream/channels` }),
    ]);
    const r = await h().req({ method: 'POST', url: '/api/templates/livestream-erp/install', payload: { demoData: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await settings('erp_kingdee', { baseUrl: kingdee.apiBase });
    await settings('erp_yonyou', { baseUrl: yonyou.url });
    await settings('wecom_sales', { baseUrl: wecom.url });
    await settings('channels', { baseUrl: channels.url });
    const manager = await person(h(), 'mgr@erp.test', { groups: ['sales_manager'] });
    lead = await person(h(), 'lead@erp.test', { groups: ['sales_lead'], managerId: manager.id });
    warehouse = await person(h(), 'wh@erp.test', { groups: ['warehouse'] });
    finance = await person(h(), 'fin@erp.test', { groups: ['finance'] });
  });

  afterAll(async () => {
    await Promise.all([kingdee, yonyou, wecom, douyin, channels].map((f) => f?.close()));
  });

  it('intent → draft → three approvals → Kingdee audited order → synced → ERP ships → shipped → WeCom notice', async () => {
    const o = await intent('TEA-001', 2);
    await approveAll(o.id);
    await drain();
    const [bill] = kingdeeBills(o.order_no);
    expect(bill, 'the Kingdee fake holds the sales order').toBeTruthy();
    expect(bill!.status).toBe('C');
    const model = bill!.model as any;
    // ¥299.00 less LIVE888's 10 % = ¥269.10 tax included; at 13 %: 269.10 ÷ 1.13 = 238.141593.
    expect(model.FSaleOrderEntry).toEqual([expect.objectContaining({ FMaterialId: { FNumber: 'MAT-10001' }, FQty: 2, FTaxPrice: 269.1, FPrice: 238.141593, FEntryTaxRate: 13 })]);
    expect(model.FBillTypeID).toEqual({ FNUMBER: 'XSDD01_SYS' });
    let order = await orderById(o.id);
    expect(order).toMatchObject({ status: 'synced', erp_bill_no: o.order_no });
    const [d] = (await deliveries('erp_kingdee')).filter((x) => x.record?.id === o.id);
    expect(d).toMatchObject({ state: 'delivered', operation: 'push_order', idempotencyKey: o.order_no, attempts: 1, result: { billNo: o.order_no } });

    // The ERP reports the shipment through its signed callback.
    const cb = await kingdee.ship(o.order_no, 'shipped');
    expect(cb.status, cb.body).toBe(200);
    order = await orderById(o.id);
    expect(order.status).toBe('shipped');
    await drain();
    const notes = wecom.messages();
    expect(notes.filter((m) => m.content.includes(o.order_no))).toHaveLength(1);
    expect(notes.at(-1)).toMatchObject({ key: 'demo-robot-key', msgtype: 'text' });
    expect(notes.at(-1)!.content).toContain('已发货');
    // The same callback again (the ERP retried) changes nothing and notifies no one again.
    expect((await kingdee.ship(o.order_no, 'shipped')).status).toBe(200);
    await drain();
    expect(wecom.messages().filter((m) => m.content.includes(o.order_no))).toHaveLength(1);
  });

  it('the ERP down for two hours of test-clock time: every approved order is delivered exactly once afterwards', async () => {
    kingdee.fault({ kind: '500' });
    const orders = [await intent('TEA-001'), await intent('TEA-002'), await intent('CUP-001')];
    for (const o of orders) await approveAll(o.id);
    await drain();
    for (let i = 0; i < 6; i++) await advance('PT20M');
    const waiting = (await deliveries('erp_kingdee', 'pending')).filter((d) => orders.some((o) => o.id === d.record?.id));
    expect(waiting).toHaveLength(3);
    for (const d of waiting) {
      expect(d.attempts).toBeGreaterThanOrEqual(3);
      // The fake answers 500 to the login too, once the cached session has expired.
      expect(['CONNECTOR_HTTP_ERROR', 'CONNECTOR_LOGIN_FAILED']).toContain(d.error.code);
    }
    for (const o of orders) expect((await orderById(o.id)).status).toBe('approved');
    kingdee.fault(null);
    await advance('PT2H');
    for (const o of orders) {
      expect(kingdeeBills(o.order_no), o.order_no).toHaveLength(1);
      expect(kingdeeBills(o.order_no)[0]!.status).toBe('C');
      expect(await orderById(o.id)).toMatchObject({ status: 'synced', erp_bill_no: o.order_no });
    }
    const saves = kingdee.requests.filter((r) => r.path.includes('DynamicFormService.Save') && orders.some((o) => r.body.includes(o.order_no)));
    expect(saves.filter((r) => r.at).length).toBeGreaterThanOrEqual(3);
  });

  it('a delivery the ERP keeps refusing ends dead after its attempts; replayed by hand it goes through', async () => {
    kingdee.fault({ kind: 'reject' });
    const o = await intent('TEA-001');
    await approveAll(o.id);
    await drain();
    const find = async (state: string) => (await deliveries('erp_kingdee', state)).find((d) => d.record?.id === o.id);
    for (let i = 0; i < 15 && !(await find('dead')); i++) await advance('PT1H');
    const dead = await find('dead');
    expect(dead, 'dead after retry.maxAttempts refusals').toBeTruthy();
    expect(dead).toMatchObject({ attempts: 10, maxAttempts: 10, error: { code: 'CONNECTOR_REJECTED' } });
    expect(dead.error.details).toMatchObject({ step: 'query', messages: [expect.stringContaining('fake reject')] });
    const detail = await get(`/api/apps/livestream/connectors/erp_kingdee/deliveries/${dead.id}`);
    expect(detail.attempts).toHaveLength(10);
    const gaps = detail.attempts.slice(1).map((a: any, i: number) => Date.parse(a.startedAt) - Date.parse(detail.attempts[i].startedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(15_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * 3600_000);
    expect(JSON.stringify(detail)).not.toContain('demo-pass');
    expect(kingdeeBills(o.order_no)).toHaveLength(0);
    expect((await orderById(o.id)).status).toBe('approved');
    kingdee.fault(null);
    const r = await h().req({ method: 'POST', url: `/api/apps/livestream/connectors/erp_kingdee/deliveries/${dead.id}/retry` });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await drain();
    expect((await get(`/api/apps/livestream/connectors/erp_kingdee/deliveries/${dead.id}`)).state).toBe('delivered');
    expect(kingdeeBills(o.order_no)).toHaveLength(1);
    expect(await orderById(o.id)).toMatchObject({ status: 'synced', erp_bill_no: o.order_no });
  });

  it('Yonyou instead of Kingdee: the flow node names erp_yonyou; singleSave carries resubmitCheckKey', async () => {
    const flow = await get('/api/apps/livestream/flows/order_review');
    const def = flow.definition ?? flow.draft ?? flow;
    const node = def.nodes.find((n: any) => n.id === 'erp');
    node.data.connector = 'erp_yonyou';
    let r = await h().req({ method: 'PUT', url: '/api/apps/livestream/flows/order_review', payload: def });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await h().req({ method: 'POST', url: '/api/apps/livestream/publish', payload: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const o = await intent('TEA-002', 3);
    await approveAll(o.id);
    await drain();
    const held = yonyou.orders().filter((x) => x.resubmitCheckKey === `KLN${o.order_no}`);
    expect(held).toHaveLength(1);
    expect(held[0]!.data.orderDetails).toEqual([expect.objectContaining({ productId: 'MAT-10002', qty: 3 })]);
    expect(await orderById(o.id)).toMatchObject({ status: 'synced', erp_bill_no: held[0]!.code });
  });

  it('a Douyin paid message pushed three times makes one order; shipped moves it', async () => {
    const pId = '4837328765348566675';
    const data = { p_id: BigInt(pId), s_ids: [BigInt('4837328765348566676')], shop_id: 1001, order_status: 2, pay_amount: 1990, pay_time: 1767600000, biz: 2, update_time: 1767600000 };
    const replies = await douyin.push([{ tag: '101', msg_id: '7001', data }], { times: 3 });
    expect(replies).toHaveLength(3);
    for (const x of replies) expect(JSON.parse(x.body)).toEqual({ code: 0, msg: 'success' });
    let found = await records('orders', { external_id: pId });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ source: 'douyin', status: 'approved', total: 1990 });
    await douyin.push([{ tag: '102', msg_id: '7002', data: { ...data, order_status: 3 } }]);
    found = await records('orders', { external_id: pId });
    expect(found).toHaveLength(1);
    expect(found[0].status).toBe('shipped');
    // A forged signature is refused and changes nothing.
    const bad = await douyin.push([{ tag: '106', msg_id: '7003', data }], { badSign: true });
    expect(bad[0]!.status).toBe(401);
    expect((await records('orders', { external_id: pId }))[0].status).toBe('shipped');
  });

  it('a WeChat Channels pay event delivered three times fetches the order once and makes one draft order', async () => {
    const orderId = '3705115058471208928';
    channels.putOrder({
      order_id: orderId, status: 20, openid: 'o_buyer', create_time: 1767600000, update_time: 1767600000,
      order_detail: {
        product_infos: [{ product_id: '1001', sku_id: '2001', out_sku_id: 'TEA-001', sku_cnt: 2, sale_price: 29900, real_price: 29900, title: '明前龙井 250g' }],
        price_info: { product_price: 59800, order_price: 59800, freight: 0 },
        pay_info: { pay_time: 1767600000, transaction_id: 'T1' },
        delivery_info: { address_info: { user_name: '张三', tel_number: '13811112222', province_name: '浙江省', city_name: '杭州市', county_name: '西湖区', detail_info: '文三路 1 号' } },
      },
    });
    const replies = await channels.pushEvent('channels_ec_order_pay', orderId, { times: 3 });
    for (const x of replies) expect(x.body).toBe('success');
    await drain();
    const found = await records('orders', { external_id: orderId });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ source: 'channels', status: 'pending_review', total: 59800, lines: [expect.objectContaining({ sku: 'TEA-001', qty: 2, unit_price: 29900 })] });
    const [customer] = await records('customers', { phone: '13811112222' });
    expect(customer.name).toBe('张三');
    expect(found[0].customer).toBe(customer.id);
    expect(channels.requests.filter((r) => r.path.startsWith('/channels/ec/order/get'))).toHaveLength(1);
    expect((await deliveries('channels')).filter((d) => d.input?.orderId === orderId)).toHaveLength(1);
  });
});
