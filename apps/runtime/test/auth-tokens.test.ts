import { expect, it } from 'vitest';
import type { ManualClock } from '../src/clock.js';
import { createUser } from '../src/auth/users.js';
import { describeBackends } from './helpers/harness.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const customers = {
  formatVersion: 1, key: 'customers', title: t('客户', 'Customers'),
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('姓名', 'Name'), required: true },
    { id: 'f_phone', key: 'phone', type: 'text', label: t('手机号', 'Phone') },
  ],
};
const role = (key: string, forms: Record<string, unknown> = { customers: { read: true } }) => ({ formatVersion: 1, key, name: t(key, key), forms });

describeBackends('auth: API tokens and app members', (h) => {
  const clock = () => h().ctx.clock as ManualClock;
  const as = (token: string, o: { method: string; url: string; payload?: unknown }) => h().req({ ...o, headers: { authorization: `Bearer ${token}` } } as never);
  const ok = async (o: { method: string; url: string; payload?: unknown }) => {
    const r = await h().req(o as never);
    if (r.status >= 300) throw new Error(`${o.method} ${o.url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  let users: { builder: number; operator: number; other: number };

  it('sets up two apps with published roles and users in two tenants', async () => {
    for (const app of ['crm', 'other']) {
      await ok({ method: 'POST', url: '/api/apps', payload: { key: app, name: t(app, app) } });
      await ok({ method: 'PUT', url: `/api/apps/${app}/forms/customers`, payload: customers });
      await ok({ method: 'PUT', url: `/api/apps/${app}/roles/viewer`, payload: role('viewer') });
      await ok({ method: 'PUT', url: `/api/apps/${app}/roles/editor`, payload: role('editor', { customers: { read: true, create: true, update: true } }) });
      await ok({ method: 'POST', url: `/api/apps/${app}/publish` });
    }
    await ok({ method: 'POST', url: '/api/apps/crm/forms/customers/records', payload: { name: '张三', phone: '13800000001' } });
    await h().ctx.db.insertInto('tenants').values({ key: 'acme', name: 'Acme' }).execute();
    const tenant2 = Number((await h().ctx.db.selectFrom('tenants').select('id').where('key', '=', 'acme').executeTakeFirstOrThrow()).id);
    users = {
      builder: (await createUser(h().ctx.db, { email: 'b@tok.test', password: 'builder-pass-1', role: 'builder' })).id,
      operator: (await createUser(h().ctx.db, { email: 'o@tok.test', password: 'operator-pass-1', role: 'operator' })).id,
      other: (await createUser(h().ctx.db, { email: 'a2@tok.test', password: 'admin2-pass-1', role: 'admin', tenantId: tenant2 })).id,
    };
  });

  it('creates a token for a published role, shown once, stored hashed, listed without its secret', async () => {
    const bad = await h().req({ method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'ERP', role: 'nope' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_ROLE', details: { roles: ['nope'], known: ['editor', 'viewer'] } });
    const past = await h().req({ method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'ERP', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    const r = await h().req({ method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'ERP', role: 'viewer' } });
    expect(r.status).toBe(201);
    expect(r.body.token).toMatch(/^kilt_[A-Za-z0-9_-]{43}$/);
    expect(r.body).toMatchObject({ name: 'ERP', role: 'viewer', prefix: r.body.token.slice(5, 13), expiresAt: null, revokedAt: null });
    const stored = await h().ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(r.body.token.slice(5));
    const list = await h().req({ method: 'GET', url: '/api/apps/crm/tokens' });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: r.body.id, name: 'ERP', role: 'viewer', prefix: r.body.prefix, createdBy: { email: 'admin@test.local' } });
    expect(JSON.stringify(list.body)).not.toContain(r.body.token);
  });

  it('a token acts as its creator with role operator, scoped to its app and role; last use is recorded', async () => {
    const token = (await ok({ method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'BI', role: 'viewer' } })).token as string;
    const me = await as(token, { method: 'GET', url: '/api/me' });
    const admin = await h().req({ method: 'GET', url: '/api/me' });
    const crm = await h().ctx.db.selectFrom('apps').select('id').where('key', '=', 'crm').executeTakeFirstOrThrow();
    expect(me.body).toMatchObject({ id: admin.body.id, role: 'operator', tenantId: 1, via: 'token', scope: { appId: crm.id, roleKey: 'viewer' } });
    expect(me.body.tokenId).toBeGreaterThan(0);
    const records = await as(token, { method: 'GET', url: '/api/apps/crm/forms/customers/records' });
    expect(records.status).toBe(200);
    expect(records.body.items.map((x: any) => x.name)).toEqual(['张三']);
    // Token administration needs builder or admin; other apps are out of the token's reach.
    expect((await as(token, { method: 'GET', url: '/api/apps/crm/tokens' })).status).toBe(403);
    const link = await as(token, { method: 'POST', url: '/api/apps/other/portal/links', payload: { userId: users.operator } });
    expect(link.status).toBe(404);
    expect(link.body.error.code).toBe('APP_NOT_FOUND');
    const listed = (await ok({ method: 'GET', url: '/api/apps/crm/tokens' })).items.find((x: any) => x.id === me.body.tokenId);
    expect(listed.lastUsedAt).toBe(clock().now().toISOString());
  });

  it('a revoked token stops working at once; revoking is audited once', async () => {
    const created = await ok({ method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'Temp', role: 'editor' } });
    expect((await as(created.token, { method: 'GET', url: '/api/me' })).status).toBe(200);
    const del = await h().req({ method: 'DELETE', url: `/api/apps/crm/tokens/${created.id}` });
    expect(del.status).toBe(200);
    expect(del.body.revokedAt).toBe(clock().now().toISOString());
    expect((await as(created.token, { method: 'GET', url: '/api/me' })).status).toBe(401);
    expect((await h().req({ method: 'DELETE', url: `/api/apps/crm/tokens/${created.id}` })).status).toBe(200);
    expect((await h().req({ method: 'DELETE', url: '/api/apps/other/tokens/' + created.id })).body.error.code).toBe('TOKEN_NOT_FOUND');
    const audit = await ok({ method: 'GET', url: `/api/audit?action=token.*&app=crm` });
    expect(audit.items.filter((e: any) => e.target === `token:${created.id}`).map((e: any) => e.action)).toEqual(['token.revoke', 'token.create']);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('an expired token stops working', async () => {
    const created = await ok({ method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'Short', role: 'viewer', expiresAt: new Date(clock().now().getTime() + 3600_000).toISOString() } });
    expect((await as(created.token, { method: 'GET', url: '/api/me' })).status).toBe(200);
    await clock().advance(3600_000);
    expect((await as(created.token, { method: 'GET', url: '/api/me' })).status).toBe(401);
  });

  it('builders manage tokens; operators may not; other tenants do not see the app', async () => {
    const builder = await h().login('b@tok.test', 'builder-pass-1');
    expect((await as(builder, { method: 'POST', url: '/api/apps/crm/tokens', payload: { name: 'By builder', role: 'viewer' } })).status).toBe(201);
    const operator = await h().login('o@tok.test', 'operator-pass-1');
    expect((await as(operator, { method: 'GET', url: '/api/apps/crm/tokens' })).status).toBe(403);
    const other = await h().login('a2@tok.test', 'admin2-pass-1');
    const r = await as(other, { method: 'GET', url: '/api/apps/crm/tokens' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('APP_NOT_FOUND');
    expect((await as(other, { method: 'GET', url: '/api/apps/crm/members' })).body.error.code).toBe('APP_NOT_FOUND');
  });

  it('members: replaces a user\'s explicit roles (published roles only, users of the tenant only), audited', async () => {
    expect((await ok({ method: 'GET', url: '/api/apps/crm/members' })).items).toEqual([]);
    const put = await h().req({ method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.operator, roles: ['viewer', 'editor', 'viewer'] } });
    expect(put.status).toBe(200);
    expect(put.body.items).toEqual([{ userId: users.operator, email: 'o@tok.test', displayName: null, roles: ['editor', 'viewer'] }]);
    await ok({ method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.builder, roles: ['viewer'] } });
    expect((await ok({ method: 'GET', url: '/api/apps/crm/members' })).items.map((m: any) => [m.userId, m.roles])).toEqual([[users.builder, ['viewer']], [users.operator, ['editor', 'viewer']]]);
    expect((await ok({ method: 'GET', url: '/api/apps/other/members' })).items).toEqual([]);
    const bad = await h().req({ method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.operator, roles: ['viewer', 'ghost'] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVALID_ROLE');
    const foreign = await h().req({ method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.other, roles: ['viewer'] } });
    expect(foreign.status).toBe(404);
    const operator = await h().login('o@tok.test', 'operator-pass-1');
    expect((await as(operator, { method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.operator, roles: ['editor'] } })).status).toBe(403);
    await ok({ method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.operator, roles: ['viewer'] } });
    await ok({ method: 'PUT', url: '/api/apps/crm/members', payload: { userId: users.builder, roles: [] } });
    expect((await ok({ method: 'GET', url: '/api/apps/crm/members' })).items).toEqual([{ userId: users.operator, email: 'o@tok.test', displayName: null, roles: ['viewer'] }]);
    const audit = (await ok({ method: 'GET', url: '/api/audit?action=members.update' })).items;
    expect(audit.map((e: any) => [e.target, e.before.roles, e.after.roles])).toEqual([
      [`user:${users.builder}`, ['viewer'], []],
      [`user:${users.operator}`, ['editor', 'viewer'], ['viewer']],
      [`user:${users.builder}`, [], ['viewer']],
      [`user:${users.operator}`, [], ['editor', 'viewer']],
    ]);
    expect(audit[0]).toMatchObject({ app: 'crm', actor: { kind: 'user', email: 'admin@test.local' } });
  });
}, { testClock: true });
