import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { leadsForm, setupApp } from './fixtures.js';

const submit = '/api/public/forms/leads-form/submissions';

describeBackends('public forms', (h) => {
  beforeAll(async () => {
    expect((await setupApp(h().req, 'pub', [leadsForm()])).status).toBe(200);
  });
  const anon = async (o: any) => {
    const r = await h().app.inject(o);
    return { status: r.statusCode, body: r.json(), headers: r.headers };
  };

  it('serves the schema without login, in the asked language', async () => {
    const zh = await anon({ method: 'GET', url: '/api/public/forms/leads-form' });
    expect(zh.status).toBe(200);
    expect(zh.body.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(zh.body.schema.properties.name.title).toBe('姓名');
    const en = await anon({ method: 'GET', url: '/api/public/forms/leads-form?locale=en' });
    expect(en.body.schema.properties.name.title).toBe('Name');
    expect((await anon({ method: 'GET', url: '/api/public/forms/nope' })).status).toBe(404);
  });

  it('takes link parameters into the record and de-duplicates by phone per code', async () => {
    const a = await anon({ method: 'POST', url: `${submit}?code=LIVE888&channel=douyin&unrelated=1`, payload: { name: '王五', phone: '13600000001' } });
    expect(a.status).toBe(201);
    const rec = await h().req({ method: 'GET', url: `/api/apps/pub/forms/leads/records/${a.body.id}` });
    expect(rec.body).toMatchObject({ name: '王五', phone: '13600000001', code: 'LIVE888', channel: 'douyin' });
    const again = await anon({ method: 'POST', url: `${submit}?code=LIVE888&channel=channels`, payload: { name: '王五2', phone: '13600000001' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: a.body.id, duplicate: true });
    const otherCode = await anon({ method: 'POST', url: `${submit}?code=LIVE999`, payload: { name: '王五', phone: '13600000001' } });
    expect(otherCode.status).toBe(201);
    expect(otherCode.body.id).not.toBe(a.body.id);
  });

  it('honours Idempotency-Key and refuses bad input', async () => {
    const headers = { 'idempotency-key': 'page-load-1' };
    const a = await anon({ method: 'POST', url: `${submit}?code=K1`, payload: { name: 'A', phone: '13600000002' }, headers });
    const b = await anon({ method: 'POST', url: `${submit}?code=K1`, payload: { name: 'A', phone: '13600000002' }, headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    const bad = await anon({ method: 'POST', url: submit, payload: { name: 'A', phone: 'nope', extra: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.errors.map((e: any) => e.path).sort()).toEqual(['/extra', '/phone']);
  });
});

describeBackends('public form rate limit', (h) => {
  it('limits submissions per client with 429 RATE_LIMITED', async () => {
    const f = leadsForm();
    (f as any).public = { enabled: true, slug: 'tight', rateLimit: { max: 3, perSeconds: 60 } };
    expect((await setupApp(h().req, 'rl', [f])).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await h().app.inject({ method: 'POST', url: '/api/public/forms/tight/submissions', payload: { name: 'R', phone: `1350000000${i}` } });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(r.json().error.code).toBe('RATE_LIMITED');
        expect(r.json().error.message).toMatch(/retry in \d+ s/);
      }
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});

describeBackends('system endpoints', (h, kind) => {
  it('health names the database, OpenAPI lists the contract', async () => {
    const health = await h().app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', db: kind });
    const doc = (await h().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/auth/login', '/api/apps/{app}/publish', '/api/apps/{app}/forms/{form}/records', '/api/public/forms/{slug}/submissions']) expect(doc.paths).toHaveProperty([p]);
  });
  it('the test clock is off by default', async () => {
    expect((await h().app.inject({ method: 'POST', url: '/api/_test/clock', payload: { advance: 'P1D' } })).statusCode).toBe(404);
  });
});

describeBackends('test clock', (h) => {
  it('moves only when told, and stamps records with its time', async () => {
    const set = await h().app.inject({ method: 'POST', url: '/api/_test/clock', payload: { set: '2026-03-01T08:00:00Z' } });
    expect(set.json().now).toBe('2026-03-01T08:00:00.000Z');
    const adv = await h().app.inject({ method: 'POST', url: '/api/_test/clock', payload: { advance: 'P3DT2H' } });
    expect(adv.json().now).toBe('2026-03-04T10:00:00.000Z');
    expect((await h().app.inject({ method: 'POST', url: '/api/_test/clock', payload: { advance: 'soon' } })).statusCode).toBe(400);
    // the harness session expired as time moved on: sign in again at the new time
    const token = await h().login('admin@test.local', 'admin-password-1');
    const req = (o: any) => h().req({ ...o, headers: { authorization: `Bearer ${token}` } });
    expect((await setupApp(req, 'clk', [leadsForm()])).status).toBe(200);
    const r = await req({ method: 'POST', url: '/api/apps/clk/forms/leads/records', payload: { name: 'T', phone: '13800000000' } });
    expect(r.body.createdAt).toBe('2026-03-04T10:00:00.000Z');
  });
}, { testClock: true });

