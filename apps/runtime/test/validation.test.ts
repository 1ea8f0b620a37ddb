import { expect, it, beforeAll } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { leadsForm, setupApp } from './fixtures.js';

const url = '/api/apps/v/forms/leads/records';

describeBackends('bad input changes nothing', (h) => {
  beforeAll(async () => {
    const r = await setupApp(h().req, 'v', [leadsForm()]);
    expect(r.status).toBe(200);
  });
  const count = async () => (await h().req({ method: 'GET', url: `${url}?limit=500` })).body.items.length;

  it.each([
    ['wrong type', { name: 'A', phone: '13800000000', qty: 'three' }, 422, 'RECORD_INVALID', '/qty', 'FORM_TYPE'],
    ['missing required', { name: 'A' }, 422, 'RECORD_INVALID', '/phone', 'FORM_REQUIRED'],
    ['unknown field', { name: 'A', phone: '13800000000', hacker: 1 }, 422, 'RECORD_INVALID', '/hacker', 'FORM_UNKNOWN_FIELD'],
    ['bad phone', { name: 'A', phone: '12345' }, 422, 'RECORD_INVALID', '/phone', null],
    ['too long', { name: 'A'.repeat(21), phone: '13800000000' }, 422, 'RECORD_INVALID', '/name', 'FORM_MAX_LENGTH'],
    ['out of range', { name: 'A', phone: '13800000000', qty: 100 }, 422, 'RECORD_INVALID', '/qty', 'FORM_MAX'],
    ['money not integer fen', { name: 'A', phone: '13800000000', budget: 12.5 }, 422, 'RECORD_INVALID', '/budget', null],
  ])('%s → 4xx with code and path, nothing stored', async (_n, payload, status, code, path, fieldCode) => {
    const before = await count();
    const r = await h().req({ method: 'POST', url, payload });
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    const err = r.body.error.details.errors.find((e: any) => e.path === path);
    expect(err, JSON.stringify(r.body)).toBeTruthy();
    if (fieldCode) expect(err.code).toBe(fieldCode);
    expect(typeof err.message).toBe('string');
    expect(await count()).toBe(before);
  });

  it('messages follow the caller’s language', async () => {
    const zh = await h().req({ method: 'POST', url, payload: { name: 'A' }, headers: { 'accept-language': 'zh-CN' } });
    const en = await h().req({ method: 'POST', url, payload: { name: 'A' }, headers: { 'accept-language': 'en' } });
    const m = (r: any) => r.body.error.details.errors.find((e: any) => e.path === '/phone').message;
    expect(m(zh)).toMatch(/[\u4e00-\u9fff]/);
    expect(m(en)).toMatch(/Phone/);
  });

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const before = await count();
    const r = await h().req({ method: 'POST', url, payload: '{"name": "A", ', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_JSON');
    expect(await count()).toBe(before);
  });

  it('oversize body → 413 BODY_TOO_LARGE', async () => {
    const before = await count();
    const r = await h().req({ method: 'POST', url, payload: { name: 'A', phone: '13800000000', note: 'x'.repeat(2 * 1024 * 1024) } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('BODY_TOO_LARGE');
    expect(await count()).toBe(before);
  });

  it('duplicate unique → 409 with the field path; the first stays alone', async () => {
    const ok = await h().req({ method: 'POST', url, payload: { name: 'U1', phone: '13900000001', email: 'u@x.cn' } });
    expect(ok.status).toBe(201);
    const before = await count();
    const r = await h().req({ method: 'POST', url, payload: { name: 'U2', phone: '13900000002', email: 'u@x.cn' } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('RECORD_DUPLICATE');
    expect(r.body.error.details.errors[0].path).toBe('/email');
    expect(await count()).toBe(before);
  });

  it('the same Idempotency-Key twice stores one record', async () => {
    const before = await count();
    const headers = { 'idempotency-key': 'abc-123' };
    const a = await h().req({ method: 'POST', url, payload: { name: 'I', phone: '13700000001' }, headers });
    const b = await h().req({ method: 'POST', url, payload: { name: 'I', phone: '13700000001' }, headers });
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => h().req({ method: 'POST', url, payload: { name: 'C', phone: '13700000002' }, headers: { 'idempotency-key': 'race-1' } })));
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    expect(await count()).toBe(before + 2);
  });

  it('bad filters, sorts and cursors are 400s, injection attempts included', async () => {
    const bad = [
      `filter=${encodeURIComponent('{"name; drop table users":1}')}`,
      `filter=${encodeURIComponent('{"qty":{"$gt":"1; drop table users"}}')}`,
      `filter=${encodeURIComponent('{"qty":{"$where":"1"}}')}`,
      'filter=not-json',
      'sort=name;drop',
      'sort=-note2',
      'cursor=zzz',
      'limit=0',
    ];
    for (const q of bad) {
      const r = await h().req({ method: 'GET', url: `${url}?${q}` });
      expect(r.status, q).toBeGreaterThanOrEqual(400);
      expect(r.status, q).toBeLessThan(500);
    }
    const r = await h().req({ method: 'GET', url: `${url}?filter=${encodeURIComponent(JSON.stringify({ name: "x' or '1'='1" }))}` });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
  });

  it('requires a session and the right role', async () => {
    const anon = await h().app.inject({ method: 'GET', url });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
    await h().req({ method: 'POST', url: '/api/users', payload: { email: 'op@x.cn', password: 'operator-pw-1', role: 'operator' } });
    const op = await h().login('op@x.cn', 'operator-pw-1');
    const asOp = (o: any) => h().app.inject({ ...o, headers: { authorization: `Bearer ${op}` } });
    expect((await asOp({ method: 'GET', url })).statusCode).toBe(200);
    expect((await asOp({ method: 'POST', url: '/api/apps/v/publish' })).statusCode).toBe(403);
    expect((await asOp({ method: 'PUT', url: '/api/apps/v/forms/x', payload: {} })).statusCode).toBe(403);
    const wrong = await h().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'op@x.cn', password: 'nope-nope' } });
    expect(wrong.statusCode).toBe(401);
  });
});
