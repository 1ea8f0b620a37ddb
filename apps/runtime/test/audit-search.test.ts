import { expect, it } from 'vitest';
import type { ManualClock } from '../src/clock.js';
import { writeAudit } from '../src/audit/log.js';
import { recordHistory, searchAudit } from '../src/audit/query.js';
import { createUser } from '../src/auth/users.js';
import { describeBackends } from './helpers/harness.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describeBackends('audit: search and record history', (h) => {
  const clock = () => h().ctx.clock as ManualClock;
  const search = async (query: string, token?: string) => {
    const r = await h().req({ method: 'GET', url: `/api/audit?${query}`, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: any[]; nextCursor: string | null };
  };
  let ids: { crm: number; other: number; op: number; tenant2: number; start: string; mid: string; baseline: number };

  it('records entries from users, tokens, the public and the system', async () => {
    const db = h().ctx.db;
    const crm = (await h().req({ method: 'POST', url: '/api/apps', payload: { key: 'crm', name: t('crm', 'crm') } })).body;
    await h().req({ method: 'POST', url: '/api/apps', payload: { key: 'other', name: t('other', 'other') } });
    const appId = async (key: string) => Number((await db.selectFrom('apps').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id);
    void crm;
    const op = await createUser(db, { email: 'op@audit.test', password: 'operator-pass-1', role: 'operator', displayName: '小王' });
    await db.insertInto('tenants').values({ key: 'acme', name: 'Acme' }).execute();
    const tenant2 = Number((await db.selectFrom('tenants').select('id').where('key', '=', 'acme').executeTakeFirstOrThrow()).id);
    // Entries from here on are this test's (the harness's sign-in and app creation may be audited too).
    const baseline = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
    ids = { crm: await appId('crm'), other: await appId('other'), op: op.id, tenant2, start: clock().now().toISOString(), mid: '', baseline };
    const at = () => clock().now();
    const user = { kind: 'user' as const, userId: op.id, ip: '10.0.0.1', tenantId: 1 };
    await writeAudit(db, at(), user, { action: 'record.create', appId: ids.crm, formKey: 'customers', recordId: 7, before: null, after: { name: '张三', phone: '13800000001', secret_note: 'vip' } });
    await clock().advance(3600_000);
    ids.mid = clock().now().toISOString();
    await writeAudit(db, at(), { kind: 'token', userId: op.id, tokenId: 42, ip: '10.0.0.2', tenantId: 1 }, { action: 'record.update', appId: ids.crm, formKey: 'customers', recordId: 7, before: { name: '张三', secret_note: 'vip' }, after: { name: '张三丰', secret_note: 'vvip' } });
    await writeAudit(db, at(), user, { action: 'record.update', appId: ids.crm, formKey: 'customers', recordId: 7, before: { secret_note: 'vvip' }, after: { secret_note: 'x' } });
    await writeAudit(db, at(), { kind: 'public', ip: '10.0.0.3', tenantId: 1 }, { action: 'record.create', appId: ids.crm, formKey: 'leads', recordId: 1, after: { name: 'Lead' } });
    await writeAudit(db, at(), { kind: 'system', tenantId: 1 }, { action: 'record.update', appId: ids.other, formKey: 'customers', recordId: 7, before: { name: 'a' }, after: { name: 'b' } });
    await writeAudit(db, at(), user, { action: 'metadata.put', appId: ids.crm, target: 'forms/customers', after: { title: 'Customers' } });
    await clock().advance(3600_000);
    await writeAudit(db, at(), user, { action: 'record.delete', appId: ids.crm, formKey: 'customers', recordId: 7, before: { name: '张三丰', phone: '13800000001', secret_note: 'x' }, after: null });
    await writeAudit(db, at(), { kind: 'user', userId: op.id, tenantId: tenant2 }, { action: 'record.create', appId: null, formKey: 'customers', recordId: 7, after: { name: 'elsewhere' } });
    // And real ones: a sign-in and a user change through the API.
    await h().login('op@audit.test', 'operator-pass-1');
    expect((await h().req({ method: 'PATCH', url: `/api/users/${op.id}`, payload: { groups: ['sales'] } })).status).toBe(200);
  });

  it('answers newest first with actors, apps and values; filters combine', async () => {
    const all = await search('limit=200');
    expect(all.items.filter((e) => e.id > ids.baseline).map((e) => e.action)).toEqual(['user.update', 'login.ok', 'record.delete', 'metadata.put', 'record.update', 'record.create', 'record.update', 'record.update', 'record.create']);
    expect(all.nextCursor).toBeNull();
    const token = all.items.find((e) => e.tokenId === 42);
    expect(token).toMatchObject({ action: 'record.update', actor: { kind: 'token', id: ids.op, email: 'op@audit.test', name: '小王' }, ip: '10.0.0.2', app: 'crm', form: 'customers', record: 7, before: { name: '张三' }, after: { name: '张三丰' } });
    expect(all.items.find((e) => e.actor.kind === 'public')).toMatchObject({ actor: { id: null, email: null, name: null }, form: 'leads' });
    expect((await search('app=crm&form=customers&record=7')).items.map((e) => e.action)).toEqual(['record.delete', 'record.update', 'record.update', 'record.create']);
    expect((await search('action=record.update')).items).toHaveLength(3);
    expect((await search('action=record.*')).items).toHaveLength(6);
    expect((await search(`actor=${ids.op}&action=login.ok,metadata.put`)).items.map((e) => e.action)).toEqual(['login.ok', 'metadata.put']);
    expect((await search(`actor=${ids.op}&action=record.`)).items).toHaveLength(4);
    expect((await search('actor=OP@audit.test&app=crm&action=record.update')).items).toHaveLength(2);
    expect((await search('q=vvip')).items.map((e) => e.action)).toEqual(['record.update', 'record.update']);
    expect((await search(`q=${encodeURIComponent('forms/cust')}`)).items.map((e) => e.action)).toEqual(['metadata.put']);
    expect((await search(`q=${encodeURIComponent('100%')}`)).items).toEqual([]);
    expect((await search(`from=${encodeURIComponent(ids.mid)}&to=${encodeURIComponent(new Date(Date.parse(ids.mid) + 1000).toISOString())}`)).items).toHaveLength(5);
    expect((await search(`from=${encodeURIComponent(ids.start)}&to=${encodeURIComponent(ids.mid)}&action=record.*`)).items.map((e) => e.action)).toEqual(['record.create']);
  });

  it('pages with a keyset cursor', async () => {
    const total = (await search('limit=200')).items.length;
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(total).toBeGreaterThan(8);
    expect(pages).toBe(Math.ceil(total / 4));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses bad queries with 4xx, non-admins with 403, and keeps tenants apart', async () => {
    const bad = async (query: string, code: string) => {
      const r = await h().req({ method: 'GET', url: `/api/audit?${query}` });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error.code).toBe(code);
    };
    await bad('limit=201', 'BAD_REQUEST');
    await bad('limit=0', 'BAD_REQUEST');
    await bad('cursor=abc', 'INVALID_CURSOR');
    await bad('from=yesterday', 'BAD_REQUEST');
    await bad('app=nope', 'APP_NOT_FOUND');
    await bad('unknown=1', 'BAD_REQUEST');
    const op = await h().login('op@audit.test', 'operator-pass-1');
    expect((await h().req({ method: 'GET', url: '/api/audit', headers: { authorization: `Bearer ${op}` } })).status).toBe(403);
    const other = await searchAudit(h().ctx.db, ids.tenant2, {});
    expect(other.items.map((e) => e.after)).toEqual([{ name: 'elsewhere' }]);
    expect(other.items[0]).toMatchObject({ actor: { id: ids.op }, app: null });
    await createUser(h().ctx.db, { email: 'admin@acme.test', password: 'acme-admin-1', role: 'admin', tenantId: ids.tenant2 });
    const admin2 = await h().login('admin@acme.test', 'acme-admin-1');
    const seen = await search('limit=200', admin2);
    expect(seen.items.map((e) => e.action)).toEqual(['login.ok', 'record.create']);
    expect((await h().req({ method: 'GET', url: '/api/audit?app=crm', headers: { authorization: `Bearer ${admin2}` } })).body.error.code).toBe('APP_NOT_FOUND');
  });

  it('record history: the record\'s writes, newest first, without hidden fields', async () => {
    const { items } = await recordHistory(h().ctx.db, ids.crm, 'customers', 7, ['secret_note']);
    expect(items.map((e) => e.action)).toEqual(['record.delete', 'record.update', 'record.update', 'record.create']);
    expect(items[0]).toMatchObject({ actor: { kind: 'user', id: ids.op, name: '小王' }, ip: '10.0.0.1', changes: [{ field: 'name', before: '张三丰', after: null }, { field: 'phone', before: '13800000001', after: null }] });
    expect(items[1]!.changes).toEqual([]);
    expect(items[2]).toMatchObject({ actor: { kind: 'token', id: ids.op }, changes: [{ field: 'name', before: '张三', after: '张三丰' }] });
    expect(items[3]!.changes).toEqual([{ field: 'name', before: null, after: '张三' }, { field: 'phone', before: null, after: '13800000001' }]);
    expect(JSON.stringify(items)).not.toContain('vip');
    const full = await recordHistory(h().ctx.db, ids.crm, 'customers', 7, []);
    expect(full.items[1]!.changes).toEqual([{ field: 'secret_note', before: 'vvip', after: 'x' }]);
    expect((await recordHistory(h().ctx.db, ids.other, 'customers', 7, [])).items).toHaveLength(1);
  });
}, { testClock: true });
