import { afterEach, describe, expect, it } from 'vitest';
import { startRest, startKingdee, type FakeServer } from '../src/index.js';
import { parseJson, stringifyJson } from '../src/json.js';
import { getJson, postJson } from './helpers.js';

const open: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

describe('the fake server base', () => {
  it('close() returns promptly while a timeout reply is held', async () => {
    const r = await startRest();
    r.fault({ kind: 'timeout' }); // default 30 s
    const pending = fetch(`${r.url}/api/orders`, { method: 'POST', headers: { authorization: 'Bearer demo-token' }, body: '{}' });
    const settled = pending.then(
      () => 'replied',
      () => 'failed',
    );
    // Wait (bounded) until the fake has done the work and is holding the reply.
    const deadline = Date.now() + 2000;
    while (r.items('orders').length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 10));
    expect(r.items('orders')).toHaveLength(1);
    const t0 = Date.now();
    await r.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await settled).toBe('failed');
    await r.close(); // idempotent
  });

  it('listens on 127.0.0.1 with an ephemeral port, or the given one', async () => {
    const a = await startRest();
    open.push(a);
    expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
    expect(a.port).toBeGreaterThan(0);
    const b = await startRest({ port: a.port + 1 }).catch(() => null);
    if (b) {
      open.push(b);
      expect(b.port).toBe(a.port + 1);
    }
    await expect(startRest({ port: a.port })).rejects.toThrow(/EADDRINUSE/);
  });

  it('control API: fault set / count / clear, state, requests log without /_fake, reset', async () => {
    const k = await startKingdee();
    open.push(k);
    const set = await postJson(`${k.url}/_fake/fault`, { kind: '500', count: 2 });
    expect(set.json).toEqual({ ok: true, fault: { kind: '500', count: 2 } });
    expect((await getJson(`${k.url}/_fake/state`)).json.fault).toEqual({ kind: '500', count: 2, remaining: 2 });
    const login = () => postJson(`${k.apiBase}Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc`, { parameters: ['kiln-demo', 'demo', 'demo-pass', 2052] });
    expect((await login()).status).toBe(500);
    expect((await login()).status).toBe(500);
    expect((await login()).status).toBe(200);
    await postJson(`${k.url}/_fake/fault`, { kind: 'down' });
    await postJson(`${k.url}/_fake/fault`, { kind: null });
    expect((await login()).status).toBe(200);
    expect((await postJson(`${k.url}/_fake/fault`, { kind: 'partial' })).status).toBe(400);
    expect((await postJson(`${k.url}/_fake/fault`, { kind: 'bogus' })).status).toBe(400);
    expect((await postJson(`${k.url}/_fake/fault`, { kind: '500', count: 0 })).status).toBe(400);
    const state = await getJson(`${k.url}/_fake/state`);
    expect(state.json).toMatchObject({ requests: 4, fault: null, sessions: 2, orders: [] });
    expect(k.requests.map((q) => q.method + ' ' + q.path.split('.').at(-3))).toEqual(Array(4).fill('POST ValidateUser'));
    expect(k.requests[0]?.body).toBe('{"parameters":["kiln-demo","demo","demo-pass",2052]}');
    expect(k.requests[0]?.headers['content-type']).toBe('application/json');
    expect((await getJson(`${k.url}/_fake/requests`)).json).toHaveLength(4);
    expect((await postJson(`${k.url}/_fake/reset`, {})).json).toEqual({ ok: true });
    expect((await getJson(`${k.url}/_fake/state`)).json).toMatchObject({ requests: 0, sessions: 0 });
    expect(k.requests).toEqual([]);
    expect((await postJson(`${k.url}/_fake/nope`, {})).status).toBe(404);
  });
});

describe('lossless JSON', () => {
  it('keeps unsafe integers as digit strings and writes bigint bare', () => {
    expect(parseJson('{"a":4837328765348566675,"b":-9007199254740993,"c":9007199254740991,"d":1.5e3,"e":[true,null,"x\\u4e2d"]}')).toEqual({
      a: '4837328765348566675',
      b: '-9007199254740993',
      c: 9007199254740991,
      d: 1500,
      e: [true, null, 'x中'],
    });
    expect(stringifyJson({ id: 4837328765348566675n, s: 'x', u: undefined, n: [1, undefined] })).toBe('{"id":4837328765348566675,"s":"x","n":[1,null]}');
    for (const bad of ['{', '{"a":1,}', '[1 2]', 'tru', '{"a":1} x', '01', '"a\u0001"' /* a raw control character */]) expect(() => parseJson(bad), bad).toThrow(SyntaxError);
    const proto = parseJson('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });
});
