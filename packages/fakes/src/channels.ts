/**
 * The WeChat Channels store (视频号小店) fake: order events pushed to Kiln's hook in plaintext
 * JSON mode (`?signature&timestamp&nonce`, sha1 of the sorted [token, timestamp, nonce];
 * `order_id` a bare big integer), and the platform API Kiln calls back — `cgi-bin/token` and
 * `channels/ec/order/get` with WeChat errcodes (see docs/connector-protocols.md).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ChannelsEvent, ChannelsFake, ChannelsOptions, ChannelsOrder, PushReply } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, parseJson } from './json.js';
import { sendTo } from './outbound.js';

const TOKEN_PATH = '/cgi-bin/token';
const ORDER_PATH = '/channels/ec/order/get';
const TOKEN_TTL_MS = 7200 * 1000;
const EVENTS: Record<ChannelsEvent, number> = {
  channels_ec_order_new: 10,
  channels_ec_order_pay: 20,
  channels_ec_order_deliver: 30,
  channels_ec_order_confirm: 100,
  channels_ec_order_cancel: 250,
};
const wx = (errcode: number, errmsg: string): FakeReply => json(200, { errcode, errmsg });

/**
 * A complete order with demo values, overridden by `o` (top-level fields; `order_detail`
 * replaces the demo detail as a whole). Prices are fen.
 */
export function channelsDemoOrder(o: Partial<ChannelsOrder> & { order_id: string }): ChannelsOrder {
  const now = Math.floor(Date.now() / 1000);
  return {
    status: 10,
    openid: 'o_demo_buyer_openid',
    create_time: now,
    update_time: now,
    order_detail: {
      product_infos: [{ product_id: '10000017630001', sku_id: '1751234567', out_sku_id: 'SKU-LIVE-001', sku_cnt: 1, sale_price: 1990, real_price: 1990, title: '直播间爆款 示例商品 / Livestream demo item' }],
      price_info: { product_price: 1990, order_price: 1990, freight: 0 },
      delivery_info: { address_info: { user_name: '张三', tel_number: '13800000000', province_name: '广东省', city_name: '广州市', county_name: '天河区', detail_info: '天河路1号' } },
    },
    ...o,
  };
}

/** Ids as digit strings (an order posted over HTTP may carry them as numbers). */
function normalize(order: ChannelsOrder): ChannelsOrder {
  const o = structuredClone(order);
  o.order_id = String(o.order_id);
  if (!/^\d+$/.test(o.order_id)) throw new TypeError(`order_id must be digits, got ${JSON.stringify(order.order_id)}`);
  for (const p of o.order_detail?.product_infos ?? []) {
    p.product_id = String(p.product_id);
    p.sku_id = String(p.sku_id);
  }
  return o;
}

/** Starts the WeChat Channels fake. */
export async function startChannels(opts: ChannelsOptions = {}): Promise<ChannelsFake> {
  const appId = opts.appId ?? 'wx_demo_appid';
  const appSecret = opts.appSecret ?? 'wx_demo_secret';
  const token = opts.token ?? 'wx_demo_token';
  let target = opts.target ?? null;
  const tokens = new Map<string, number>(); // access_token → expiresAt
  let orders = new Map<string, ChannelsOrder>();
  let pushes: Array<{ event: string; orderId: string; body: string; at: string; replies: PushReply[] }> = [];
  let demoSeq = 0;

  const signQuery = (badSign: boolean): { query: string; timestamp: string; nonce: string } => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(randomInt(100_000_000, 999_999_999));
    const good = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
    const signature = badSign ? createHash('sha1').update(`${good}x`).digest('hex') : good;
    return { query: `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, timestamp, nonce };
  };
  const withQuery = (url: string, q: string): string => `${url}${url.includes('?') ? '&' : '?'}${q}`;

  const getToken = (req: FakeRequest): FakeReply => {
    const q = req.url.searchParams;
    if (q.get('grant_type') !== 'client_credential') return wx(40002, 'invalid grant_type');
    if (q.get('appid') !== appId) return wx(40013, 'invalid appid');
    if (q.get('secret') !== appSecret) return wx(40125, 'invalid appsecret');
    const accessToken = `ACCESS_TOKEN_${randomBytes(24).toString('hex')}`;
    tokens.set(accessToken, Date.now() + TOKEN_TTL_MS);
    return json(200, { access_token: accessToken, expires_in: 7200 });
  };

  const getOrder = (req: FakeRequest): FakeReply => {
    const at = req.url.searchParams.get('access_token') ?? '';
    if (!at) return wx(41001, 'access_token missing');
    const expiresAt = tokens.get(at);
    if (expiresAt === undefined) return wx(40001, 'invalid credential, access_token is invalid or not latest');
    if (expiresAt <= Date.now()) return wx(42001, 'access_token expired');
    if (req.fault?.kind === 'expire') {
      tokens.set(at, 0);
      return wx(42001, 'access_token expired');
    }
    let body: unknown;
    try {
      body = parseJson(req.body);
    } catch {
      return wx(47001, 'data format error');
    }
    const id = isObject(body) ? body.order_id : undefined;
    if ((typeof id !== 'string' && typeof id !== 'number') || !/^\d+$/.test(String(id))) return wx(47001, 'data format error: order_id');
    const order = orders.get(String(id));
    if (!order) return wx(100002, 'order not exist');
    return json(200, { errcode: 0, errmsg: 'ok', order });
  };

  const putOrder = (order: ChannelsOrder): void => {
    const o = normalize(order);
    orders.set(o.order_id, o);
  };

  const pushEvent = async (event: ChannelsEvent, orderId: string, o: { times?: number; badSign?: boolean } = {}): Promise<PushReply[]> => {
    if (!target) throw new Error('Channels fake: no target set (setTarget)');
    if (!(event in EVENTS)) throw new TypeError(`unknown event ${event}; events: ${Object.keys(EVENTS).join(', ')}`);
    if (!/^\d+$/.test(orderId)) throw new TypeError(`orderId must be digits, got ${JSON.stringify(orderId)}`);
    const now = Math.floor(Date.now() / 1000);
    const order = orders.get(orderId);
    if (order) {
      order.status = EVENTS[event];
      order.update_time = now;
      if (event === 'channels_ec_order_pay' && !order.order_detail.pay_info) {
        order.order_detail.pay_info = { pay_time: now, transaction_id: `420000${randomInt(100_000_000, 999_999_999)}${now}` };
      }
    }
    const payTime = order?.order_detail.pay_info?.pay_time ?? now;
    // Written by hand: order_id is a bare integer beyond 2^53.
    const body =
      `{"ToUserName":"gh_demo_channels","FromUserName":${JSON.stringify(order?.openid ?? 'o_demo_platform')},"CreateTime":${now},` +
      `"MsgType":"event","Event":${JSON.stringify(event)},"order_info":{"order_id":${orderId}` +
      `${event === 'channels_ec_order_pay' ? `,"pay_time":${payTime}` : ''}}}`;
    const times = Math.max(1, o.times ?? 1) + base.duplicateExtra();
    const replies: PushReply[] = [];
    for (let i = 0; i < times; i++) {
      const { query } = signQuery(o.badSign === true);
      replies.push(await sendTo(withQuery(target, query), { headers: { 'content-type': 'application/json' }, body }));
    }
    pushes.push({ event, orderId, body, at: new Date().toISOString(), replies });
    return replies;
  };

  const verifyTarget = async (o: { badSign?: boolean } = {}) => {
    if (!target) throw new Error('Channels fake: no target set (setTarget)');
    const echostr = String(randomInt(100_000_000, 999_999_999));
    const { query } = signQuery(o.badSign === true);
    const reply = await sendTo(withQuery(target, `${query}&echostr=${echostr}`), { method: 'GET' });
    return { ...reply, echostr, ok: reply.status === 200 && reply.body === echostr };
  };

  const spec: FakeSpec = {
    faults: ['500', 'down', 'timeout', 'expire', 'duplicate'],
    classify: (_m, url) => (url.pathname === TOKEN_PATH ? 'auth' : url.pathname === ORDER_PATH ? 'business' : 'none'),
    handle: (req) => {
      if (req.url.pathname === TOKEN_PATH) return req.method === 'GET' ? getToken(req) : wx(43001, 'require GET method');
      if (req.url.pathname === ORDER_PATH) return req.method === 'POST' ? getOrder(req) : wx(43002, 'require POST method');
      return wx(-1, `no such api: ${req.url.pathname}`);
    },
    control: {
      orders: (req) => {
        let b: unknown;
        try {
          b = req.body.trim() === '' ? {} : parseJson(req.body);
        } catch {
          return json(400, { error: 'invalid JSON' });
        }
        if (!isObject(b)) return json(400, { error: 'body: an order (missing fields get demo values)' });
        try {
          const id = b.order_id === undefined ? (3_705_115_058_471_300_001n + BigInt(demoSeq++)).toString() : String(b.order_id);
          const order = channelsDemoOrder({ ...(b as Partial<ChannelsOrder>), order_id: id });
          putOrder(order);
          return json(201, { order: orders.get(order.order_id) });
        } catch (e) {
          return json(400, { error: (e as Error).message });
        }
      },
      push: async (req) => {
        let b: unknown;
        try {
          b = parseJson(req.body);
        } catch {
          return json(400, { error: 'invalid JSON' });
        }
        if (!isObject(b) || typeof b.event !== 'string' || (typeof b.orderId !== 'string' && typeof b.orderId !== 'number')) {
          return json(400, { error: 'body {event, orderId, times?, badSign?}' });
        }
        try {
          const replies = await pushEvent(b.event as ChannelsEvent, String(b.orderId), { times: typeof b.times === 'number' ? b.times : undefined, badSign: b.badSign === true });
          return json(200, { replies, body: pushes[pushes.length - 1]?.body });
        } catch (e) {
          return json(e instanceof TypeError ? 400 : 409, { error: (e as Error).message });
        }
      },
      'expire-tokens': () => (expireTokens(), json(200, { ok: true })),
    },
    state: () => ({ target, orders: [...orders.values()], tokens: tokens.size, pushes }),
    reset: () => {
      orders = new Map();
      tokens.clear();
      pushes = [];
      demoSeq = 0;
    },
  };
  const expireTokens = (): void => {
    for (const t of tokens.keys()) tokens.set(t, 0);
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    get target() {
      return target;
    },
    setTarget: (url: string) => {
      target = url;
    },
    orders: () => structuredClone([...orders.values()]),
    putOrder,
    pushEvent,
    verifyTarget,
    expireTokens,
  }) satisfies ChannelsFake;
}
