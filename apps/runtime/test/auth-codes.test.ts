import { connectorFromPreset } from '@kiln/engine-connectors';
import { expect, it } from 'vitest';
import type { ManualClock } from '../src/clock.js';
import { createUser } from '../src/auth/users.js';
import { ADMIN, describeBackends } from './helpers/harness.js';
import { PHONE, PHONE2, customersForm as customers, promoterRole as promoter, t } from './helpers/portal-app.js';

describeBackends('auth: phone codes and magic links (promoter portal)', (h) => {
  const clock = () => h().ctx.clock as ManualClock;
  const anon = (method: string, url: string, payload?: unknown) => h().req({ method, url, payload, headers: { authorization: '' } } as never);
  /** As the admin, signed in afresh (the clock moves past the idle timeout here). */
  const adm = async (o: { method: string; url: string; payload?: unknown }) => h().req({ ...o, headers: { authorization: `Bearer ${await h().login(ADMIN.email, ADMIN.password)}` } } as never);
  const ok = async (o: { method: string; url: string; payload?: unknown }) => {
    const r = await adm(o);
    if (r.status >= 300) throw new Error(`${o.method} ${o.url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const send = (phone = PHONE, app = 'shop') => anon('POST', '/api/auth/code', { phone, app });
  const latest = async (phone = PHONE) => (await anon('GET', `/api/_test/login-codes?phone=${encodeURIComponent(phone)}`)).body.code as string;
  const verify = (code: string, phone = PHONE, app = 'shop') => anon('POST', '/api/auth/code/verify', { phone, code, app });
  const wrong = (code: string) => (code === '000000' ? '000001' : '000000');
  const nextMinute = () => clock().advance(61_000);

  it('sets up an app with a promoter portal role and a customer record', async () => {
    for (const app of ['shop', 'texts']) {
      await ok({ method: 'POST', url: '/api/apps', payload: { key: app, name: t(app, app) } });
      await ok({ method: 'PUT', url: `/api/apps/${app}/forms/customers`, payload: customers });
      await ok({ method: 'PUT', url: `/api/apps/${app}/roles/promoter`, payload: promoter });
    }
    const sms = connectorFromPreset('rest', 'sms');
    sms.operations = { send_code: sms.operations!.create! };
    await ok({ method: 'PUT', url: '/api/apps/texts/connectors/sms', payload: sms });
    for (const app of ['shop', 'texts']) await ok({ method: 'POST', url: `/api/apps/${app}/publish` });
    await ok({ method: 'POST', url: '/api/apps/shop/forms/customers/records', payload: { name: '张三', phone: PHONE } });
    await ok({ method: 'POST', url: '/api/apps/texts/forms/customers/records', payload: { name: '李四', phone: PHONE2 } });
  });

  it('sends a code (202, never in the answer), one a minute per phone', async () => {
    const r = await send();
    expect(r.status).toBe(202);
    expect(JSON.stringify(r.body)).not.toMatch(/\d{6}/);
    expect(await latest()).toMatch(/^\d{6}$/);
    const again = await send();
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
    expect(again.headers['retry-after']).toBe('60');
    expect((await anon('POST', '/api/auth/code', { phone: '12-34', app: 'shop' })).status).toBe(400);
    expect((await anon('POST', '/api/auth/code', { phone: PHONE, app: 'nope' })).body.error.code).toBe('APP_NOT_FOUND');
    const stored = await h().ctx.db.selectFrom('login_codes').select(['code_hash', 'target', 'kind']).where('target', '=', PHONE).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).not.toContain(await latest());
  });

  it('verifies once: creates the promoter from the customer record on first sign-in', async () => {
    const code = await latest();
    const r = await verify(code);
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^kiln_/);
    expect(r.body.user).toMatchObject({ role: 'promoter', phone: PHONE, displayName: '张三', email: `phone-${PHONE}.t1@portal.kiln.invalid`, tenantId: 1 });
    const me = await h().req({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${r.body.token}` } });
    expect(me.body).toMatchObject({ id: r.body.user.id, role: 'promoter', phone: PHONE });
    const members = await ok({ method: 'GET', url: '/api/apps/shop/members' });
    expect(members.items).toEqual([{ userId: r.body.user.id, email: r.body.user.email, displayName: '张三', roles: ['promoter'] }]);
    const reuse = await verify(code);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('INVALID_CREDENTIALS');
    // Next time the same user signs in.
    await nextMinute();
    expect((await send()).status).toBe(202);
    expect((await verify(await latest())).body.user.id).toBe(r.body.user.id);
    const audit = (await ok({ method: 'GET', url: '/api/audit?action=login.ok,user.create' })).items.filter((e: any) => e.after.method !== 'password');
    expect(audit.map((e: any) => [e.action, e.after.method ?? e.after.via])).toEqual([['login.ok', 'code'], ['login.ok', 'code'], ['user.create', 'portal']]);
    expect(audit[0]).toMatchObject({ app: 'shop', actor: { kind: 'user', id: r.body.user.id }, ip: '127.0.0.1' });
  });

  it('a code expires after 5 minutes', async () => {
    await nextMinute();
    await send();
    const code = await latest();
    await clock().advance(5 * 60_000);
    expect((await verify(code)).status).toBe(401);
  });

  it('5 wrong tries burn a code; only the latest code counts; a code is for one app', async () => {
    await nextMinute();
    await send();
    const code = await latest();
    for (let i = 0; i < 5; i++) expect((await verify(wrong(code))).status).toBe(401);
    expect((await verify(code)).status).toBe(401);
    await nextMinute();
    await send();
    const first = await latest();
    await nextMinute();
    await send();
    const second = await latest();
    if (first !== second) expect((await verify(first)).status).toBe(401);
    expect((await verify(second, PHONE, 'texts')).status).toBe(401);
    expect((await verify(second)).status).toBe(200);
  });

  it('at most 10 codes a day per phone', async () => {
    const sentToday = await h().ctx.db.selectFrom('login_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('target', '=', PHONE).executeTakeFirstOrThrow();
    for (let i = Number(sentToday.n); i < 10; i++) {
      await nextMinute();
      expect((await send()).status).toBe(202);
    }
    await nextMinute();
    const r = await send();
    expect(r.status).toBe(429);
    const first = await h().ctx.db.selectFrom('login_codes').select('created_at').where('target', '=', PHONE).orderBy('id').executeTakeFirstOrThrow();
    const expected = Math.ceil((new Date(first.created_at).getTime() + 24 * 3600_000 - clock().now().getTime()) / 1000);
    expect(r.body.error.details.retryAfterSeconds).toBe(expected);
    await clock().advance(expected * 1000);
    expect((await send()).status).toBe(202);
  });

  it('a phone that matches nobody gets the same answer but no account', async () => {
    expect((await send('13999999999')).status).toBe(202);
    const r = await verify(await latest('13999999999'), '13999999999');
    expect(r.status).toBe(401);
    expect(await h().ctx.db.selectFrom('users').select('id').where('phone', '=', '13999999999').executeTakeFirst()).toBeUndefined();
  });

  it('with an sms connector, the code goes out through the outbox', async () => {
    expect((await h().ctx.db.selectFrom('outbox').select('id').where('target', '=', 'sms').execute())).toHaveLength(0);
    expect((await send(PHONE2, 'texts')).status).toBe(202);
    const rows = await h().ctx.db.selectFrom('outbox').select(['kind', 'target', 'operation', 'payload']).where('target', '=', 'sms').execute();
    expect(rows).toEqual([{ kind: 'connector', target: 'sms', operation: 'send_code', payload: { phone: PHONE2, code: await latest(PHONE2), app: 'texts' } }]);
  });

  it('magic links: single use, a week long, for users of the tenant, by admin/builder/operator', async () => {
    const user = (await h().ctx.db.selectFrom('users').select('id').where('phone', '=', PHONE).executeTakeFirstOrThrow()).id;
    const r = await adm({ method: 'POST', url: '/api/apps/shop/portal/links', payload: { userId: user } });
    expect(r.status).toBe(200);
    expect(r.body.url).toMatch(/^http:\/\/localhost(:\d+)?\/p\/shop#magic=[A-Za-z0-9_-]{43}$/);
    expect(r.body.expiresAt).toBe(new Date(clock().now().getTime() + 7 * 24 * 3600_000).toISOString());
    const token = r.body.url.split('#magic=')[1];
    const signed = await anon('POST', '/api/auth/magic', { token });
    expect(signed.status).toBe(200);
    expect(signed.body.user).toMatchObject({ id: user, role: 'promoter' });
    expect((await anon('POST', '/api/auth/magic', { token })).status).toBe(401);

    const staff = await createUser(h().ctx.db, { email: 'op@codes.test', password: 'operator-pass-1', role: 'operator', phone: '13700000009' });
    // Staff do not sign in without their password: no links for them, no codes.
    const forStaff = await adm({ method: 'POST', url: '/api/apps/shop/portal/links', payload: { userId: staff.id } });
    expect(forStaff.status).toBe(403);
    expect((await send('13700000009')).status).toBe(202);
    expect((await verify(await latest('13700000009'), '13700000009')).status).toBe(401);
    const operator = await h().login('op@codes.test', 'operator-pass-1');
    const byOperator = await h().req({ method: 'POST', url: '/api/apps/shop/portal/links', payload: { userId: user }, headers: { authorization: `Bearer ${operator}` } });
    expect(byOperator.status).toBe(200);
    const byPromoter = await h().req({ method: 'POST', url: '/api/apps/shop/portal/links', payload: { userId: user }, headers: { authorization: `Bearer ${signed.body.token}` } });
    expect(byPromoter.status).toBe(403);
    await clock().advance(7 * 24 * 3600_000);
    expect((await anon('POST', '/api/auth/magic', { token: byOperator.body.url.split('#magic=')[1] })).status).toBe(401);
    expect((await adm({ method: 'POST', url: '/api/apps/shop/portal/links', payload: { userId: 999999 } })).status).toBe(404);
    const audit = (await ok({ method: 'GET', url: '/api/audit?action=login.ok' })).items.filter((e: any) => e.after.method !== 'password');
    expect(audit[0]).toMatchObject({ actor: { id: user }, after: { method: 'magic' }, app: 'shop' });
  });
}, { testClock: true, env: { KILN_LOGIN_RATE_LIMIT: '10000' } });
