import { expect, it } from 'vitest';
import { createUser } from '../src/auth/users.js';
import { describeBackends } from './helpers/harness.js';

describeBackends('auth: users are per tenant', (h) => {
  const as = (token: string, o: { method: string; url: string; payload?: unknown }) => h().req({ ...o, headers: { authorization: `Bearer ${token}` } } as never);
  let tenant2 = 0;
  let admin2 = '';
  let ids: { op1: number; op2: number; admin2: number };

  it('sets up a second tenant with its own admin', async () => {
    await h().ctx.db.insertInto('tenants').values({ key: 'acme', name: 'Acme' }).execute();
    tenant2 = Number((await h().ctx.db.selectFrom('tenants').select('id').where('key', '=', 'acme').executeTakeFirstOrThrow()).id);
    const a2 = await createUser(h().ctx.db, { email: 'admin@acme.test', password: 'acme-admin-1', role: 'admin', tenantId: tenant2, groups: ['acme_lead'] });
    expect(a2.tenantId).toBe(tenant2);
    admin2 = await h().login('admin@acme.test', 'acme-admin-1');
    const op1 = await h().req({ method: 'POST', url: '/api/users', payload: { email: 'op1@t1.test', password: 'operator-pass-1', role: 'operator', groups: ['sales'], phone: '13800000001', attributes: { regions: ['east'] } } });
    expect(op1.status).toBe(201);
    expect(op1.body).toMatchObject({ email: 'op1@t1.test', role: 'operator', tenantId: 1 });
    const op2 = await as(admin2, { method: 'POST', url: '/api/users', payload: { email: 'op2@t2.test', password: 'operator-pass-2', role: 'operator', groups: ['sales'], phone: '13800000001' } });
    expect(op2.status).toBe(201);
    expect(op2.body.tenantId).toBe(tenant2);
    ids = { op1: op1.body.id, op2: op2.body.id, admin2: a2.id };
  });

  it('lists, searches and groups only the caller\'s tenant', async () => {
    const list1 = (await h().req({ method: 'GET', url: '/api/users' })).body.items.map((u: any) => u.email);
    expect(list1).toEqual(['admin@test.local', 'op1@t1.test']);
    const list2 = (await as(admin2, { method: 'GET', url: '/api/users' })).body.items;
    expect(list2.map((u: any) => u.email)).toEqual(['admin@acme.test', 'op2@t2.test']);
    expect(list2[1]).toMatchObject({ phone: '13800000001', attributes: {} });
    expect(JSON.stringify(list2)).not.toContain('password');
    expect((await as(admin2, { method: 'GET', url: '/api/users/search?q=op' })).body.items.map((u: any) => u.email)).toEqual(['op2@t2.test']);
    expect((await as(admin2, { method: 'GET', url: `/api/users/search?ids=${ids.op1},${ids.op2}` })).body.items.map((u: any) => u.id)).toEqual([ids.op2]);
    expect((await h().req({ method: 'GET', url: '/api/groups' })).body.items).toEqual([{ key: 'sales', users: 1 }]);
    expect((await as(admin2, { method: 'GET', url: '/api/groups' })).body.items).toEqual([{ key: 'acme_lead', users: 1 }, { key: 'sales', users: 1 }]);
    const me = (await as(admin2, { method: 'GET', url: '/api/me' })).body;
    expect(me).toMatchObject({ id: ids.admin2, tenantId: tenant2, role: 'admin', groups: ['acme_lead'], via: 'session' });
  });

  it('a user of another tenant is not found; managers stay in the tenant', async () => {
    const r = await as(admin2, { method: 'PATCH', url: `/api/users/${ids.op1}`, payload: { displayName: 'hijack' } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect((await h().ctx.db.selectFrom('users').select('display_name').where('id', '=', ids.op1).executeTakeFirstOrThrow()).display_name).toBeNull();
    const mgr = await as(admin2, { method: 'PATCH', url: `/api/users/${ids.op2}`, payload: { managerId: ids.op1 } });
    expect(mgr.status).toBe(400);
    expect(mgr.body.error.details.fields).toEqual(['managerId']);
    expect((await as(admin2, { method: 'PATCH', url: `/api/users/${ids.op2}`, payload: { managerId: ids.admin2 } })).status).toBe(200);
  });

  it('emails are unique across tenants; phones within a tenant', async () => {
    const dupEmail = await as(admin2, { method: 'POST', url: '/api/users', payload: { email: 'op1@t1.test', password: 'operator-pass-3', role: 'operator' } });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.error.code).toBe('USER_EXISTS');
    const dupPhone = await h().req({ method: 'POST', url: '/api/users', payload: { email: 'op3@t1.test', password: 'operator-pass-3', role: 'operator', phone: '13800000001' } });
    expect(dupPhone.status).toBe(409);
    expect(dupPhone.body.error.details).toEqual({ field: 'phone' });
  });

  it('PATCH sets phone and attributes (validated), audited with only what changed and never the password hash', async () => {
    const r = await h().req({ method: 'PATCH', url: `/api/users/${ids.op1}`, payload: { phone: '+8613900000002', attributes: { regions: ['east', 'north'], level: 3 }, displayName: '操作员' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: ids.op1, phone: '+8613900000002', attributes: { regions: ['east', 'north'], level: 3 }, displayName: '操作员' });
    const bad = async (payload: object, field: string) => {
      const x = await h().req({ method: 'PATCH', url: `/api/users/${ids.op1}`, payload });
      expect(x.status).toBe(400);
      expect(JSON.stringify(x.body.error)).toContain(field);
    };
    await bad({ phone: '12-34' }, 'phone');
    await bad({ attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, 'attributes');
    await bad({ attributes: { big: 'x'.repeat(5000) } }, 'attributes');
    await bad({ attributes: { id: 5 } }, 'attributes');
    await bad({ attributes: { 'not ok': 1 } }, 'attributes');
    await bad({ attributes: ['a'] }, 'attributes');
    const audit = (await h().req({ method: 'GET', url: `/api/audit?action=user.update` })).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      target: `user:${ids.op1}`, actor: { kind: 'user', email: 'admin@test.local' },
      before: { phone: '13800000001', attributes: { regions: ['east'] }, displayName: null },
      after: { phone: '+8613900000002', attributes: { regions: ['east', 'north'], level: 3 }, displayName: '操作员' },
    });
    expect(Object.keys(audit[0].after).sort()).toEqual(['attributes', 'displayName', 'phone']);
    const created = (await h().req({ method: 'GET', url: `/api/audit?action=user.create` })).body.items;
    expect(created.map((e: any) => e.target)).toEqual([`user:${ids.op1}`]);
    expect(created[0].after).toMatchObject({ email: 'op1@t1.test', role: 'operator', tenantId: 1 });
    expect(JSON.stringify(created)).not.toMatch(/scrypt|password/);
    // The other tenant's admin sees its own entries only.
    const other = (await as(admin2, { method: 'GET', url: `/api/audit?action=user.*` })).body.items;
    expect(other.map((e: any) => [e.action, e.target])).toEqual([['user.update', `user:${ids.op2}`], ['user.create', `user:${ids.op2}`]]);
  });
});
