/**
 * Connectors benchmark (`pnpm bench`): the outbox delivery worker and inbound webhooks on real
 * PostgreSQL, each next to a baseline measured in the same run. The Kiln server runs in its own
 * process; the generic REST fake (`startRest()` of @kiln/fakes) runs in this one.
 *
 * Setup (all through the API): an app `bench_conn` with forms `orders`, `fault_orders` (bill
 * number, customer, amount), `inbound_orders` and `direct_orders` (external id — unique —,
 * customer, amount, note); two trigger rules, one per order form, whose `connector` action on
 * `record.created` enqueues the `create` operation of a REST connector (`connectorFromPreset('rest',
 * …)`): `erp` for `orders` (preset as is but retry PT1S…PT2S), `erp_faults` for `fault_orders`
 * (also `timeoutMs` 300); and an inbound connector `shop_hooks` (HMAC-SHA256 over
 * `${timestamp}.${rawBody}` in X-Kiln-Signature / X-Kiln-Timestamp, message id `id`, handler
 * `upsert` into `inbound_orders` matched on `ext_id`). Settings (`PUT …/connectors/{c}/settings`)
 * point both REST connectors at the fake with its bearer token and set the inbound secret.
 *
 * 1. Outbound throughput. Baseline: BENCH_DELIVERIES (default 2000) `POST /api/baseline` sent
 *    straight to the fake with `fetch` (same headers and body as the connector sends: bearer,
 *    Idempotency-Key, JSON) at the worker's concurrency (KILN_DELIVERY_CONCURRENCY, default 4).
 *    Kiln: 16 clients create the same number of `orders` records (each enqueues a delivery in
 *    its transaction); deliveries/s end to end is N over the time from the first create to the
 *    last `delivered_at` (read from the database, which is also polled until every delivery is
 *    delivered). Also printed: the rate while the creates ran and after (worker alone, draining
 *    the backlog), p50/p95 of delivered_at − created_at per delivery (mostly time queued), and
 *    of the HTTP attempt itself (`outbox_attempts.duration_ms`).
 * 2. Exactly once under faults. BENCH_FAULT_DELIVERIES (default 500) `fault_orders` records are
 *    created while the fake answers its next business requests with faults in turn: `timeout`
 *    (the fake stores the order, then holds the reply 1 s, past the 300 ms limit; ×40), `500`
 *    (×40), `down` (socket destroyed; ×20). Retries come after 0.5–2 s on the real clock.
 * 3. Inbound webhooks. BENCH_MESSAGES (default 2000) signed messages, each sent twice (the
 *    copies of 8 messages are in flight together), by 16 clients to `POST /api/hooks/bench_conn/
 *    shop_hooks`. Baseline: the same number of requests, same body size, as authenticated
 *    `POST /api/apps/bench_conn/forms/direct_orders/records` at the same concurrency.
 *
 * A warm-up round of each precedes the measurements (no `analyze`: the worker's claim is planned
 * as an ordered index scan even on a never-analyzed outbox). At the end it checks (exit code 1
 * otherwise): every delivery `delivered`, none `dead`, phase-1 deliveries in one attempt each;
 * the fake holds exactly one order per record of both batches (one POST per record in phase 1;
 * in phase 2 the timed-out ones sent again with the same Idempotency-Key), every injected fault
 * consumed and seen as a failed attempt; every hook and baseline request answered 2xx; exactly
 * one `inbound_orders` record and one `inbound_messages` row per message; one `direct_orders`
 * record per baseline request.
 *
 * Env: BENCH_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_DELIVERIES (2000), BENCH_FAULT_DELIVERIES (500), BENCH_MESSAGES (2000), BENCH_CLIENTS (16),
 * KILN_DELIVERY_CONCURRENCY (passed to the server; default 4), BENCH_PROF=1 (the server's CPU profile in /tmp/prof-conn).
 */
import { createHmac } from 'node:crypto';
import { connectorFromPreset, type ConnectorDefinition } from '@kiln/engine-connectors';
import { startRest, type RestFake } from '@kiln/fakes';
import pg from 'pg';
import { BENCH_BASE as BASE, startServer as startKiln, withDatabase } from './support.js';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 2000);
const FAULT_DELIVERIES = Number(process.env.BENCH_FAULT_DELIVERIES ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
// The worker's lanes (config.ts: KILN_DELIVERY_CONCURRENCY, default 4); the server inherits the variable.
const LANES = Math.max(1, Number(process.env.KILN_DELIVERY_CONCURRENCY ?? 4));
const WARMUP = 100;
const FAULTS = [{ kind: 'timeout', count: 40, delayMs: 1000 }, { kind: '500', count: 40 }, { kind: 'down', count: 20 }] as const;
const BODY_BYTES = 256;
const PORT = 3800 + Math.floor(Math.random() * 90);
const APP = 'bench_conn';
const TOKEN = 'demo-token';
const INBOUND_SECRET = 'bench-inbound-secret';
// Secrets are encrypted with this key (without it the server would write a key file next to its data directory).
process.env.KILN_SECRET_KEY ??= 'kiln connectors bench passphrase';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pad = (i: number) => String(i).padStart(6, '0');

async function api(path: string, token: string | null, method: string, body?: unknown): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

// ---- the app ----

const field = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ id: `f_${key}`, key, type, label: t(key, key), ...extra });
const orderForm = (key: string) => ({
  formatVersion: 1, key, title: t(key, key),
  fields: [field('bill_no', 'text', { required: true, unique: true, maxLength: 40 }), field('customer', 'text', { maxLength: 40 }), field('amount', 'number', { min: 0 })],
});
const messageForm = (key: string) => ({
  formatVersion: 1, key, title: t(key, key),
  fields: [field('ext_id', 'text', { required: true, unique: true, maxLength: 40 }), field('customer', 'text', { maxLength: 40 }), field('amount', 'number', { min: 0 }), field('note', 'textarea', { maxLength: 1000 })],
});
const pushRule = (key: string, form: string, connector: string) => ({
  formatVersion: 1, key, type: 'trigger', title: t(key, key), trigger: { event: 'record.created', form },
  actions: [{ id: 'push', type: 'connector', connector, operation: 'create', payload: '({ billNo: record.bill_no, customer: record.customer, total: record.amount })' }],
});

function connectors(): ConnectorDefinition[] {
  const erp = connectorFromPreset('rest', 'erp');
  erp.retry = { maxAttempts: 10, initialDelay: 'PT1S', maxDelay: 'PT2S' };
  const faulty = connectorFromPreset('rest', 'erp_faults');
  faulty.timeoutMs = 300;
  faulty.retry = { maxAttempts: 10, initialDelay: 'PT1S', maxDelay: 'PT2S' };
  const hooks: ConnectorDefinition = {
    formatVersion: 1, key: 'shop_hooks', name: t('订单回调', 'Order callbacks'),
    inbound: {
      verify: { scheme: 'hmac-sha256', header: 'X-Kiln-Signature', timestampHeader: 'X-Kiln-Timestamp' },
      messageId: 'id',
      handlers: [{ action: 'upsert', form: 'inbound_orders', match: ['ext_id'], values: '{"ext_id": message.id, "customer": message.customer, "amount": message.amount, "note": message.note}' }],
    },
  };
  return [erp, faulty, hooks];
}

async function setupApp(admin: string, rest: RestFake): Promise<void> {
  await api('/api/apps', admin, 'POST', { key: APP, name: t('连接器压测', 'Connectors bench') });
  for (const f of [orderForm('orders'), orderForm('fault_orders'), messageForm('inbound_orders'), messageForm('direct_orders')]) await api(`/api/apps/${APP}/forms/${f.key}`, admin, 'PUT', f);
  for (const r of [pushRule('to_erp', 'orders', 'erp'), pushRule('to_erp_faults', 'fault_orders', 'erp_faults')]) await api(`/api/apps/${APP}/rules/${r.key}`, admin, 'PUT', r);
  for (const c of connectors()) await api(`/api/apps/${APP}/connectors/${c.key}`, admin, 'PUT', c);
  await api(`/api/apps/${APP}/publish`, admin, 'POST', {});
  for (const c of ['erp', 'erp_faults']) await api(`/api/apps/${APP}/connectors/${c}/settings`, admin, 'PUT', { baseUrl: rest.url, secrets: { token: TOKEN } });
  await api(`/api/apps/${APP}/connectors/shop_hooks/settings`, admin, 'PUT', { secrets: { inboundSecret: INBOUND_SECRET } });
}

// ---- load ----

interface Run { ok: number; failed: number; seconds: number; latencies: number[]; samples: string[] }

/** Sends `requests` by `clients` concurrent loops (keep-alive fetch); a request is ok when 2xx. */
async function load(clients: number, requests: Array<() => Promise<Response>>): Promise<Run> {
  const out: Run = { ok: 0, failed: 0, seconds: 0, latencies: [], samples: [] };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < requests.length) {
      const send = requests[next++]!;
      const s = performance.now();
      let ok = false;
      let why = '';
      try {
        const r = await send();
        const text = await r.text();
        ok = r.status >= 200 && r.status < 300;
        if (!ok) why = `${r.status} ${text.slice(0, 300)}`;
      } catch (err) {
        why = String(err);
      }
      out.latencies.push(performance.now() - s);
      if (ok) out.ok++;
      else {
        out.failed++;
        if (out.samples.length < 3) out.samples.push(why);
      }
    }
  }));
  out.seconds = (performance.now() - t0) / 1000;
  out.latencies.sort((a, b) => a - b);
  return out;
}

const post = (url: string, headers: Record<string, string>, body: string) => () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const createOrders = (admin: string, form: string, prefix: string, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => post(`http://127.0.0.1:${PORT}/api/apps/${APP}/forms/${form}/records`, { authorization: `Bearer ${admin}` },
    JSON.stringify({ bill_no: `${prefix}-${pad(from + i)}`, customer: `CUST${String((from + i) % 97).padStart(4, '0')}`, amount: 100 + ((from + i) % 900) })));

/** A JSON object of exactly BODY_BYTES bytes (the note pads it). */
function sized(fields: Record<string, unknown>): string {
  const bare = JSON.stringify({ ...fields, note: '' });
  return JSON.stringify({ ...fields, note: 'x'.repeat(Math.max(0, BODY_BYTES - Buffer.byteLength(bare))) });
}
const message = (id: string, i: number) => sized({ id, customer: `CUST${String(i % 97).padStart(4, '0')}`, amount: 100 + (i % 900) });
const hookRequest = (body: string) => () => {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', INBOUND_SECRET).update(`${ts}.${body}`).digest('hex');
  return fetch(`http://127.0.0.1:${PORT}/api/hooks/${APP}/shop_hooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kiln-timestamp': ts, 'x-kiln-signature': sig }, body });
};
/** Each message twice, the copies of every 8 messages sent next to each other (so they are in flight together). */
function hookRequests(prefix: string, n: number): Array<() => Promise<Response>> {
  const out: Array<() => Promise<Response>> = [];
  for (let b = 0; b < n; b += 8) {
    const block = Array.from({ length: Math.min(8, n - b) }, (_, k) => message(`${prefix}-${pad(b + k)}`, b + k));
    for (const body of [...block, ...block]) out.push(hookRequest(body));
  }
  return out;
}
const directRequests = (admin: string, prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => post(`http://127.0.0.1:${PORT}/api/apps/${APP}/forms/direct_orders/records`, { authorization: `Bearer ${admin}` },
    sized({ ext_id: `${prefix}-${pad(i)}`, customer: `CUST${String(i % 97).padStart(4, '0')}`, amount: 100 + (i % 900) })));
const fakeRequests = (rest: RestFake, prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => post(`${rest.url}/api/baseline`, { authorization: `Bearer ${TOKEN}`, 'idempotency-key': `${prefix}-${i}` },
    JSON.stringify({ billNo: `${prefix}-${pad(i)}`, customer: `CUST${String(i % 97).padStart(4, '0')}`, total: 100 + (i % 900) })));

// ---- the database ----

interface DeliveryStats { total: number; delivered: number; dead: number; firstCreated: number; lastDelivered: number; deliveredBy: (ms: number) => number; waits: number[]; attempts: Map<number, number> }

/** The deliveries of one connector (times in ms since the epoch; waits = delivered_at − created_at of those created since `since`, sorted). */
async function deliveryStats(c: pg.Client, connector: string, since = 0): Promise<DeliveryStats> {
  const rows = (await c.query(`select state, attempts, extract(epoch from created_at) * 1000 as created, extract(epoch from delivered_at) * 1000 as delivered
    from outbox where kind = 'connector' and target = $1`, [connector])).rows as Array<{ state: string; attempts: number; created: string; delivered: string | null }>;
  const delivered = rows.filter((r) => r.state === 'delivered').map((r) => Number(r.delivered));
  const attempts = new Map<number, number>();
  for (const r of rows) attempts.set(r.attempts, (attempts.get(r.attempts) ?? 0) + 1);
  return {
    total: rows.length, delivered: delivered.length, dead: rows.filter((r) => r.state === 'dead').length,
    firstCreated: Math.min(...rows.map((r) => Number(r.created))), lastDelivered: Math.max(...delivered),
    deliveredBy: (ms) => delivered.filter((d) => d <= ms).length,
    waits: rows.filter((r) => r.delivered !== null && Number(r.created) >= since).map((r) => Number(r.delivered) - Number(r.created)).sort((a, b) => a - b),
    attempts,
  };
}

/** Polls until `n` deliveries of the connector are settled (delivered or dead), or the deadline. */
async function settled(c: pg.Client, connector: string, n: number, deadlineMs = 120_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const r = (await c.query(`select count(*) filter (where state in ('delivered', 'dead'))::int as done from outbox where kind = 'connector' and target = $1`, [connector])).rows[0];
    if (r.done >= n) return;
    if (Date.now() > until) throw new Error(`${connector}: only ${r.done} of ${n} deliveries settled after ${deadlineMs / 1000} s`);
    await sleep(100);
  }
}

async function attemptStats(c: pg.Client, connector: string, since = 0): Promise<{ durations: number[]; failures: Record<string, number> }> {
  const rows = (await c.query(`select duration_ms, ok, error->>'code' as code from outbox_attempts where connector = $1 and started_at >= to_timestamp($2 / 1000.0)`, [connector, since])).rows as Array<{ duration_ms: number | null; ok: boolean | null; code: string | null }>;
  const failures: Record<string, number> = {};
  for (const r of rows) if (r.ok === false) failures[r.code ?? '?'] = (failures[r.code ?? '?'] ?? 0) + 1;
  return { durations: rows.filter((r) => r.ok).map((r) => r.duration_ms ?? 0).sort((a, b) => a - b), failures };
}

async function formCount(c: pg.Client, form: string): Promise<{ rows: number; distinct: number }> {
  const ft = (await c.query(`select t.table_name, t.columns from form_tables t join apps a on a.id = t.app_id where a.key = $1 and t.form_key = $2`, [APP, form])).rows[0] as { table_name: string; columns: Record<string, { column: string }> };
  const key = ft.columns.f_ext_id ?? ft.columns.f_bill_no!;
  const r = (await c.query(`select count(*)::int as rows, count(distinct ${key.column})::int as distinct from ${ft.table_name}`)).rows[0];
  return { rows: r.rows, distinct: r.distinct };
}

const rate = (label: string, n: number, seconds: number, unit: string, extra = '') => `${label.padEnd(46)} ${fmt(n / seconds).padStart(6)} ${unit}  (${fmt(n)} in ${fmt(seconds, 2)} s)${extra}`;
const lat = (sorted: number[], p1 = 50, p2 = 95) => `p${p1} ${fmt(percentile(sorted, p1), 1)} ms  p${p2} ${fmt(percentile(sorted, p2), 1)} ms`;
const failedNote = (r: Run) => (r.failed ? `  FAILED ${r.failed}: ${r.samples.join(' | ')}` : '');

let exitCode = 0;
const rest = await startRest();
await withDatabase(async (url) => {
  const stop = await startKiln(url, PORT, process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-conn'] : []);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  try {
    const tStart = performance.now();
    const admin = (await api('/api/auth/login', null, 'POST', { email: 'admin@kiln.local', password: 'bench-admin-pw' })).token as string;
    console.log(`connectors benchmark: ${fmt(DELIVERIES)} deliveries (worker lanes ${LANES}), ${fmt(FAULT_DELIVERIES)} under faults, ${fmt(MESSAGES)} inbound messages ×2 at ${CLIENTS} clients; PostgreSQL ${BASE.replace(/\/\/[^@]*@/, '//')}`);
    await setupApp(admin, rest);

    // Warm-up (JIT, compiled connector and validators, pool connections); verified with the rest.
    await load(LANES, fakeRequests(rest, 'WB', WARMUP));
    const warmCreates = await load(CLIENTS, createOrders(admin, 'orders', 'W', 0, WARMUP));
    await settled(db, 'erp', WARMUP);
    const warmHooks = await load(CLIENTS, hookRequests('w', WARMUP));
    const warmDirect = await load(CLIENTS, directRequests(admin, 'w', WARMUP));
    expect(!warmCreates.failed && !warmHooks.failed && !warmDirect.failed, `warm-up requests failed: ${[...warmCreates.samples, ...warmHooks.samples, ...warmDirect.samples].join(' | ')}`);

    // 1. Outbound throughput.
    console.log('\n1. outbound deliveries (rule → outbox → worker → REST fake)');
    const baseline = await load(LANES, fakeRequests(rest, 'B', DELIVERIES));
    console.log(rate(`direct POST to the fake, ${LANES} concurrent (baseline)`, baseline.ok, baseline.seconds, 'req/s', `  ${lat(baseline.latencies)}${failedNote(baseline)}`));
    const postsBefore = rest.requests.filter((r) => r.path === '/api/orders').length;
    const t0 = Date.now();
    const creates = await load(CLIENTS, createOrders(admin, 'orders', 'B', 0, DELIVERIES));
    const t1 = Date.now();
    await settled(db, 'erp', WARMUP + DELIVERIES);
    const erp = await deliveryStats(db, 'erp', t0);
    const erpAttempts = await attemptStats(db, 'erp', t0);
    const endToEnd = (erp.lastDelivered - t0) / 1000;
    const duringCreates = erp.deliveredBy(t1) - WARMUP;
    console.log(rate(`records created (${CLIENTS} clients, each enqueues one)`, creates.ok, creates.seconds, 'rec/s', `  ${lat(creates.latencies)}${failedNote(creates)}`));
    console.log(rate('deliveries delivered, end to end', DELIVERIES, endToEnd, 'del/s', `  (first create → last delivered_at)`));
    console.log(rate('  … while the creates ran', duringCreates, (t1 - t0) / 1000, 'del/s'));
    const alone = (DELIVERIES - duringCreates) / ((erp.lastDelivered - t1) / 1000);
    if (erp.lastDelivered > t1 + 200) console.log(rate('  … after them (worker alone, draining the backlog)', DELIVERIES - duringCreates, (erp.lastDelivered - t1) / 1000, 'del/s', `  = ${(alone / (baseline.ok / baseline.seconds)).toFixed(2)}× direct`));
    console.log(`${'delivered_at − created_at'.padEnd(46)} ${lat(erp.waits)}  max ${fmt(erp.waits[erp.waits.length - 1] ?? NaN, 0)} ms`);
    console.log(`${'HTTP call in the attempt (duration_ms)'.padEnd(46)} ${lat(erpAttempts.durations)}`);
    const ratioOut = DELIVERIES / endToEnd / (baseline.ok / baseline.seconds);
    console.log(`ratio deliveries/s end to end ÷ direct req/s: ${ratioOut.toFixed(2)}×  (${fmt((1000 * LANES) / (DELIVERIES / endToEnd), 1)} ms per delivery per lane vs ${fmt((1000 * LANES) / (baseline.ok / baseline.seconds), 1)} ms per direct request)`);

    // 2. Exactly once under faults.
    console.log('\n2. exactly once under faults (timeoutMs 300, retry PT1S…PT2S)');
    const ordersBefore = rest.requests.length;
    let faultAt = ordersBefore;
    let faultIndex = 0;
    rest.fault({ ...FAULTS[0] });
    let driving = true;
    // Moves to the next fault once the fake has counted the current one's requests.
    const driver = (async () => {
      let consumedAt = faultAt + FAULTS[0].count;
      while (driving && faultIndex < FAULTS.length) {
        if (rest.requests.length >= consumedAt) {
          faultIndex++;
          faultAt = rest.requests.length;
          if (faultIndex < FAULTS.length) {
            rest.fault({ ...FAULTS[faultIndex]! });
            consumedAt = faultAt + FAULTS[faultIndex]!.count;
          } else rest.fault(null);
        }
        await sleep(10);
      }
    })();
    const f0 = Date.now();
    const faultCreates = await load(CLIENTS, createOrders(admin, 'fault_orders', 'F', 0, FAULT_DELIVERIES));
    let settleError: unknown = null;
    await settled(db, 'erp_faults', FAULT_DELIVERIES).catch((err) => (settleError = err));
    driving = false;
    await driver;
    rest.fault(null);
    const fe = await deliveryStats(db, 'erp_faults');
    const feAttempts = await attemptStats(db, 'erp_faults');
    const feSeconds = (fe.lastDelivered - f0) / 1000;
    const hist = [...fe.attempts].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${v}×${k}`).join(', ');
    console.log(rate('records created', faultCreates.ok, faultCreates.seconds, 'rec/s', failedNote(faultCreates)));
    console.log(rate('delivered under faults, end to end', fe.delivered, feSeconds, 'del/s', `  dead ${fe.dead}; attempts per delivery: ${hist}`));
    console.log(`${'failed attempts by code'.padEnd(46)} ${JSON.stringify(feAttempts.failures)}  (injected: ${FAULTS.map((f) => `${f.count} ${f.kind}`).join(', ')})`);
    console.log(`${'delivered_at − created_at'.padEnd(46)} ${lat(fe.waits)}  max ${fmt(fe.waits[fe.waits.length - 1] ?? NaN, 0)} ms`);

    // 3. Inbound webhooks.
    console.log('\n3. inbound webhooks (HMAC-SHA256, upsert by external id, every message twice)');
    const direct = await load(CLIENTS, directRequests(admin, 'd', 2 * MESSAGES));
    console.log(rate(`record POST, ${CLIENTS} clients (baseline)`, direct.ok, direct.seconds, 'req/s', `  ${lat(direct.latencies, 50, 99)}${failedNote(direct)}`));
    const hooks = await load(CLIENTS, hookRequests('m', MESSAGES));
    console.log(rate(`signed hook POST, ${CLIENTS} clients`, hooks.ok, hooks.seconds, 'req/s', `  ${lat(hooks.latencies, 50, 99)}${failedNote(hooks)}`));
    console.log(rate('  distinct messages', MESSAGES, hooks.seconds, 'msg/s'));
    console.log(`ratio hook requests/s ÷ record POST/s: ${(hooks.ok / hooks.seconds / (direct.ok / direct.seconds)).toFixed(2)}×  (${BODY_BYTES}-byte bodies)`);

    // Verification.
    if (settleError) problems.push(String(settleError));
    expect(!creates.failed && !faultCreates.failed && !baseline.failed, `create / baseline requests failed: ${creates.failed} / ${faultCreates.failed} / ${baseline.failed}`);
    expect(erp.total === WARMUP + DELIVERIES && erp.delivered === erp.total, `erp: ${erp.delivered} of ${erp.total} delivered (${WARMUP + DELIVERIES} expected), ${erp.dead} dead`);
    expect(erp.attempts.size === 1 && erp.attempts.has(1), `erp: deliveries with more than one attempt: ${JSON.stringify([...erp.attempts])}`);
    expect(fe.total === FAULT_DELIVERIES && fe.delivered === fe.total, `erp_faults: ${fe.delivered} of ${fe.total} delivered (${FAULT_DELIVERIES} expected), ${fe.dead} dead`);
    expect(faultIndex === FAULTS.length, `only ${faultIndex} of ${FAULTS.length} injected faults were used up`);
    const failedAttempts = Object.values(feAttempts.failures).reduce((a, b) => a + b, 0);
    // More failed attempts than faults would be a reply slower than 300 ms on a busy machine: retried too, reported, not an error.
    const injected = FAULTS.reduce((a, f) => a + f.count, 0);
    expect(failedAttempts >= injected, `erp_faults: ${failedAttempts} failed attempts for ${injected} injected faults`);
    const stored = rest.items('orders');
    const perBill = new Map<string, number>();
    for (const o of stored) perBill.set(String(o.billNo), (perBill.get(String(o.billNo)) ?? 0) + 1);
    const once = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => perBill.get(`${prefix}-${pad(i)}`) === 1).every(Boolean);
    expect(stored.length === WARMUP + DELIVERIES + FAULT_DELIVERIES, `the fake stored ${stored.length} orders, ${WARMUP + DELIVERIES + FAULT_DELIVERIES} records were created`);
    expect(once('W', WARMUP) && once('B', DELIVERIES) && once('F', FAULT_DELIVERIES), `some record's order is not stored exactly once by the fake: ${[...perBill].filter(([, v]) => v !== 1).slice(0, 5).map(([k, v]) => `${k}×${v}`).join(', ')}`);
    const orderPosts = rest.requests.filter((r) => r.path === '/api/orders');
    expect(orderPosts.length - postsBefore === DELIVERIES + FAULT_DELIVERIES + failedAttempts, `POSTs to /api/orders: ${orderPosts.length - postsBefore}, expected ${DELIVERIES + FAULT_DELIVERIES} + ${failedAttempts} retried`);
    const keys = new Map<string, { keys: Set<string>; posts: number }>();
    for (const r of orderPosts) {
      const bill = String(JSON.parse(r.body).billNo);
      const k = keys.get(bill) ?? { keys: new Set<string>(), posts: 0 };
      k.keys.add(r.headers['idempotency-key'] ?? '');
      k.posts++;
      keys.set(bill, k);
    }
    expect([...keys.values()].every((k) => k.keys.size === 1 && !k.keys.has('')), 'a record was sent with more than one Idempotency-Key (or none)');
    const repeated = [...keys].filter(([bill, k]) => bill.startsWith('F-') && k.posts > 1).length;
    console.log(`\nphase 2: ${fmt(repeated)} records were POSTed more than once (same Idempotency-Key each time); ${fmt(failedAttempts - injected)} failed attempts beyond the injected faults`);
    const inbound = await formCount(db, 'inbound_orders');
    const msgs = (await db.query(`select count(*)::int as n, count(*) filter (where outcome->>'status' = 'done')::int as done from inbound_messages where connector = 'shop_hooks'`)).rows[0];
    expect(!hooks.failed && !warmHooks.failed, `hook requests failed: ${hooks.failed}`);
    expect(inbound.rows === WARMUP + MESSAGES && inbound.distinct === inbound.rows, `inbound_orders: ${inbound.rows} records (${inbound.distinct} distinct ids) for ${WARMUP + MESSAGES} messages`);
    expect(msgs.n === WARMUP + MESSAGES && msgs.done === msgs.n, `inbound_messages: ${msgs.n} rows (${msgs.done} done) for ${WARMUP + MESSAGES} messages`);
    const directRows = await formCount(db, 'direct_orders');
    expect(!direct.failed && directRows.rows === WARMUP + 2 * MESSAGES, `direct_orders: ${directRows.rows} records for ${WARMUP + 2 * MESSAGES} creates (${direct.failed} failed)`);

    if (problems.length) {
      exitCode = 1;
      console.error(`VERIFICATION FAILED:\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`verified: ${fmt(WARMUP + DELIVERIES)} + ${fmt(FAULT_DELIVERIES)} deliveries delivered (the first in one attempt each), one stored order per record at the fake, every fault retried; ${fmt(WARMUP + MESSAGES)} messages → ${fmt(inbound.rows)} records, ${fmt(msgs.n)} message rows; every request 2xx`);
    }
    console.log(`total ${fmt((performance.now() - tStart) / 1000, 1)} s`);
  } finally {
    await db.end();
    await stop();
  }
});
await rest.close();
process.exit(exitCode);
