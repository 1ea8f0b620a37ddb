import { expect, it } from 'vitest';
import type { ManualClock } from '../src/clock.js';
import { ADMIN, describeBackends } from './helpers/harness.js';

const USER = { email: 'lock@auth.test', password: 'right-password-1' };

describeBackends('auth: login lockout and session idle timeout', (h) => {
  const clock = () => h().ctx.clock as ManualClock;
  const login = (email: string, password: string) => h().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const me = (token: string) => h().app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  /** A fresh admin session (the harness's may have gone idle while the clock moved). */
  const admin = async () => h().login(ADMIN.email, ADMIN.password);
  const audit = async (action: string) => {
    const token = await admin();
    const r = await h().app.inject({ method: 'GET', url: `/api/audit?action=${action}&limit=200`, headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(200);
    return r.json().items as any[];
  };

  it('locks an account after 5 consecutive failures, even for the right password, until the lock ends', async () => {
    const created = await h().req({ method: 'POST', url: '/api/users', payload: { ...USER, role: 'operator' } });
    expect(created.status).toBe(201);
    for (let i = 0; i < 4; i++) {
      const r = await login(USER.email, 'wrong-password');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await login(USER.email, 'wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 900 } });
    expect(fifth.headers['retry-after']).toBe('900');
    await clock().advance(60_000);
    const right = await login(USER.email, USER.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.details.retryAfterSeconds).toBe(840);
    await clock().advance(839_000);
    expect((await login(USER.email, USER.password)).json().error.details.retryAfterSeconds).toBe(1);
    await clock().advance(1_000);
    const ok = await login(USER.email, USER.password);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ email: USER.email, role: 'operator', tenantId: 1 });
  });

  it('a success resets the count; the lock counts again from zero after it ends', async () => {
    for (let i = 0; i < 4; i++) expect((await login(USER.email, 'wrong-password')).statusCode).toBe(401);
    expect((await login(USER.email, USER.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(USER.email, 'wrong-password')).statusCode).toBe(401);
    expect((await login(USER.email, USER.password)).statusCode).toBe(200);
    const row = await h().ctx.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('email', '=', USER.email).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('unknown emails answer like real accounts: invalid, then locked after 5 tries', async () => {
    for (let i = 0; i < 4; i++) expect((await login('nobody@auth.test', 'whatever-pass')).json().error.code).toBe('INVALID_CREDENTIALS');
    const r = await login('nobody@auth.test', 'whatever-pass');
    expect(r.statusCode).toBe(423);
    expect(r.json().error.details.retryAfterSeconds).toBe(900);
    await clock().advance(900_000);
    expect((await login('nobody@auth.test', 'whatever-pass')).json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('audits login.failed, login.locked and login.ok with the user and the address; sessions keep their address', async () => {
    const user = await h().ctx.db.selectFrom('users').select('id').where('email', '=', USER.email).executeTakeFirstOrThrow();
    const failed = (await audit('login.failed')).filter((e) => e.actor.id === user.id);
    expect(failed.length).toBeGreaterThanOrEqual(13);
    expect(failed.some((e) => e.after.reason === 'locked')).toBe(true);
    expect(failed[0]).toMatchObject({ action: 'login.failed', actor: { kind: 'user', id: user.id, email: USER.email }, ip: '127.0.0.1', target: `user:${user.id}` });
    const locked = (await audit('login.locked')).filter((e) => e.actor.id === user.id);
    expect(locked).toHaveLength(1);
    expect(locked[0].after.until).toBeTruthy();
    const ok = (await audit('login.ok')).filter((e) => e.actor.id === user.id);
    expect(ok.length).toBe(3);
    expect(ok[0].after).toEqual({ method: 'password' });
    const sessions = await h().ctx.db.selectFrom('sessions').select(['ip']).where('user_id', '=', user.id).execute();
    expect(sessions.length).toBe(3);
    expect(sessions.every((s) => s.ip === '127.0.0.1')).toBe(true);
  });

  it('a session unused for longer than the idle timeout is dead; use keeps it alive; last use is written at most once a minute', async () => {
    const token = (await login(USER.email, USER.password)).json().token as string;
    const lastUsed = async () => (await h().ctx.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('sessions.last_used_at').where('users.email', '=', USER.email).orderBy('sessions.created_at', 'desc').executeTakeFirstOrThrow()).last_used_at;
    const opened = await lastUsed();
    expect(opened).toBe(clock().now().toISOString());
    await clock().advance(30_000);
    expect((await me(token)).statusCode).toBe(200);
    expect(await lastUsed()).toBe(opened);
    await clock().advance(31_000);
    expect((await me(token)).json()).toMatchObject({ email: USER.email, via: 'session', tenantId: 1, groups: [], attributes: {} });
    expect(await lastUsed()).toBe(clock().now().toISOString());
    await clock().advance(8 * 3600_000 - 1_000);
    expect((await me(token)).statusCode).toBe(200);
    await clock().advance(8 * 3600_000 + 1_000);
    const dead = await me(token);
    expect(dead.statusCode).toBe(401);
    expect(dead.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a disabled user is signed out at once', async () => {
    const token = (await login(USER.email, USER.password)).json().token as string;
    const id = (await me(token)).json().id;
    const r = await h().app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { authorization: `Bearer ${await admin()}` }, payload: { disabled: true } });
    expect(r.statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
    expect((await login(USER.email, USER.password)).json().error.code).toBe('INVALID_CREDENTIALS');
  });
  it('an admin unlocks a locked account at once (audited); the list shows the lock while it lasts', async () => {
    const other = { email: 'unlock@auth.test', password: 'right-password-2' };
    const token = await admin();
    const asAdmin = (method: 'GET' | 'POST', url: string) => h().app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
    const made = await h().app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${token}` }, payload: { ...other, role: 'operator' } });
    expect(made.statusCode).toBe(201);
    const id = made.json().id as number;
    for (let i = 0; i < 5; i++) await login(other.email, 'wrong-password');
    expect((await login(other.email, other.password)).statusCode).toBe(423);
    const listed = (await asAdmin('GET', '/api/users')).json().items.find((u: { id: number }) => u.id === id);
    expect(listed).toMatchObject({ locked: true });
    expect(listed.lockedUntil).toBeTruthy();
    // Operators may not unlock; another workspace's user is not found.
    expect((await h().app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${token}` }, payload: { email: 'op@auth.test', password: 'op-password-1', role: 'operator' } })).statusCode).toBe(201);
    const op = (await login('op@auth.test', 'op-password-1')).json().token as string;
    expect((await h().app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: { authorization: `Bearer ${op}` } })).statusCode).toBe(403);
    expect((await asAdmin('POST', '/api/users/999999/unlock')).statusCode).toBe(404);
    const r = await asAdmin('POST', `/api/users/${id}/unlock`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id, locked: false, lockedUntil: null });
    expect((await login(other.email, other.password)).statusCode).toBe(200);
    const entries = (await audit('user.unlock')).filter((e) => e.target === `user:${id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0].before.lockedUntil).toBeTruthy();
    // Unlocking an account that is not locked changes nothing and writes nothing.
    expect((await asAdmin('POST', `/api/users/${id}/unlock`)).json()).toMatchObject({ locked: false });
    expect((await audit('user.unlock')).filter((e) => e.target === `user:${id}`)).toHaveLength(1);
  });
  it('the hourly sweep deletes dead sessions and day-old sign-in codes, and keeps live ones', async () => {
    const db = h().ctx.db;
    const dead = (await login('op@auth.test', 'op-password-1')).json().token as string;
    expect(dead).toBeTruthy();
    const stale = await db.insertInto('login_codes').values({ tenant_id: 1, kind: 'sms', target: '13900000001', code_hash: 'x', app_id: null, created_at: clock().now().toISOString(), expires_at: clock().now().toISOString(), attempts: 0, used_at: null }).returning('id').executeTakeFirstOrThrow();
    const before = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(0);
    // Past the idle timeout and a day past the code's expiry: the sweep (hourly job) has run.
    await clock().advance(26 * 3600_000);
    const fresh = (await login('op@auth.test', 'op-password-1')).json().token as string;
    await clock().advance(3600_000);
    expect(await db.selectFrom('login_codes').select('id').where('id', '=', stale.id).executeTakeFirst()).toBeUndefined();
    const left = await db.selectFrom('sessions').select(['user_id']).execute();
    expect(left).toHaveLength(1);
    expect((await me(fresh)).statusCode).toBe(200);
    expect((await me(dead)).statusCode).toBe(401);
  });
}, { testClock: true, env: { KILN_LOGIN_RATE_LIMIT: '10000' } });
