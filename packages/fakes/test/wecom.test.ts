import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWecom, type WecomFake } from '../src/index.js';
import { postJson } from './helpers.js';

let w: WecomFake;
const send = (body: unknown, key = 'demo-robot-key') => postJson(`${w.url}/cgi-bin/webhook/send?key=${key}`, body);
const text = (content: string) => ({ msgtype: 'text', text: { content } });
const markdown = (content: string) => ({ msgtype: 'markdown', markdown: { content } });

beforeAll(async () => {
  w = await startWecom({ keys: ['demo-robot-key', 'other-key'], perMinute: 100 });
});
afterAll(() => w.close());
beforeEach(() => w.reset());

describe('WeCom robot', () => {
  it('stores text (with mentions) and markdown, answering errcode 0', async () => {
    const a = await send({ msgtype: 'text', text: { content: '新订单 ¥19.90', mentioned_list: ['@all'], mentioned_mobile_list: ['13800000000'] } });
    expect(a).toMatchObject({ status: 200, json: { errcode: 0, errmsg: 'ok' } });
    expect((await send(markdown('**发货** LV-000001'), 'other-key')).json.errcode).toBe(0);
    expect(w.messages('demo-robot-key')).toEqual([
      { key: 'demo-robot-key', msgtype: 'text', content: '新订单 ¥19.90', mentioned_list: ['@all'], mentioned_mobile_list: ['13800000000'], at: expect.any(String) },
    ]);
    expect(w.messages().map((m) => m.msgtype)).toEqual(['text', 'markdown']);
  });

  it('limits UTF-8 bytes, not characters: text 2048, markdown 4096 (errcode 40058, HTTP 200)', async () => {
    // "中" is 3 bytes in UTF-8.
    expect((await send(text('中'.repeat(682) + 'ab'))).json.errcode).toBe(0); // 2048 bytes
    const over = await send(text('中'.repeat(683))); // 2049 bytes, 683 characters
    expect(over.status).toBe(200);
    expect(over.json.errcode).toBe(40058);
    expect(over.json.errmsg).toContain('content exceed max length');
    expect((await send(markdown('中'.repeat(1365) + 'a'))).json.errcode).toBe(0); // 4096 bytes
    expect((await send(markdown('中'.repeat(1366)))).json.errcode).toBe(40058);
    expect(w.messages()).toHaveLength(2);
  });

  it('unknown key → 93000 with HTTP 200; bad message types and empty content are refused', async () => {
    const r = await send(text('hi'), 'no-such-key');
    expect(r.status).toBe(200);
    expect(r.json.errcode).toBe(93000);
    expect(r.json.errmsg).toContain('invalid webhook url');
    expect((await postJson(`${w.url}/cgi-bin/webhook/send`, text('hi'))).json.errcode).toBe(93000);
    expect((await send({ msgtype: 'voice' })).json.errcode).toBe(40008);
    expect((await send(text(''))).json.errcode).toBe(44004);
    expect(w.messages()).toEqual([]);
  });

  it('rate-limits per robot: errcode 45009 over perMinute, other robots unaffected', async () => {
    const limited = await startWecom({ keys: ['a', 'b'], perMinute: 2 });
    try {
      const go = (key: string) => postJson(`${limited.url}/cgi-bin/webhook/send?key=${key}`, text('x')).then((r) => [r.status, r.json.errcode]);
      expect([await go('a'), await go('a'), await go('a'), await go('b')]).toEqual([
        [200, 0],
        [200, 0],
        [200, 45009],
        [200, 0],
      ]);
      expect(limited.messages('a')).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });
});

describe('WeCom faults', () => {
  it('errcode fault: 93000 by default or the chosen errcode, HTTP 200, for count requests', async () => {
    w.fault({ kind: 'errcode', count: 1 });
    const a = await send(text('a'));
    expect(a).toMatchObject({ status: 200, json: { errcode: 93000 } });
    const set = await postJson(`${w.url}/_fake/fault`, { kind: 'errcode', errcode: 45009, count: 1 });
    expect(set.status).toBe(200);
    expect((await send(text('b'))).json.errcode).toBe(45009);
    expect((await send(text('c'))).json.errcode).toBe(0);
    expect(w.messages().map((m) => m.content)).toEqual(['c']);
  });

  it('500 and down are the only non-200 outcomes; timeout stores then holds', async () => {
    w.fault({ kind: '500', count: 1 });
    expect((await send(text('a'))).status).toBe(500);
    w.fault({ kind: 'down', count: 1 });
    await expect(send(text('b'))).rejects.toThrow();
    w.fault({ kind: 'timeout', count: 1, delayMs: 2000 });
    await expect(
      fetch(`${w.url}/cgi-bin/webhook/send?key=demo-robot-key`, { method: 'POST', body: JSON.stringify(text('c')), signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    expect(w.messages().map((m) => m.content)).toEqual(['c']);
  });

  it('refuses fault kinds it does not support', async () => {
    expect(() => w.fault({ kind: 'partial' })).toThrow(/does not support/);
    const r = await postJson(`${w.url}/_fake/fault`, { kind: 'duplicate' });
    expect(r.status).toBe(400);
  });
});
