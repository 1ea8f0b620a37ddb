/**
 * The Douyin Shop message-push fake (the platform side): sends a JSON array of
 * `{tag, msg_id, data}` — `data` a JSON string with big integers kept exact — signed with
 * `event-sign = md5(appKey + body + appSecret)` and `app-id`, to Kiln's hook
 * (see docs/connector-protocols.md).
 */
import { createHash } from 'node:crypto';
import type { DouyinFake, DouyinOptions, PushReply } from './types.js';
import { extend, json, startFakeServer, type FakeSpec } from './server.js';
import { isObject, parseJson, stringifyJson } from './json.js';
import { sendTo } from './outbound.js';

/** Keys of Douyin payloads that are 64-bit integers: a digit string there is sent as a bare integer. */
const INT_KEYS = new Set(['p_id', 's_ids', 'shop_id', 'order_id', 'aftersale_id', 'sku_id', 'product_id', 'author_id', 'room_id']);

/** One message of a push. `data` as a string is sent verbatim (already JSON). */
export interface DouyinMessage {
  tag: string;
  msg_id: string;
  data: unknown;
}

/**
 * A "paid" (tag 101) message as the Douyin fake sends it, `data` per the protocol page:
 * `{p_id, s_ids, shop_id, order_status:2, pay_amount, pay_time, biz:2, update_time}`.
 * Ids are digit strings (sent as bare integers).
 * @example douyinPaidMessage({ msgId: '7001', pId: '4837328765348566675', payAmount: 1990 })
 */
export function douyinPaidMessage(m: { msgId: string; pId: string; payAmount: number; shopId?: string; sIds?: string[]; payTime?: number }): DouyinMessage {
  const t = m.payTime ?? Math.floor(Date.now() / 1000);
  return {
    tag: '101',
    msg_id: m.msgId,
    data: { p_id: m.pId, s_ids: m.sIds ?? [m.pId], shop_id: m.shopId ?? '77977', order_status: 2, pay_amount: m.payAmount, pay_time: t, biz: 2, update_time: t },
  };
}

/** `data` as JSON text: digit strings under {@link INT_KEYS} and `bigint`s become bare integers. */
function encodeData(data: unknown): string {
  if (typeof data === 'string') return data;
  const bare = (v: unknown, intKey: boolean): unknown => {
    if (intKey && typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
    if (Array.isArray(v)) return v.map((x) => bare(x, intKey));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bare(x, INT_KEYS.has(k))]));
    return v;
  };
  return stringifyJson(bare(data, false));
}

/** Starts the Douyin push fake. */
export async function startDouyin(opts: DouyinOptions = {}): Promise<DouyinFake> {
  const appKey = opts.appKey ?? 'demo_app_key';
  const appSecret = opts.appSecret ?? 'demo_app_secret';
  let target = opts.target ?? null;
  let pushes: Array<{ body: string; sign: string; at: string; replies: PushReply[] }> = [];
  let demoSeq = 0;

  const sign = (raw: string): string => createHash('md5').update(appKey + raw + appSecret, 'utf8').digest('hex');

  const push = async (messages: DouyinMessage[], o: { times?: number; badSign?: boolean } = {}): Promise<PushReply[]> => {
    if (!target) throw new Error('Douyin fake: no target set (setTarget)');
    if (!Array.isArray(messages) || messages.length === 0) throw new TypeError('push needs at least one message');
    for (const m of messages) {
      if (!isObject(m) || typeof m.tag !== 'string' || typeof m.msg_id !== 'string') throw new TypeError('each message is {tag: string, msg_id: string, data}');
    }
    const body = JSON.stringify(messages.map((m) => ({ tag: m.tag, msg_id: m.msg_id, data: encodeData(m.data) })));
    const signature = o.badSign ? sign(`${body} `) : sign(body);
    const times = Math.max(1, o.times ?? 1) + base.duplicateExtra();
    const replies: PushReply[] = [];
    for (let i = 0; i < times; i++) {
      replies.push(await sendTo(target, { headers: { 'content-type': 'application/json', 'app-id': appKey, 'event-sign': signature }, body }));
    }
    pushes.push({ body, sign: signature, at: new Date().toISOString(), replies });
    return replies;
  };

  const spec: FakeSpec = {
    faults: ['duplicate'],
    classify: () => 'none',
    handle: () => json(404, { code: 404, msg: 'the Douyin fake only pushes; its control API is under /_fake/' }),
    control: {
      push: async (req) => {
        let b: unknown;
        try {
          b = req.body.trim() === '' ? {} : parseJson(req.body);
        } catch {
          return json(400, { error: 'invalid JSON' });
        }
        if (!isObject(b)) return json(400, { error: 'body {messages?, times?, badSign?}' });
        // Without messages: one demo "paid" order.
        const messages = Array.isArray(b.messages)
          ? (b.messages as DouyinMessage[])
          : [douyinPaidMessage({ msgId: String(900_001 + demoSeq), pId: (4_837_328_765_348_566_675n + BigInt(demoSeq)).toString(), payAmount: 1990 })];
        if (!Array.isArray(b.messages)) demoSeq++;
        try {
          const replies = await push(messages, { times: typeof b.times === 'number' ? b.times : undefined, badSign: b.badSign === true });
          return json(200, { replies, body: pushes[pushes.length - 1]?.body });
        } catch (e) {
          return json(e instanceof TypeError ? 400 : 409, { error: (e as Error).message });
        }
      },
    },
    state: () => ({ target, pushes }),
    reset: () => {
      pushes = [];
      demoSeq = 0;
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    get target() {
      return target;
    },
    setTarget: (url: string) => {
      target = url;
    },
    push,
    sign,
  }) satisfies DouyinFake;
}
