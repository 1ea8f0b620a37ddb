import { createHash, createHmac } from 'node:crypto';
import { connectorFromPreset } from '@kiln/engine-connectors';
import { channelsDemoOrder, douyinPaidMessage, startChannels, startDouyin, startKingdee, type ChannelsFake, type DouyinFake, type KingdeeFake } from '@kiln/fakes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configure, connectors, createOrder, deliveries, delivery, describeConnectors, drain, records, setupConnectorApp } from './helpers/connectors.js';

/**
 * Inbound hooks over real HTTP: the platforms' fakes push to the runtime listening on
 * 127.0.0.1. Signatures are checked on the raw body (Douyin md5, WeChat sha1, generic
 * HMAC-SHA256 with a timestamp window), a refused request changes nothing, a message id is
 * processed once, effects run per message in one transaction, and the connector's reply goes back.
 */

let douyin: DouyinFake;
let channels: ChannelsFake;
let kingdee: KingdeeFake;
beforeAll(async () => {
  [douyin, channels, kingdee] = await Promise.all([startDouyin(), startChannels(), startKingdee()]);
});
afterAll(async () => {
  await Promise.all([douyin?.close(), channels?.close(), kingdee?.close()]);
});

const APP = 'shop';
const VECTOR = '[{"tag":"101","msg_id":"7001","data":"{\\"p_id\\":4837328765348566675,\\"pay_amount\\":1990,\\"order_status\\":2}"}]';
const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');

describeConnectors('inbound connector hooks', (h) => {
  let base = '';
  const traces = async (rule: string) => (await h().req({ method: 'GET', url: `/api/apps/${APP}/rules/${rule}/traces?limit=50` })).body.items.length as number;
  const messages = async (c: string) => (await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/${c}/messages?limit=100` })).body;
  const hook = (c: string, o: { method?: 'GET' | 'POST'; query?: string; body?: string; headers?: Record<string, string> }) =>
    h().app.inject({ method: o.method ?? 'POST', url: `/api/hooks/${APP}/${c}${o.query ? `?${o.query}` : ''}`, payload: o.body, headers: { 'content-type': 'application/json', ...(o.headers ?? {}) } });

  beforeAll(async () => {
    for (const f of [douyin, channels, kingdee]) f.reset();
    const defs = [...connectors(), connectorFromPreset('douyin-shop', 'douyin_unset')];
    await setupConnectorApp(h(), APP, defs);
    await h().app.listen({ port: 0, host: '127.0.0.1' });
    const addr = h().app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    douyin.setTarget(`${base}/api/hooks/${APP}/douyin`);
    channels.setTarget(`${base}/api/hooks/${APP}/channels`);
    kingdee.setCallback({ url: `${base}/api/hooks/${APP}/shipments`, secret: 'ship-secret' });
    await configure(h(), APP, 'douyin', { secrets: { appSecret: 'demo_app_secret' } });
    await configure(h(), APP, 'channels', { baseUrl: channels.url, secrets: { appSecret: 'wx_demo_secret', token: 'wx_demo_token' } });
    await configure(h(), APP, 'kingdee', { baseUrl: kingdee.apiBase, secrets: { password: 'demo-pass' } });
    await configure(h(), APP, 'shipments', { secrets: { inboundSecret: 'ship-secret' } });
  });

  it('Douyin: the protocol vector is accepted, its big order id kept exact, and the reply is what Douyin expects', async () => {
    const r = await hook('douyin', { body: VECTOR, headers: { 'app-id': 'demo_app_key', 'event-sign': '92bcbcf4799245cea7c52b6e648a3b89' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ code: 0, msg: 'success' });
    const [order] = await records(h(), APP, 'orders', { platform_order: '4837328765348566675' });
    expect(order).toMatchObject({ amount: 1990, status: 'paid', customer: 'douyin' });
    const log = await messages('douyin');
    expect(log.items[0]).toMatchObject({ messageId: '7001', outcome: { status: 'done', effects: [{ action: 'rule', hook: 'douyin_order', matched: true }] } });
  });

  it('Douyin: a bad signature is 401 and changes nothing', async () => {
    const before = { orders: (await records(h(), APP, 'orders')).length, traces: await traces('douyin_order'), msgs: (await messages('douyin')).items.length };
    const replies = await douyin.push([douyinPaidMessage({ msgId: '7100', pId: '4837328765348566999', payAmount: 500 })], { badSign: true });
    expect(replies.map((x) => x.status)).toEqual([401]);
    expect(JSON.parse(replies[0]!.body).error.code).toBe('HOOK_SIGNATURE_INVALID');
    const other = await hook('douyin', { body: VECTOR, headers: { 'app-id': 'another_app', 'event-sign': '92bcbcf4799245cea7c52b6e648a3b89' } });
    expect(other.statusCode).toBe(401);
    expect((await records(h(), APP, 'orders')).length).toBe(before.orders);
    expect(await traces('douyin_order')).toBe(before.traces);
    expect((await messages('douyin')).items.length).toBe(before.msgs);
  });

  it('Douyin: the same msg_id pushed three times has one effect', async () => {
    const before = await traces('douyin_order');
    const replies = await douyin.push([douyinPaidMessage({ msgId: '7200', pId: '4837328765348560001', payAmount: 2990 })], { times: 3 });
    expect(replies.map((x) => [x.status, x.body])).toEqual(Array(3).fill([200, '{"code":0,"msg":"success"}']));
    expect(await traces('douyin_order')).toBe(before + 1);
    expect(await records(h(), APP, 'orders', { platform_order: '4837328765348560001' })).toHaveLength(1);
    expect((await messages('douyin')).items.filter((m: any) => m.messageId === '7200')).toHaveLength(1);
  });

  it('a needed secret that is not set answers 503 CONNECTOR_SECRET_MISSING', async () => {
    const r = await hook('douyin_unset', { body: VECTOR, headers: { 'app-id': 'demo_app_key', 'event-sign': '92bcbcf4799245cea7c52b6e648a3b89' } });
    expect(r.statusCode).toBe(503);
    expect(r.json().error).toMatchObject({ code: 'CONNECTOR_SECRET_MISSING', details: { secret: 'appSecret' } });
  });

  it('WeChat Channels: an order event → get_order (token, order detail) → the rule makes the order; duplicate events → one', async () => {
    const orderId = '3705115058471208928';
    channels.putOrder(channelsDemoOrder({ order_id: orderId }));
    const replies = await channels.pushEvent('channels_ec_order_pay', orderId, { times: 3 });
    expect(replies.map((x) => [x.status, x.body])).toEqual(Array(3).fill([200, 'success']));
    await drain(h());
    const page = await deliveries(h(), APP, 'channels');
    expect(page.items).toHaveLength(1);
    const d = await delivery(h(), APP, 'channels', page.items[0].id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.input).toEqual({ orderId, event: 'channels_ec_order_pay' });
    expect(JSON.stringify(d)).not.toContain('wx_demo_secret');
    const orders = await records(h(), APP, 'orders', { platform_order: orderId });
    expect(orders).toHaveLength(1);
    expect(orders[0].amount).toBe(d.result.order_detail.price_info.order_price);
    const bad = await channels.pushEvent('channels_ec_order_pay', orderId, { badSign: true });
    expect(bad[0]!.status).toBe(401);
  });

  it('WeChat: the URL check (GET with echostr) is answered only when signed', async () => {
    const q = (signature: string) => `signature=${signature}&timestamp=1714528860&nonce=42&echostr=hello-echo`;
    const ok = await hook('channels', { method: 'GET', query: q(sha1('wx_demo_token', '1714528860', '42')) });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('hello-echo');
    const bad = await hook('channels', { method: 'GET', query: q(sha1('wrong', '1714528860', '42')) });
    expect(bad.statusCode).toBe(401);
  });

  it('generic HMAC callback (Kingdee shipment): updates the matching record; stale timestamps and unknown records are handled', async () => {
    const o = await createOrder(h(), APP, { bill_no: 'LV-000100', customer: 'CUST0001', amount: 50000, target: 'kingdee' });
    await drain(h());
    const reply = await kingdee.ship('LV-000100', 'shipped');
    expect(reply.status, reply.body).toBe(200);
    const [rec] = await records(h(), APP, 'orders', { bill_no: 'LV-000100' });
    expect(rec.id).toBe(o.id);
    expect(rec.status).toBe('shipped');
    expect(rec.tracking).toMatch(/^SF\d+$/);

    const sign = (ts: string, body: string) => ({ 'x-kiln-timestamp': ts, 'x-kiln-signature': createHmac('sha256', 'ship-secret').update(`${ts}.${body}`).digest('hex') });
    const now = Math.floor(Date.parse((await h().req({ method: 'GET', url: '/api/_test/clock' })).body.now) / 1000);
    const stale = JSON.stringify({ event: 'delivered', billNo: 'LV-000100', at: 'x', logistics: { trackingNo: 'SF1' } });
    const old = await hook('shipments', { body: stale, headers: sign(String(now - 3600), stale) });
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('HOOK_TIMESTAMP_INVALID');
    expect((await records(h(), APP, 'orders', { bill_no: 'LV-000100' }))[0].status).toBe('shipped');

    const unknown = JSON.stringify({ event: 'delivered', billNo: 'NOPE-1', at: 'x', logistics: { trackingNo: 'SF2' } });
    const ign = await hook('shipments', { body: unknown, headers: sign(String(now), unknown) });
    expect(ign.statusCode).toBe(200);
    expect(ign.json()).toEqual({ ok: true });
    const log = await messages('shipments');
    expect(log.items.find((m: any) => m.messageId === 'NOPE-1:delivered').outcome).toEqual({ status: 'ignored', effects: [{ action: 'update', form: 'orders', ignored: true }] });
  });

  it('a message whose effects fail rolls back alone and answers the error; the platform can push it again', async () => {
    const bad = JSON.stringify({ event: 'lost', billNo: 'LV-000100', at: 'x', logistics: { trackingNo: 'SF3' } });
    const now = Math.floor(Date.parse((await h().req({ method: 'GET', url: '/api/_test/clock' })).body.now) / 1000);
    const sig = createHmac('sha256', 'ship-secret').update(`${now}.${bad}`).digest('hex');
    const r = await hook('shipments', { body: bad, headers: { 'x-kiln-timestamp': String(now), 'x-kiln-signature': sig } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('RULE_FAILED');
    expect((await records(h(), APP, 'orders', { bill_no: 'LV-000100' }))[0]).toMatchObject({ status: 'shipped' });
    expect((await messages('shipments')).items.some((m: any) => m.messageId === 'LV-000100:lost')).toBe(false);
  });

  it('hooks without an inbound connector still run webhook rules (token checked)', async () => {
    const ok = await hook('legacy', { body: JSON.stringify({ text: 'from legacy' }), headers: { 'x-kiln-token': 'legacy-token' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, matched: true });
    expect(await records(h(), APP, 'log', { note: 'from legacy' })).toHaveLength(1);
    expect((await hook('legacy', { body: '{}', headers: { 'x-kiln-token': 'wrong' } })).statusCode).toBe(401);
    expect((await hook('nothing_here', { body: '{}' })).json().error.code).toBe('HOOK_NOT_FOUND');
    expect((await hook('legacy', { body: '{not json', headers: { 'x-kiln-token': 'legacy-token' } })).json().error.code).toBe('INVALID_JSON');
  });

  it('the inbound log pages newest first', async () => {
    const first = await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/douyin/messages?limit=1` });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/douyin/messages?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}` });
    expect(second.body.items[0].id).toBeLessThan(first.body.items[0].id);
  });
});
