import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRest, type RestFake } from '../src/index.js';
import { getJson, postJson } from './helpers.js';

let r: RestFake;
const auth = { authorization: 'Bearer demo-token' };
const req = (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) =>
  fetch(`${r.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  r = await startRest();
});
afterAll(() => r.close());
beforeEach(() => r.reset());

describe('REST fake', () => {
  it('401 without (or with a wrong) bearer token', async () => {
    const a = await postJson(`${r.url}/api/orders`, { sku: 'A' });
    expect(a).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    expect((await postJson(`${r.url}/api/orders`, { sku: 'A' }, { authorization: 'Bearer nope' })).status).toBe(401);
    expect(r.items('orders')).toEqual([]);
  });

  it('creates with 201; a repeated Idempotency-Key answers 200 with the first result', async () => {
    const a = await postJson(`${r.url}/api/orders`, { sku: 'A', qty: 2 }, { ...auth, 'idempotency-key': 'k1' });
    expect(a.status).toBe(201);
    expect(a.json).toEqual({ sku: 'A', qty: 2, id: expect.any(String) });
    const b = await postJson(`${r.url}/api/orders`, { sku: 'B' }, { ...auth, 'idempotency-key': 'k1' });
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    const c = await postJson(`${r.url}/api/orders`, { sku: 'C' }, auth);
    expect(c.status).toBe(201);
    expect(r.items('orders').map((i) => i.sku)).toEqual(['A', 'C']);
  });

  it('GET list / one, PATCH merges, PUT replaces, DELETE removes, 404 for unknown', async () => {
    const { json: made } = await postJson(`${r.url}/api/customers`, { name: '张三', phone: '138' }, auth);
    expect(await (await req('GET', '/api/customers')).json()).toEqual([made]);
    expect(await (await req('GET', `/api/customers/${made.id}`)).json()).toEqual(made);
    expect(await (await req('PATCH', `/api/customers/${made.id}`, { phone: '139' })).json()).toEqual({ ...made, phone: '139' });
    expect(await (await req('PUT', `/api/customers/${made.id}`, { name: '李四' })).json()).toEqual({ name: '李四', id: made.id });
    expect((await req('DELETE', `/api/customers/${made.id}`)).status).toBe(204);
    expect((await req('GET', `/api/customers/${made.id}`)).status).toBe(404);
    expect((await req('POST', '/api/customers', [1, 2])).status).toBe(400);
  });

  it('reject → 422 and nothing stored; timeout stores, and the retry with the same key gets the first result', async () => {
    r.fault({ kind: 'reject', count: 1 });
    const a = await postJson(`${r.url}/api/orders`, { sku: 'A' }, { ...auth, 'idempotency-key': 'k2' });
    expect(a).toMatchObject({ status: 422, json: { error: expect.any(String) } });
    expect(r.items('orders')).toEqual([]);
    r.fault({ kind: 'timeout', count: 1, delayMs: 2000 });
    await expect(fetch(`${r.url}/api/orders`, { method: 'POST', headers: { ...auth, 'idempotency-key': 'k2' }, body: '{"sku":"A"}', signal: AbortSignal.timeout(150) })).rejects.toThrow();
    const retry = await postJson(`${r.url}/api/orders`, { sku: 'A' }, { ...auth, 'idempotency-key': 'k2' });
    expect(retry.status).toBe(200);
    expect(r.items('orders')).toEqual([retry.json]);
  });

  it('token null → no auth required', async () => {
    const open = await startRest({ token: null });
    try {
      expect((await postJson(`${open.url}/api/x`, { a: 1 })).status).toBe(201);
      expect((await getJson(`${open.url}/api/x`)).json).toHaveLength(1);
    } finally {
      await open.close();
    }
  });
});
