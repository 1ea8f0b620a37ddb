/**
 * Commission benchmark (`pnpm bench`): paid orders per second through the referral template's
 * whole commission plan (2 paid levels, every rule of the template enabled as shipped), with
 * the ledger writes, over HTTP at 16 concurrent clients against real PostgreSQL — next to the
 * same order creation on an identical app without rules, measured in the same run.
 *
 * Env: BENCH_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16).
 */
import pg from 'pg';
import { BENCH_BASE as BASE, startServer as startKiln, withDatabase } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PORT = 3800 + Math.floor(Math.random() * 90);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });



let token = '';
async function api(path: string, method: string, body?: unknown): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** Installs the template as `app`, seeds a chain A → B → C and two products; `rules: false` drops every rule first. */
async function setup(app: string, rules: boolean) {
  await api('/api/templates/referral-marketing/install', 'POST', { app });
  if (!rules) {
    const drafts = await api(`/api/apps/${app}/rules`, 'GET');
    for (const d of drafts.items) await api(`/api/apps/${app}/rules/${d.key}`, 'DELETE');
    await api(`/api/apps/${app}/publish`, 'POST', {});
  }
  const recs = (form: string) => `/api/apps/${app}/forms/${form}/records`;
  const plan = (await api(`${recs('plan')}?limit=1`, 'GET')).items[0];
  if (!plan) await api(recs('plan'), 'POST', { levels: 2, rates: [{ rate: 10 }, { rate: 5 }], total_cap: 20, basis: 'paid_price', freeze_days: 7, refund_policy: 'negative', binding_mode: 'first', binding_days: 30, eligible: 'everyone' });
  const a = await api(recs('customers'), 'POST', { name: 'A', phone: '13800000001', is_promoter: true });
  const b = await api(recs('customers'), 'POST', { name: 'B', phone: '13800000002', referrer: a.id, is_promoter: true });
  const c = await api(recs('customers'), 'POST', { name: 'C', phone: '13800000003', referrer: b.id });
  await api(recs('products'), 'POST', { sku: 'P-1', name: 'Tea', price: 19990, product_line: 'tea', coefficient: 1, activity: 'none' });
  await api(recs('products'), 'POST', { sku: 'P-2', name: 'Cup', price: 5000, product_line: 'ware', coefficient: 1, activity: 'none' });
  return { buyer: c.id as number, recs };
}

/** Creates paid orders from CONNECTIONS clients for SECONDS; returns orders/s and p99. */
async function load(app: string, buyer: number, seconds: number) {
  const url = `http://127.0.0.1:${PORT}/api/apps/${app}/forms/orders/records`;
  const body = JSON.stringify({ customer: buyer, status: 'paid', lines: [{ sku: 'P-1', qty: 2, unit_price: 19990, activity: 'none' }, { sku: 'P-2', qty: 1, unit_price: 5000, activity: 'none' }] });
  const latencies: number[] = [];
  let n = 0;
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      await r.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (r.status === 201) n++;
      else failed++;
    }
  }));
  latencies.sort((x, y) => x - y);
  return { rps: n / seconds, total: n, failed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN };
}

await withDatabase(async (url) => {
  const stop = await startKiln(url, PORT);
  try {
    token = (await api('/api/auth/login', 'POST', { email: 'admin@kiln.local', password: 'bench-admin-pw' })).token;
    console.log(`commission benchmark: ${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL ${BASE.replace(/\/\/[^@]*@/, '//')}`);
    const plain = await setup('bench_plain', false);
    const plan = await setup('bench_plan', true);
    await load('bench_plain', plain.buyer, 2);
    await load('bench_plan', plan.buyer, 2);
    const base = await load('bench_plain', plain.buyer, SECONDS);
    console.log(`orders, no rules (baseline)        ${fmt(base.rps)} orders/s   p99 ${fmt(base.p99, 1)} ms   (failed ${base.failed})`);
    const withPlan = await load('bench_plan', plan.buyer, SECONDS);
    console.log(`paid orders through the plan       ${fmt(withPlan.rps)} orders/s   p99 ${fmt(withPlan.p99, 1)} ms   (failed ${withPlan.failed})`);
    const ledger = await api(`/api/apps/bench_plan/forms/commission_ledger/records?limit=1&sort=-id`, 'GET');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const table = (await c.query(`select t.table_name from form_tables t join apps a on a.id = t.app_id where a.key = 'bench_plan' and t.form_key = 'commission_ledger'`)).rows[0].table_name;
    const entries = Number((await c.query(`select count(*) from ${table}`)).rows[0].count);
    await c.end();
    console.log(`ledger entries written: ${fmt(entries)} (${(entries / Math.max(1, withPlan.total + 1)).toFixed(2)} per order; last ${ledger.items[0]?.kind ?? '-'} ${ledger.items[0]?.amount ?? '-'} fen)`);
    console.log(`ratio plan / no rules: ${(withPlan.rps / base.rps).toFixed(2)}×`);
  } finally {
    await stop();
  }
});
