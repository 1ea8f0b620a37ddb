import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelsDemoOrder, startChannels, type ChannelsFake } from '../src/index.js';
import { getJson, postJson, startReceiver, type Receiver } from './helpers.js';

const ORDER_ID = '3705115058471208928';
let ch: ChannelsFake;
let rx: Receiver;

const tokenUrl = (secret = 'wx_demo_secret', appid = 'wx_demo_appid') => `${ch.url}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`;
const getToken = async () => (await getJson(tokenUrl())).json.access_token as string;
const getOrder = (t: string, body: unknown = { order_id: ORDER_ID }) => postJson(`${ch.url}/channels/ec/order/get?access_token=${t}`, body);

beforeAll(async () => {
  // Kiln's side, from the protocol: sha1 of the sorted [token, timestamp, nonce] must match.
  rx = await startReceiver((r) => {
    const q = new URL(r.url, 'http://x').searchParams;
    const sig = createHash('sha1').update(['wx_demo_token', q.get('timestamp') ?? '', q.get('nonce') ?? ''].sort().join('')).digest('hex');
    if (q.get('signature') !== sig) return { status: 401, body: 'bad signature' };
    return { status: 200, body: r.method === 'GET' ? (q.get('echostr') ?? '') : 'success' };
  });
  ch = await startChannels({ target: `${rx.url}/api/hooks/livestream/channels` });
});
afterAll(async () => {
  await ch.close();
  await rx.close();
});
beforeEach(() => {
  ch.reset();
  rx.received.length = 0;
});

describe('Channels token and order API', () => {
  it('issues tokens; bad appid / secret answer errcodes with HTTP 200', async () => {
    const ok = await getJson(tokenUrl());
    expect(ok.json).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(await getJson(tokenUrl('wrong'))).toMatchObject({ status: 200, json: { errcode: 40125, errmsg: 'invalid appsecret' } });
    expect((await getJson(tokenUrl('wx_demo_secret', 'wx_other'))).json.errcode).toBe(40013);
  });

  it('serves an order with fen prices and the id as a string', async () => {
    ch.putOrder(channelsDemoOrder({ order_id: ORDER_ID, status: 20 }));
    const t = await getToken();
    const r = await getOrder(t);
    expect(r.json.errcode).toBe(0);
    expect(r.text).toContain(`"order_id":"${ORDER_ID}"`);
    expect(r.json.order).toMatchObject({ order_id: ORDER_ID, status: 20, order_detail: { price_info: { order_price: 1990 }, product_infos: [{ sku_cnt: 1, sale_price: 1990 }] } });
    // The id may also come as a bare big integer.
    expect((await getOrder(t, `{"order_id":${ORDER_ID}}`)).json.order.order_id).toBe(ORDER_ID);
    expect((await getOrder(t, { order_id: '1' })).json).toEqual({ errcode: 100002, errmsg: 'order not exist' });
  });

  it('invalid token 40001, expired 42001 (expireTokens and the expire fault)', async () => {
    ch.putOrder(channelsDemoOrder({ order_id: ORDER_ID }));
    expect((await getOrder('nope')).json.errcode).toBe(40001);
    let t = await getToken();
    ch.expireTokens();
    expect((await getOrder(t)).json).toEqual({ errcode: 42001, errmsg: 'access_token expired' });
    t = await getToken();
    ch.fault({ kind: 'expire', count: 1 });
    expect((await getOrder(t)).json.errcode).toBe(42001);
    expect((await getOrder(t)).json.errcode).toBe(42001);
    expect((await getOrder(await getToken())).json.errcode).toBe(0);
  });

  it('500 hits the token call; timeout holds an order reply', async () => {
    ch.putOrder(channelsDemoOrder({ order_id: ORDER_ID }));
    ch.fault({ kind: '500', count: 1 });
    expect((await getJson(tokenUrl())).status).toBe(500);
    const t = await getToken();
    ch.fault({ kind: 'timeout', count: 1, delayMs: 2000 });
    await expect(fetch(`${ch.url}/channels/ec/order/get?access_token=${t}`, { method: 'POST', body: `{"order_id":"${ORDER_ID}"}`, signal: AbortSignal.timeout(150) })).rejects.toThrow();
    ch.fault({ kind: 'down', count: 1 });
    await expect(getOrder(t)).rejects.toThrow();
    expect((await getOrder(t)).json.errcode).toBe(0);
  });
});

describe('Channels events', () => {
  it('pushes a signed event with order_id as a bare big integer, and updates the order', async () => {
    ch.putOrder(channelsDemoOrder({ order_id: ORDER_ID }));
    const replies = await ch.pushEvent('channels_ec_order_pay', ORDER_ID);
    expect(replies).toEqual([{ status: 200, body: 'success' }]);
    const got = rx.received[0]!;
    expect(got.url).toMatch(/^\/api\/hooks\/livestream\/channels\?signature=[0-9a-f]{40}&timestamp=\d+&nonce=\d+$/);
    expect(got.body).toContain(`"order_info":{"order_id":${ORDER_ID},"pay_time":`);
    const parsed = JSON.parse(got.body.replace(/"order_id":(\d+)/, '"order_id":"$1"'));
    expect(parsed).toMatchObject({ ToUserName: expect.stringMatching(/^gh_/), MsgType: 'event', Event: 'channels_ec_order_pay', order_info: { order_id: ORDER_ID } });
    expect(typeof parsed.CreateTime).toBe('number');
    expect(ch.orders()[0]).toMatchObject({ status: 20, order_detail: { pay_info: { pay_time: expect.any(Number) } } });
  });

  it('badSign is refused by a verifying receiver; times and duplicate repeat', async () => {
    expect((await ch.pushEvent('channels_ec_order_new', ORDER_ID, { badSign: true }))[0]?.status).toBe(401);
    expect(await ch.pushEvent('channels_ec_order_cancel', ORDER_ID, { times: 2 })).toHaveLength(2);
    ch.fault({ kind: 'duplicate' });
    expect((await ch.pushEvent('channels_ec_order_deliver', ORDER_ID)).map((r) => r.body)).toEqual(['success', 'success', 'success']);
    await expect(ch.pushEvent('channels_ec_order_pay', 'abc')).rejects.toThrow(/digits/);
  });

  it('verifyTarget does the GET echostr check', async () => {
    const v = await ch.verifyTarget();
    expect(v.ok).toBe(true);
    expect(v.body).toBe(v.echostr);
    expect((await ch.verifyTarget({ badSign: true })).ok).toBe(false);
  });

  it('POST /_fake/orders and /_fake/push work over HTTP', async () => {
    const created = await postJson(`${ch.url}/_fake/orders`, `{"order_id":${ORDER_ID},"status":10}`);
    expect(created.status).toBe(201);
    expect(created.json.order.order_id).toBe(ORDER_ID);
    const demo = await postJson(`${ch.url}/_fake/orders`, {});
    expect(demo.json.order.order_id).toMatch(/^\d{19}$/);
    const pushed = await postJson(`${ch.url}/_fake/push`, { event: 'channels_ec_order_pay', orderId: ORDER_ID, times: 2 });
    expect(pushed.json.replies).toEqual([
      { status: 200, body: 'success' },
      { status: 200, body: 'success' },
    ]);
    expect((await postJson(`${ch.url}/_fake/push`, { event: 'nope', orderId: ORDER_ID })).status).toBe(400);
    const state = await getJson(`${ch.url}/_fake/state`);
    expect(state.json.orders).toHaveLength(2);
    expect(state.json.pushes).toHaveLength(1);
  });
});
