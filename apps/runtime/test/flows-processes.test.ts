import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres } from './helpers/harness.js';

/** A free TCP port on 127.0.0.1. */
const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

/** Starts `src/main.ts` as its own process with the test clock, over `url`. */
async function runtimeProcess(url: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', KILN_TEST_CLOCK: '1', KILN_ADMIN_EMAIL: 'admin@proc.test', KILN_ADMIN_PASSWORD: 'proc-admin-pw-1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('runtime process did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Two runtime processes share one PostgreSQL database; both move their test clocks past the
 * SLA deadlines of the same instances at the same moment. Every timer (reminder, escalation)
 * must act exactly once: the job queue hands each job to one process, the instance row lock
 * serialises events, and the interpreter ignores a timer it no longer holds.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('flow timers with two runtime processes [postgres]', () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  const procs: ChildProcess[] = [];
  let A = '', B = '';
  let token = '';
  const call = async (base: string, method: string, path: string, body?: unknown, auth = token) => {
    const r = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    db = await freshPostgres();
    const a = await runtimeProcess(db.url); // migrates and creates the admin first
    const b = await runtimeProcess(db.url);
    procs.push(a.child, b.child);
    A = a.base;
    B = b.base;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => new Promise<void>((resolve) => {
      if (p.exitCode !== null) return resolve();
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    })));
    await db?.drop();
  });

  it('every reminder and escalation fires exactly once', async () => {
    const t0 = '2026-03-02T01:00:00.000Z';
    for (const base of [A, B]) expect((await call(base, 'POST', '/api/_test/clock', { set: t0 }, '')).status).toBe(200);
    token = (await call(A, 'POST', '/api/auth/login', { email: 'admin@proc.test', password: 'proc-admin-pw-1' }, '')).body.token;
    expect((await call(A, 'POST', '/api/templates/livestream-erp/install', { demoData: true })).status).toBe(201);
    const manager = (await call(A, 'POST', '/api/users', { email: 'm@proc.test', password: 'password-m-1', role: 'operator' })).body;
    const lead = (await call(A, 'POST', '/api/users', { email: 'l@proc.test', password: 'password-l-1', role: 'operator', groups: ['sales_lead'], managerId: manager.id })).body;
    const N = 12;
    for (let i = 0; i < N; i++) {
      const r = await call(i % 2 ? B : A, 'POST', '/api/public/forms/live/submissions?code=LIVE888&channel=douyin', { name: `观众${i}`, phone: `1380000${String(1000 + i)}`, sku: 'TEA-001', qty: 1 }, '');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // Both processes move their clocks past the reminders (1 h 30), then past the deadlines (2 h), at the same moment.
    for (const hours of [1.75, 3]) {
      const t = new Date(new Date(t0).getTime() + hours * 3600_000).toISOString();
      const moved = await Promise.all([call(A, 'POST', '/api/_test/clock', { set: t }, ''), call(B, 'POST', '/api/_test/clock', { set: t }, '')]);
      expect(moved.map((m) => m.status)).toEqual([200, 200]);
    }
    const orders = (await call(A, 'GET', '/api/apps/livestream/forms/orders/records?limit=100')).body.items as { id: number }[];
    expect(orders).toHaveLength(N);
    for (const o of orders) {
      const [inst] = (await call(A, 'GET', `/api/apps/livestream/flows/order_review/instances?record=${o.id}`)).body.items;
      const count = (type: string) => inst.timeline.filter((e: { type: string }) => e.type === type).length;
      expect([count('sla.reminded'), count('sla.escalated'), count('task.reassigned')], `order ${o.id}`).toEqual([1, 1, 1]);
      expect(inst.tasks.filter((t: { status: string }) => t.status === 'open').map((t: { assignee: { id: number } }) => t.assignee.id)).toEqual([manager.id]);
    }
    const leadToken = (await call(A, 'POST', '/api/auth/login', { email: 'l@proc.test', password: 'password-l-1' }, '')).body.token;
    const notes = (await call(B, 'GET', '/api/notifications?limit=200', undefined, leadToken)).body;
    const reminders = JSON.stringify(notes).match(/即将超时|due soon/g) ?? [];
    expect(reminders).toHaveLength(N);
    expect(lead.id).toBeGreaterThan(0);
  }, 120_000);
});
