import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { douyinPaidMessage, startDouyin, type DouyinFake } from '../src/index.js';
import { postJson, startReceiver, type Receiver } from './helpers.js';

const VECTOR_BODY = '[{"tag":"101","msg_id":"7001","data":"{\\"p_id\\":4837328765348566675,\\"pay_amount\\":1990,\\"order_status\\":2}"}]';
const VECTOR_SIGN = '92bcbcf4799245cea7c52b6e648a3b89';

let d: DouyinFake;
let rx: Receiver;

beforeAll(async () => {
  // Kiln's side, written here from the protocol: verify event-sign over the raw body.
  rx = await startReceiver((r) => {
    const expected = createHash('md5').update(`demo_app_key${r.body}demo_app_secret`).digest('hex');
    const ok = r.headers['event-sign'] === expected && r.headers['app-id'] === 'demo_app_key';
    return ok ? { status: 200, body: '{"code":0,"msg":"success"}', type: 'application/json' } : { status: 401, body: '{"code":401,"msg":"bad sign"}', type: 'application/json' };
  });
  d = await startDouyin({ target: `${rx.url}/api/hooks/livestream/douyin` });
});
afterAll(async () => {
  await d.close();
  await rx.close();
});
beforeEach(() => {
  d.reset();
  rx.received.length = 0;
});

describe('Douyin push', () => {
  it('signs the domain vector', () => {
    expect(d.sign(VECTOR_BODY)).toBe(VECTOR_SIGN);
  });

  it('sends the vector body byte for byte with its signature', async () => {
    const replies = await d.push([{ tag: '101', msg_id: '7001', data: '{"p_id":4837328765348566675,"pay_amount":1990,"order_status":2}' }]);
    expect(replies).toEqual([{ status: 200, body: '{"code":0,"msg":"success"}' }]);
    const got = rx.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api/hooks/livestream/douyin');
    expect(got.body).toBe(VECTOR_BODY);
    expect(got.headers['event-sign']).toBe(VECTOR_SIGN);
    expect(got.headers['content-type']).toBe('application/json');
  });

  it('encodes object data with big integer ids bare and exact', async () => {
    const msg = douyinPaidMessage({ msgId: '7002', pId: '4837328765348566676', payAmount: 1990, sIds: ['4837328765348566677'], payTime: 1718700000 });
    await d.push([msg, { tag: '102', msg_id: '7003', data: { p_id: 4837328765348566678n, logistics_code: '0123' } }]);
    const arr = JSON.parse(rx.received[0]!.body);
    expect(Array.isArray(arr)).toBe(true);
    expect(arr.map((m: any) => [m.tag, m.msg_id, typeof m.data])).toEqual([
      ['101', '7002', 'string'],
      ['102', '7003', 'string'],
    ]);
    expect(arr[0].data).toBe('{"p_id":4837328765348566676,"s_ids":[4837328765348566677],"shop_id":77977,"order_status":2,"pay_amount":1990,"pay_time":1718700000,"biz":2,"update_time":1718700000}');
    // a digit string under a non-id key stays a string
    expect(arr[1].data).toBe('{"p_id":4837328765348566678,"logistics_code":"0123"}');
  });

  it('badSign sends a wrong signature (the receiver refuses); times repeats', async () => {
    const bad = await d.push([{ tag: '100', msg_id: '1', data: '{}' }], { badSign: true });
    expect(bad[0]?.status).toBe(401);
    const again = await d.push([{ tag: '100', msg_id: '2', data: '{}' }], { times: 3 });
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(rx.received.slice(1).map((r) => r.body)).size).toBe(1);
  });

  it('duplicate fault: every push goes 2 (or count) extra times until cleared', async () => {
    d.fault({ kind: 'duplicate' });
    expect(await d.push([{ tag: '101', msg_id: 'a', data: '{}' }])).toHaveLength(3);
    d.fault({ kind: 'duplicate', count: 1 });
    expect(await d.push([{ tag: '101', msg_id: 'b', data: '{}' }])).toHaveLength(2);
    expect(await d.push([{ tag: '101', msg_id: 'c', data: '{}' }])).toHaveLength(2);
    d.fault(null);
    expect(await d.push([{ tag: '101', msg_id: 'd', data: '{}' }])).toHaveLength(1);
    expect(rx.received).toHaveLength(8);
    expect(() => d.fault({ kind: '500' })).toThrow(/does not support/);
  });

  it('POST /_fake/push sends given messages, or a demo paid order', async () => {
    const r = await postJson(`${d.url}/_fake/push`, `{"messages":[{"tag":"101","msg_id":"9","data":{"p_id":4837328765348566675,"pay_amount":1}}],"times":2}`);
    expect(r.json.replies).toHaveLength(2);
    expect(JSON.parse(rx.received[0]!.body)[0].data).toBe('{"p_id":4837328765348566675,"pay_amount":1}');
    const demo = await postJson(`${d.url}/_fake/push`, {});
    expect(demo.json.replies).toEqual([{ status: 200, body: '{"code":0,"msg":"success"}' }]);
    const [m] = JSON.parse(rx.received[2]!.body);
    expect(m.tag).toBe('101');
    expect(m.data).toMatch(/^\{"p_id":\d{19},"s_ids":\[\d{19}\],"shop_id":\d+,"order_status":2,"pay_amount":1990,"pay_time":\d+,"biz":2,"update_time":\d+\}$/);
  });

  it('reports an unreachable target as status 0, and refuses without a target', async () => {
    const lone = await startDouyin();
    try {
      await expect(lone.push([{ tag: '101', msg_id: '1', data: '{}' }])).rejects.toThrow(/no target/);
      lone.setTarget('http://127.0.0.1:9/unreachable');
      const [r] = await lone.push([{ tag: '101', msg_id: '1', data: '{}' }]);
      expect(r?.status).toBe(0);
    } finally {
      await lone.close();
    }
  });
});
