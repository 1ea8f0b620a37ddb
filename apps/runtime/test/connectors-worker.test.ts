import { connectorFromPreset } from '@kiln/engine-connectors';
import { startRest, startWecom, type RestFake, type WecomFake } from '@kiln/fakes';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DeliveryWorker } from '../src/connectors/worker.js';
import { advance, configure, connectors, createOrder, deliveries, delivery, deliveryOf, describeConnectors, drain, record, setupConnectorApp, trigger } from './helpers/connectors.js';

/**
 * The delivery worker: exponential backoff on the runtime clock, `dead` after the attempt
 * budget and manual retry, bulk replay, the per-connector rate limit (deferral, not failure),
 * write-back failures kept on a delivered delivery, the monitor API (list, counts, cursor,
 * detail), leases, and several workers on one PostgreSQL database sending each delivery once.
 */

let rest: RestFake;
let wecom: WecomFake;
beforeAll(async () => {
  [rest, wecom] = await Promise.all([startRest(), startWecom()]);
});
afterAll(async () => {
  await Promise.all([rest?.close(), wecom?.close()]);
});

const APP = 'ops';
const posts = () => rest.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/orders'));

function defs() {
  const all = connectors().filter((c) => c.key !== 'rest' && c.key !== 'wecom');
  const r = connectorFromPreset('rest', 'rest');
  r.retry = { maxAttempts: 4, initialDelay: 'PT30S', maxDelay: 'PT2M' };
  r.operations!.create = { ...r.operations!.create!, writeBack: '{"erp_id": result.id}' };
  const bad = connectorFromPreset('rest', 'rest_bad');
  bad.operations!.create = { ...bad.operations!.create!, writeBack: '{"status": "no-such-option"}' };
  const w = connectorFromPreset('wecom-robot', 'wecom');
  w.rateLimit = { perMinute: 3 };
  return [...all, r, bad, w];
}
const extraRules = [
  trigger('to_rest_bad', { event: 'record.created', form: 'orders' }, [{ id: 'push', type: 'connector', connector: 'rest_bad', operation: 'create', payload: '({ billNo: record.bill_no })' }], { condition: "record.note === 'bad-writeback'" }),
];

describeConnectors('delivery worker', (h, kind) => {
  beforeAll(async () => {
    rest.reset();
    wecom.reset();
    await setupConnectorApp(h(), APP, defs(), extraRules);
    await configure(h(), APP, 'rest', { baseUrl: rest.url, secrets: { token: 'demo-token' } });
    await configure(h(), APP, 'rest_bad', { baseUrl: rest.url, secrets: { token: 'demo-token' } });
    await configure(h(), APP, 'wecom', { baseUrl: wecom.url, secrets: { apiKey: 'demo-robot-key' } });
  });

  it('backs off exponentially on the runtime clock while the system is down, then delivers exactly once', async () => {
    rest.fault({ kind: 'down' });
    const o = await createOrder(h(), APP, { bill_no: 'B-1', customer: 'ACME', amount: 100, target: 'rest' });
    await drain(h());
    const gaps: number[] = [];
    for (const [n, wait] of [[1, 'PT30S'], [2, 'PT1M'], [3, 'PT2M']] as const) {
      const d = await deliveryOf(h(), APP, 'rest', o.id);
      expect(d.state).toBe('pending');
      expect(d.attempts).toHaveLength(n);
      expect(d.error.code).toBe('CONNECTOR_UNREACHABLE');
      gaps.push(Date.parse(d.nextAttemptAt) - Date.parse(d.attempts[n - 1].startedAt));
      if (n < 3) await advance(h(), wait);
    }
    // initialDelay 30 s · 2^(n−1), capped at 2 min, each 50–100 % of it.
    expect(gaps[0]).toBeGreaterThanOrEqual(15_000);
    expect(gaps[0]).toBeLessThanOrEqual(30_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(30_000);
    expect(gaps[1]).toBeLessThanOrEqual(60_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(60_000);
    expect(gaps[2]).toBeLessThanOrEqual(120_000);
    // Nothing is sent before it is due.
    const before = posts().length;
    await advance(h(), 'PT10S');
    expect((await deliveryOf(h(), APP, 'rest', o.id)).attempts).toHaveLength(3);
    rest.fault(null);
    await advance(h(), 'PT2M');
    const d = await deliveryOf(h(), APP, 'rest', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.attempts.map((a: any) => a.ok)).toEqual([false, false, false, true]);
    expect(d.error).toBeNull();
    expect(rest.items('orders').filter((x) => x.billNo === 'B-1')).toHaveLength(1);
    expect(posts().length).toBe(before + 1);
    expect((await record(h(), APP, 'orders', o.id)).erp_id).toBe(d.result.id);
  });

  it('goes dead after retry.maxAttempts; a manual retry gets a fresh budget and succeeds', async () => {
    rest.fault({ kind: '500' });
    const o = await createOrder(h(), APP, { bill_no: 'B-2', customer: 'ACME', amount: 100, target: 'rest' });
    await drain(h());
    for (const wait of ['PT30S', 'PT1M', 'PT2M']) await advance(h(), wait);
    let d = await deliveryOf(h(), APP, 'rest', o.id);
    expect(d.state).toBe('dead');
    expect(d.attempts).toHaveLength(4);
    expect(d.maxAttempts).toBe(4);
    expect(d.error).toMatchObject({ code: 'CONNECTOR_HTTP_ERROR', details: { step: 'create', permanent: false } });
    await advance(h(), 'PT1H');
    expect((await deliveryOf(h(), APP, 'rest', o.id)).attempts).toHaveLength(4);
    rest.fault(null);
    const retry = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/rest/deliveries/${d.id}/retry` });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: d.id, state: 'pending', maxAttempts: 8, attempts: 4 });
    await drain(h());
    d = await deliveryOf(h(), APP, 'rest', o.id);
    expect(d.state).toBe('delivered');
    expect(d.attempts).toHaveLength(5);
    expect(rest.items('orders').filter((x) => x.billNo === 'B-2')).toHaveLength(1);
  });

  it('replays dead deliveries in bulk (or by id)', async () => {
    rest.fault({ kind: 'reject' });
    const a = await createOrder(h(), APP, { bill_no: 'B-3', customer: 'ACME', amount: 1, target: 'rest' });
    const b = await createOrder(h(), APP, { bill_no: 'B-4', customer: 'ACME', amount: 1, target: 'rest' });
    await drain(h());
    const da = await deliveryOf(h(), APP, 'rest', a.id);
    const db = await deliveryOf(h(), APP, 'rest', b.id);
    // 422 is permanent: dead after one attempt.
    expect([da.state, db.state]).toEqual(['dead', 'dead']);
    expect(da.attempts).toHaveLength(1);
    rest.fault(null);
    const one = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/rest/deliveries/replay`, payload: { ids: [da.id] } });
    expect(one.body).toEqual({ count: 1 });
    await drain(h());
    expect((await deliveryOf(h(), APP, 'rest', a.id)).state).toBe('delivered');
    expect((await deliveryOf(h(), APP, 'rest', b.id)).state).toBe('dead');
    const all = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/rest/deliveries/replay`, payload: { state: 'dead' } });
    expect(all.body.count).toBeGreaterThanOrEqual(1);
    await drain(h());
    expect((await deliveryOf(h(), APP, 'rest', b.id)).state).toBe('delivered');
    expect((await deliveries(h(), APP, 'rest')).counts.dead).toBe(0);
  });

  it('the rate limit defers deliveries (no attempt counted) until the window frees', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createOrder(h(), APP, { bill_no: `R-${i}`, target: 'wecom', note: `message ${i}` })).id);
    await drain(h());
    const states = await Promise.all(ids.map((id) => deliveryOf(h(), APP, 'wecom', id)));
    expect(states.filter((d) => d.state === 'delivered')).toHaveLength(3);
    const deferred = states.filter((d) => d.state === 'pending');
    expect(deferred).toHaveLength(2);
    for (const d of deferred) {
      expect(d.attempts).toEqual([]);
      expect(d.error).toBeNull();
    }
    const firstStart = Math.min(...states.filter((d) => d.state === 'delivered').map((d) => Date.parse(d.attempts[0].startedAt)));
    expect(Date.parse(deferred[0].nextAttemptAt)).toBeGreaterThan(firstStart + 59_000);
    expect(wecom.messages()).toHaveLength(3);
    await advance(h(), 'PT61S');
    const after = await Promise.all(ids.map((id) => deliveryOf(h(), APP, 'wecom', id)));
    expect(after.every((d) => d.state === 'delivered' && d.attempts.length === 1)).toBe(true);
    expect(wecom.messages()).toHaveLength(5);
  });

  it('a write back that fails leaves the delivery delivered (never resent) with the error kept', async () => {
    const o = await createOrder(h(), APP, { bill_no: 'WB-1', target: 'none', note: 'bad-writeback', status: 'new' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'rest_bad', o.id);
    expect(d.state).toBe('delivered');
    expect(d.error).toMatchObject({ code: 'CONNECTOR_WRITEBACK_FAILED', details: { code: 'RULE_FAILED' } });
    expect((await record(h(), APP, 'orders', o.id)).status).toBe('new');
    await advance(h(), 'PT2H');
    expect((await deliveryOf(h(), APP, 'rest_bad', o.id)).attempts).toHaveLength(1);
    expect(rest.items('orders').filter((x) => x.billNo === 'WB-1')).toHaveLength(1);
  });

  it('the monitor: newest first, keyset cursor, counts per state, filters, detail, 404 / 409', async () => {
    const page1 = await deliveries(h(), APP, 'rest', 'limit=2');
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].id).toBeGreaterThan(page1.items[1].id);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await deliveries(h(), APP, 'rest', `limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`);
    expect(page2.items[0].id).toBeLessThan(page1.items[1].id);
    const everything = await deliveries(h(), APP, 'rest', 'limit=200');
    expect(everything.nextCursor).toBeNull();
    const total = Object.values(everything.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(everything.items.length);
    expect(everything.counts.delivered).toBe(everything.items.filter((d: any) => d.state === 'delivered').length);
    const item = everything.items[0];
    expect(Object.keys(item).sort()).toEqual(['attempts', 'connector', 'createdAt', 'deliveredAt', 'error', 'id', 'idempotencyKey', 'input', 'maxAttempts', 'nextAttemptAt', 'operation', 'record', 'result', 'state', 'updatedAt'].sort());
    expect(item.record).toEqual({ form: 'orders', id: expect.any(Number) });
    expect((await deliveries(h(), APP, 'rest', 'state=dead')).items).toEqual([]);
    expect((await deliveries(h(), APP, 'rest', 'operation=nope')).items).toEqual([]);
    const detail = await delivery(h(), APP, 'rest', item.id);
    expect(detail.attempts.at(-1)).toEqual({ n: detail.attempts.length, startedAt: expect.any(String), durationMs: expect.any(Number), ok: true, steps: expect.any(Array), error: null });
    expect((await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/rest/deliveries/999999` })).body.error.code).toBe('DELIVERY_NOT_FOUND');
    expect((await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/wecom/deliveries/${item.id}` })).status).toBe(404);
    // A delivery being sent cannot be retried; once its lease runs out it is sent again.
    await sql`update outbox set state = 'sending', locked_by = 'gone', locked_until = ${new Date(Date.parse(item.updatedAt) - 1000).toISOString()} where id = ${item.id}`.execute(h().ctx.db);
    const busy = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/rest/deliveries/${item.id}/retry` });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('DELIVERY_BUSY');
    await drain(h());
    expect((await delivery(h(), APP, 'rest', item.id)).state).toBe('delivered');
    expect((await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/rest/deliveries?state=bogus` })).status).toBe(400);
    const operator = await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/rest/deliveries`, headers: { authorization: 'Bearer nope' } });
    expect(operator.status).toBe(401);
  });

  if (kind === 'postgres') {
    it('two workers on one PostgreSQL database drain concurrently and send each delivery once', async () => {
      const ctx = h().ctx;
      const app = await ctx.db.selectFrom('apps').select('id').where('key', '=', APP).executeTakeFirstOrThrow();
      const now = ctx.clock.now().toISOString();
      const before = posts().length;
      const rows = Array.from({ length: 24 }, (_, i) => ({
        app_id: app.id, kind: 'connector' as const, target: 'rest', operation: 'create', payload: JSON.stringify({ billNo: `MW-${i}` }) as never,
        dedupe_key: `mw:${i}`, created_at: now, updated_at: now, next_attempt_at: now,
      }));
      await ctx.db.insertInto('outbox').values(rows).execute();
      // Each reply takes a little while, so both workers' lanes are busy at once.
      rest.fault({ kind: 'timeout', count: 24, delayMs: 60 });
      const w1 = new DeliveryWorker({ ...ctx }, { concurrency: 3 });
      const w2 = new DeliveryWorker({ ...ctx }, { concurrency: 3 });
      try {
        const [n1, n2] = await Promise.all([w1.runDue(), w2.runDue()]);
        expect(n1 + n2).toBe(24);
        expect(n1).toBeGreaterThan(0);
        expect(n2).toBeGreaterThan(0);
      } finally {
        await Promise.all([w1.stop(), w2.stop()]);
        rest.fault(null);
      }
      expect(posts().length - before).toBe(24);
      const stored = rest.items('orders').filter((x) => String(x.billNo).startsWith('MW-'));
      expect(stored).toHaveLength(24);
      const page = await deliveries(h(), APP, 'rest', 'limit=200');
      const mw = page.items.filter((d: any) => String(d.input?.billNo).startsWith('MW-'));
      expect(mw).toHaveLength(24);
      expect(mw.every((d: any) => d.state === 'delivered' && d.attempts === 1)).toBe(true);
    });
  }
});
