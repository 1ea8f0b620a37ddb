import { afterAll, describe, expect, it } from 'vitest';
import type { LookupFilter, LookupPort, LookupRecord } from '../src/abi.js';
import { createSandbox } from '../src/sandbox/index.js';
import { NOW, body, expr, returns } from './escape/programs.js';

const sandbox = createSandbox({ maxLookups: 5 });
afterAll(() => sandbox.dispose());

/** customers 1 ← 2 ← 3 ← 4 (each referred by the previous). */
const CUSTOMERS: Record<number, LookupRecord> = {
  1: { id: 1, name: 'root', referrer: null },
  2: { id: 2, name: 'b', referrer: 1 },
  3: { id: 3, name: 'c', referrer: 2 },
  4: { id: 4, name: 'd', referrer: 3 },
};

function fakePort(): LookupPort & { calls: string[] } {
  const calls: string[] = [];
  const log = (s: string) => calls.push(s);
  return {
    calls,
    async get(form: string, id: number) { log(`get ${form} ${id}`); return form === 'customers' ? CUSTOMERS[id] ?? null : null; },
    async find(form: string, filter: LookupFilter) { log(`find ${form} ${JSON.stringify(filter)}`); return Object.values(CUSTOMERS).find((c) => c.name === filter.name) ?? null; },
    async all(form: string, filter: LookupFilter, opts?: { limit?: number }) { log(`all ${form} ${JSON.stringify(filter)} ${JSON.stringify(opts)}`); return Object.values(CUSTOMERS).slice(0, opts?.limit ?? 500); },
    async count(form: string) { log(`count ${form}`); return 4; },
    async sum(form: string, field: string) { log(`sum ${form} ${field}`); return 10; },
  };
}

const CHAIN = `
  const c = db.get('customers', f.id);
  const p1 = db.get('customers', c.referrer);
  const p2 = db.get('customers', p1.referrer);
  const p3 = db.get('customers', p2.referrer);
  return [p1.name, p2.name, p3.name, db.get('customers', f.id).name];`;

describe('lookups by restart', () => {
  it('walks a referrer chain three levels, asking the port once per distinct key', async () => {
    const port = fakePort();
    const r = await sandbox.run(body(CHAIN), expr(), { id: 4 }, { now: NOW, lookup: port });
    expect(r).toMatchObject({ ok: true, value: ['c', 'b', 'root', 'd'], lookups: 4 });
    expect(port.calls).toEqual(['get customers 4', 'get customers 3', 'get customers 2', 'get customers 1']);
  });

  it('passes every db.* method through with its arguments', async () => {
    const port = fakePort();
    const src = `[db.find('customers', { name: 'c' }).id, db.all('customers', {}, { limit: 2 }).length, db.all('customers', {}).length,
      db.count('customers', {}), db.sum('customers', 'amount', {}), db.get('customers', null)]`;
    const r = await sandbox.run(returns(src), expr(), {}, { now: NOW, lookup: port });
    expect(r).toMatchObject({ ok: true, value: [3, 2, 4, 4, 10, null], lookups: 5 });
    expect(port.calls).toContain('all customers {} {"limit":2}');
    expect(port.calls).toContain('all customers {} undefined');
  });

  it('a try/catch around db.get does not hide a miss', async () => {
    const port = fakePort();
    const src = `let c; try { c = db.get('customers', 2); } catch (e) { c = { name: 'fallback' }; } return c.name;`;
    const r = await sandbox.run(body(src), expr(), {}, { now: NOW, lookup: port });
    expect(r).toMatchObject({ ok: true, value: 'b', lookups: 1 });
  });

  it('lookup results enter as copies: mutating one does not change the next answer', async () => {
    const src = `const a = db.get('customers', 2); a.name = 'changed'; return db.get('customers', 2).name;`;
    const r = await sandbox.run(body(src), expr(), {}, { now: NOW, lookup: fakePort() });
    expect(r).toMatchObject({ ok: true, value: 'b' });
    expect(CUSTOMERS[2].name).toBe('b');
  });

  it('RunOptions.memo shares answers between evaluations (no port calls the second time)', async () => {
    const port = fakePort();
    const memo = new Map<string, unknown>();
    const first = await sandbox.run(body(CHAIN), expr(), { id: 4 }, { now: NOW, lookup: port, memo });
    const second = await sandbox.run(body(CHAIN), expr(), { id: 4 }, { now: NOW, lookup: port, memo });
    expect(first).toMatchObject({ ok: true, lookups: 4 });
    expect(second).toMatchObject({ ok: true, value: ['c', 'b', 'root', 'd'], lookups: 0 });
    expect(port.calls).toHaveLength(4);
    expect(memo.size).toBe(4);
  });

  it('enforces maxLookups', async () => {
    const port = fakePort();
    const src = `let n = 0; for (let i = 1; i <= 8; i++) if (db.get('customers', i)) n++; return n;`;
    const r = await sandbox.run(body(src), expr(), {}, { now: NOW, lookup: port });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_LOOKUP_FAILED', message: expect.stringContaining('more than 5') } });
    expect(port.calls.length).toBeLessThanOrEqual(5);
  });

  it('a swallowed miss in a loop is still fetched (all misses of one attempt at once)', async () => {
    const port = fakePort();
    const src = `const out = []; for (let i = 1; i <= 3; i++) { try { out.push(db.get('customers', i).name); } catch (e) {} } return out;`;
    const r = await sandbox.run(body(src), expr(), {}, { now: NOW, lookup: port });
    expect(r).toMatchObject({ ok: true, value: ['root', 'b', 'c'], lookups: 3 });
  });

  it('a failing port or a missing port is RULE_LOOKUP_FAILED', async () => {
    const failing = { ...fakePort(), get: async () => { throw new Error('connection reset'); } };
    const r = await sandbox.run(returns("db.get('customers', 1)"), expr(), {}, { now: NOW, lookup: failing });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_LOOKUP_FAILED', message: expect.stringContaining('connection reset') } });
    const none = await sandbox.run(returns("db.get('customers', 1)"), expr(), {}, { now: NOW });
    expect(none).toMatchObject({ ok: false, error: { code: 'RULE_LOOKUP_FAILED' } });
  });

  it('bad lookup arguments are runtime errors inside the rule', async () => {
    const r = await sandbox.run(returns("db.get('customers', 'x')"), expr(), {}, { now: NOW, lookup: fakePort() });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining('db.get') } });
  });

  it('runBatch refuses lookups, even when the rule catches the refusal', () => {
    const src = `try { return db.get('customers', 1); } catch (e) { return 'caught'; }`;
    const results = sandbox.runBatch(body(src), expr(), [{}, {}], { now: NOW, lookup: fakePort() });
    expect(results.map((x) => !x.ok && x.error.code)).toEqual(['RULE_LOOKUP_FAILED', 'RULE_LOOKUP_FAILED']);
  });
});
