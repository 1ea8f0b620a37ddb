import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { leadsForm, setupApp } from './fixtures.js';

const submit = '/api/public/forms/leads-form/submissions';

describeBackends('group-committed public intake', (h) => {
  beforeAll(async () => {
    expect((await setupApp(h().req, 'burst', [leadsForm()])).status).toBe(200);
  });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => h().app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('a burst of concurrent submissions: every acknowledged one is stored once, duplicates answer the first id', async () => {
    const phones = Array.from({ length: 60 }, (_, i) => `1390000${String(i).padStart(4, '0')}`);
    // each phone twice, plus idempotent retries of a few
    const requests = [
      ...phones.map((p) => post(`${submit}?code=B1`, { name: 'N', phone: p })),
      ...phones.map((p) => post(`${submit}?code=B1`, { name: 'again', phone: p })),
      ...Array.from({ length: 5 }, () => post(`${submit}?code=B2`, { name: 'I', phone: '13911111111' }, { 'idempotency-key': 'same-page' })),
      post(`${submit}?code=B1`, { name: 'bad', phone: 'x' }),
    ];
    const res = await Promise.all(requests);
    const codes = res.map((r) => r.statusCode);
    expect(codes.slice(0, 120).every((c) => c === 200 || c === 201)).toBe(true);
    expect(res[res.length - 1]!.statusCode).toBe(422);
    const byPhone = new Map<string, Set<number>>();
    res.slice(0, 120).forEach((r, i) => {
      const p = phones[i % 60]!;
      if (!byPhone.has(p)) byPhone.set(p, new Set());
      byPhone.get(p)!.add(r.json().id);
    });
    for (const ids of byPhone.values()) expect(ids.size).toBe(1);
    expect(codes.slice(0, 120).filter((c) => c === 201)).toHaveLength(60);
    const idem = new Set(res.slice(120, 125).map((r) => r.json().id));
    expect(idem.size).toBe(1);
    const all = await h().req({ method: 'GET', url: `/api/apps/burst/forms/leads/records?limit=500` });
    expect(all.body.items).toHaveLength(61);
  });

  it('a batch whose row breaks a unique field falls back to precise per-submission errors', async () => {
    const res = await Promise.all([
      post(`${submit}?code=U`, { name: 'A', phone: '13922222221', email: 'dup@x.cn' }),
      post(`${submit}?code=U`, { name: 'B', phone: '13922222222', email: 'dup@x.cn' }),
      post(`${submit}?code=U`, { name: 'C', phone: '13922222223', email: 'ok@x.cn' }),
    ]);
    const codes = res.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 409]);
    const conflict = res.find((r) => r.statusCode === 409)!.json();
    expect(conflict.error.details.errors[0].path).toBe('/email');
  });
});
