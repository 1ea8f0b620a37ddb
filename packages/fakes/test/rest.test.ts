import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRest, type RestFake, type RestOptions } from '../src/index.js';
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

/**
 * The auth modes. The expected signatures and encodings are written out here from the protocol
 * (HMAC-SHA256 over `${ts}.${body}`, RFC 7617 Basic, RFC 6749 client credentials), not taken
 * from the fake.
 */
describe('REST fake auth modes', () => {
  const started: RestFake[] = [];
  const start = async (auth: RestOptions['auth']) => {
    const f = await startRest({ auth });
    started.push(f);
    return f;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((f) => f.close()));
  });
  const post = (f: RestFake, body: string, headers: Record<string, string>, path = '/api/orders') =>
    fetch(`${f.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, json: (await r.json()) as any, headers: r.headers }));
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const form = (f: RestFake, body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${f.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() })
      .then(async (r) => ({ status: r.status, json: (await r.json()) as any, headers: r.headers }));

  it('default and the old `token` option are bearer; `auth` and `token` together are refused', async () => {
    expect(r.auth).toEqual({ kind: 'bearer', token: 'demo-token' });
    const t = await startRest({ token: 'other' });
    started.push(t);
    expect(t.auth).toEqual({ kind: 'bearer', token: 'other' });
    expect((await post(t, '{}', { authorization: 'Bearer demo-token' })).status).toBe(401);
    expect((await post(t, '{}', { authorization: 'Bearer other' })).status).toBe(201);
    await expect(startRest({ token: 'x', auth: { kind: 'none' } })).rejects.toThrow(/not both/);
    await expect(startRest({ auth: { kind: 'nope' } as never })).rejects.toThrow(/kind "nope"/);
    await expect(startRest({ auth: { kind: 'basic', username: 'u' } as never })).rejects.toThrow(/password/);
    await expect(startRest({ auth: { kind: 'bearer', token: 't', extra: 1 } as never })).rejects.toThrow(/no "extra"/);
  });

  it('bearer: wrong token → 401, right → 201', async () => {
    const f = await start({ kind: 'bearer', token: 'tok-123' });
    expect(await post(f, '{"a":1}', { authorization: 'Bearer tok-12' })).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    expect(await post(f, '{"a":1}', { authorization: 'Basic tok-123' })).toMatchObject({ status: 401 });
    expect(await post(f, '{"a":1}', { authorization: 'Bearer tok-123' })).toMatchObject({ status: 201, json: { a: 1 } });
    expect(f.items('orders')).toHaveLength(1);
  });

  it('basic: wrong password or user → 401 with a Basic challenge, right → 201 (UTF-8, colon in the password)', async () => {
    const f = await start({ kind: 'basic', username: 'kiln', password: 'p:åß-1' });
    const wrong = await post(f, '{}', { authorization: `Basic ${b64('kiln:p:åß-2')}` });
    expect(wrong).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await post(f, '{}', { authorization: `Basic ${b64('other:p:åß-1')}` })).status).toBe(401);
    expect((await post(f, '{}', { authorization: 'Basic !!!' })).status).toBe(401);
    expect((await post(f, '{}', {})).status).toBe(401);
    expect((await post(f, '{"n":1}', { authorization: `Basic ${b64('kiln:p:åß-1')}` })).status).toBe(201);
    expect(f.items('orders')).toEqual([{ n: 1, id: '1' }]);
  });

  it('apiKey in a header (name case-insensitive): wrong → 401, right → 201', async () => {
    const f = await start({ kind: 'apiKey', in: 'header', name: 'X-Api-Key', key: 'k-header-1' });
    expect(await post(f, '{}', { 'x-api-key': 'k-header-2' })).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    expect((await post(f, '{}', {}, '/api/orders?X-Api-Key=k-header-1')).status).toBe(401);
    expect((await post(f, '{}', { 'X-API-KEY': 'k-header-1' })).status).toBe(201);
  });

  it('apiKey in the query: wrong → 401, right → 201 (URL-decoded)', async () => {
    const f = await start({ kind: 'apiKey', in: 'query', name: 'api_key', key: 'k q&1' });
    expect((await post(f, '{}', {}, '/api/orders?api_key=k')).status).toBe(401);
    expect((await post(f, '{}', { api_key: 'k q&1' })).status).toBe(401);
    expect((await post(f, '{}', {}, `/api/orders?api_key=${encodeURIComponent('k q&1')}`)).status).toBe(201);
  });

  it('hmac: signature over `${ts}.${rawBody}` checked; tampered body, wrong secret, stale or missing timestamp → 401', async () => {
    const f = await start({ kind: 'hmac', secret: 'hmac-secret-1', header: 'X-Signature' });
    expect(f.auth).toEqual({ kind: 'hmac', secret: 'hmac-secret-1', header: 'X-Signature', timestampHeader: 'X-Kiln-Timestamp', windowSeconds: 300 });
    const body = '{"billNo":"A-1","note":"直播"}';
    const now = String(Math.floor(Date.now() / 1000));
    const sign = (secret: string, ts: string, raw: string) => createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex');
    const good = sign('hmac-secret-1', now, body);
    expect(await post(f, body.replace('A-1', 'A-2'), { 'x-signature': good, 'x-kiln-timestamp': now })).toMatchObject({ status: 401, json: { error: 'invalid_signature' } });
    expect((await post(f, body, { 'x-signature': sign('hmac-secret-2', now, body), 'x-kiln-timestamp': now })).status).toBe(401);
    expect((await post(f, body, { 'x-signature': good.toUpperCase(), 'x-kiln-timestamp': now })).status).toBe(401);
    expect(await post(f, body, { 'x-signature': good })).toMatchObject({ status: 401, json: { error: 'missing_signature' } });
    const old = String(Number(now) - 301);
    expect(await post(f, body, { 'x-signature': sign('hmac-secret-1', old, body), 'x-kiln-timestamp': old })).toMatchObject({ status: 401, json: { error: 'invalid_timestamp' } });
    expect(f.items('orders')).toEqual([]);
    expect(await post(f, body, { 'x-signature': good, 'x-kiln-timestamp': now })).toMatchObject({ status: 201, json: { billNo: 'A-1' } });
    // A GET signs the empty body.
    const list = await fetch(`${f.url}/api/orders`, { headers: { 'x-signature': sign('hmac-secret-1', now, ''), 'x-kiln-timestamp': now } });
    expect(list.status).toBe(200);
  });

  it('oauth2: client credentials (form or Basic) → token; wrong secret → invalid_client; the token opens /api', async () => {
    const f = await start({ kind: 'oauth2', clientId: 'kiln-client', clientSecret: 'cs-1', tokenTtlSeconds: 600 });
    const bad = await form(f, { grant_type: 'client_credentials', client_id: 'kiln-client', client_secret: 'cs-2' });
    expect(bad).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect((await form(f, { grant_type: 'password', client_id: 'kiln-client', client_secret: 'cs-1' })).json.error).toBe('unsupported_grant_type');
    const asJson = await fetch(`${f.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'kiln-client', client_secret: 'cs-1' }) });
    expect(asJson.status).toBe(400);
    const both = await form(f, { grant_type: 'client_credentials', client_secret: 'cs-1' }, { authorization: `Basic ${b64('kiln-client:cs-1')}` });
    expect(both).toMatchObject({ status: 400, json: { error: 'invalid_request' } });

    const ok = await form(f, { grant_type: 'client_credentials', client_id: 'kiln-client', client_secret: 'cs-1', scope: 'orders:write' });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ access_token: expect.stringMatching(/^[0-9a-f]{40}$/), token_type: 'Bearer', expires_in: 600, scope: 'orders:write' });
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const viaBasic = await form(f, { grant_type: 'client_credentials' }, { authorization: `Basic ${b64('kiln-client:cs-1')}` });
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.json.access_token).not.toBe(ok.json.access_token);
    const wrongBasic = await form(f, { grant_type: 'client_credentials' }, { authorization: `Basic ${b64('kiln-client:cs-x')}` });
    expect(wrongBasic).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(wrongBasic.headers.get('www-authenticate')).toMatch(/^Basic/);

    const unknown = await post(f, '{}', { authorization: 'Bearer not-a-token' });
    expect(unknown).toMatchObject({ status: 401, json: { error: 'invalid_token' } });
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await post(f, '{}', {})).status).toBe(401);
    expect((await post(f, '{}', { authorization: `Bearer ${ok.json.access_token}` })).status).toBe(201);
    expect((await getJson(`${f.url}/_fake/state`)).json).toMatchObject({ auth: 'oauth2', tokens: 2 });
    expect(f.requests.filter((q) => q.path === '/oauth/token')).toHaveLength(7);
  });

  it('oauth2: expireTokens() (and the control route, and the expire fault) end tokens → 401 invalid_token', async () => {
    const f = await start({ kind: 'oauth2', clientId: 'c', clientSecret: 's' });
    const token = async () => (await form(f, { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' })).json.access_token as string;
    const t1 = await token();
    expect((await post(f, '{}', { authorization: `Bearer ${t1}` })).status).toBe(201);
    f.expireTokens();
    expect(await post(f, '{}', { authorization: `Bearer ${t1}` })).toMatchObject({ status: 401, json: { error: 'invalid_token' } });
    const t2 = await token();
    expect((await post(f, '{}', { authorization: `Bearer ${t2}` })).status).toBe(201);
    expect((await postJson(`${f.url}/_fake/expire-tokens`, {})).status).toBe(200);
    expect((await post(f, '{}', { authorization: `Bearer ${t2}` })).status).toBe(401);
    const t3 = await token();
    f.fault({ kind: 'expire', count: 1 });
    expect((await post(f, '{}', { authorization: `Bearer ${t3}` })).status).toBe(401);
    expect((await post(f, '{}', { authorization: `Bearer ${t3}` })).status).toBe(401);
    expect(f.items('orders')).toHaveLength(2);
    // Only oauth2 has tokens to expire.
    expect(() => r.expireTokens()).toThrow(/not oauth2/);
    expect((await postJson(`${r.url}/_fake/expire-tokens`, {})).status).toBe(400);
    expect(() => r.fault({ kind: 'expire' })).toThrow(/does not support/);
  });

  it('oauth2: tokens expire after tokenTtlSeconds (real time)', async () => {
    const f = await start({ kind: 'oauth2', clientId: 'c', clientSecret: 's', tokenTtlSeconds: 1 });
    const t = (await form(f, { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' })).json as { access_token: string; expires_in: number };
    expect(t.expires_in).toBe(1);
    expect((await post(f, '{}', { authorization: `Bearer ${t.access_token}` })).status).toBe(201);
    const deadline = Date.now() + 3000;
    let status = 201;
    while (status !== 401 && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 100));
      status = (await fetch(`${f.url}/api/orders`, { headers: { authorization: `Bearer ${t.access_token}` } })).status;
    }
    expect(status).toBe(401);
  });

  it('none: every request passes', async () => {
    const f = await start({ kind: 'none' });
    expect((await post(f, '{}', {})).status).toBe(201);
    expect((await getJson(`${f.url}/oauth/token`)).status).toBe(404);
  });
});
