/**
 * Intake benchmark (`pnpm bench`): public-form submissions per second at 64 concurrent clients
 * over loopback against real PostgreSQL, next to the raw single-row INSERT rate of the same
 * PostgreSQL measured in the same run, with p50/p99 latencies.
 *
 * The Kiln server runs in its own process (as in production) so the load generator does not
 * share its event loop. Env: BENCH_DATABASE_URL (default TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_SECONDS (default 10), BENCH_CONNECTIONS (64).
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_BASE as BASE, startServer as startKiln, withDatabase } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const PORT = 3900 + Math.floor(Math.random() * 90);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;


/** Raw baseline: 64 clients, each `INSERT … RETURNING id` of 8 fields, one row per commit. */
async function rawInsert(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  await pool.query(`create table raw_intake (id bigint generated always as identity primary key, created_at timestamptz not null default now(),
    name text, phone text, sku text, qty numeric, region text, code text, channel text, session text)`);
  const latencies: number[] = [];
  let n = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async (_, c) => {
    const client = await pool.connect();
    try {
      while (Date.now() < until) {
        const t0 = performance.now();
        await client.query('insert into raw_intake (name, phone, sku, qty, region, code, channel, session) values ($1,$2,$3,$4,$5,$6,$7,$8) returning id',
          ['张三', `13${String(c).padStart(2, '0')}${String(n).padStart(7, '0')}`.slice(0, 11), 'SKU-1', 2, '440305', 'LIVE888', 'douyin', 's1']);
        latencies.push(performance.now() - t0);
        n++;
      }
    } finally {
      client.release();
    }
  }));
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { rps: n / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), total: n };
}


async function api(path: string, token: string | null, method: string, body?: unknown): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const intentForm = {
  formatVersion: 1, key: 'intents', title: t('意向', 'Intents'),
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('姓名', 'Name'), required: true, maxLength: 50 },
    { id: 'f_phone', key: 'phone', type: 'phone', label: t('手机号', 'Phone'), required: true },
    { id: 'f_sku', key: 'sku', type: 'text', label: t('商品', 'SKU'), required: true },
    { id: 'f_qty', key: 'qty', type: 'number', integer: true, min: 1, max: 99, label: t('数量', 'Qty') },
    { id: 'f_region', key: 'region', type: 'region', level: 'district', label: t('地区', 'Region') },
    { id: 'f_code', key: 'code', type: 'linkparam', linkParam: 'code', label: t('口令', 'Code') },
    { id: 'f_channel', key: 'channel', type: 'linkparam', linkParam: 'channel', label: t('渠道', 'Channel') },
    { id: 'f_session', key: 'session', type: 'linkparam', linkParam: 'session', label: t('场次', 'Session') },
  ],
  public: { enabled: true, slug: 'bench-live', dedupe: ['phone', 'code'], rateLimit: { max: 100_000_000, perSeconds: 60 } },
};

async function kilnIntake(url: string) {
  const stop = await startKiln(url, PORT, process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []);
  try {
    const { token } = await api('/api/auth/login', null, 'POST', { email: 'admin@kiln.local', password: 'bench-admin-pw' });
    await api('/api/apps', token, 'POST', { key: 'bench', name: t('压测', 'Bench') });
    await api('/api/apps/bench/forms/intents', token, 'PUT', intentForm);
    await api('/api/apps/bench/publish', token, 'POST', {});
    let seq = 0;
    const run = (duration: number) => autocannon({
      url: `http://127.0.0.1:${PORT}/api/public/forms/bench-live/submissions?code=LIVE888&channel=douyin&session=s1`,
      connections: CONNECTIONS,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{
        setupRequest: (req: Record<string, unknown>) => {
          seq += 1;
          const phone = `1${3 + (seq % 7)}${String(seq).padStart(9, '0')}`;
          return { ...req, body: JSON.stringify({ name: '张三', phone, sku: 'SKU-1', qty: 2, region: '440305' }) };
        },
      }],
    });
    await run(2); // warm-up: JIT, compiled validators, pool connections
    const result = await run(SECONDS);
    const non2xx = result.non2xx;
    const stored = await (async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const table = (await c.query(`select table_name from form_tables where form_key = 'intents'`)).rows[0].table_name;
      const n = Number((await c.query(`select count(*) from ${table}`)).rows[0].count);
      await c.end();
      return n;
    })();
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, non2xx, stored, acknowledged: seq, errors: result.errors, timeouts: result.timeouts };
  } finally {
    await stop();
  }
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

await withDatabase(async (url) => {
  console.log(`intake benchmark: ${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL ${BASE.replace(/\/\/[^@]*@/, '//')}`);
  const raw = await rawInsert(url);
  console.log(`raw INSERT (1 row/commit)   ${fmt(raw.rps)} rows/s   p50 ${fmt(raw.p50, 2)} ms   p99 ${fmt(raw.p99, 2)} ms`);
  const kiln = await kilnIntake(url);
  console.log(`Kiln public submissions     ${fmt(kiln.rps)} req/s    p50 ${fmt(kiln.p50, 2)} ms   p99 ${fmt(kiln.p99, 2)} ms   (non-2xx ${kiln.non2xx}, errors ${kiln.errors}, timeouts ${kiln.timeouts})`);
  console.log(`records stored: ${kiln.stored} (requests sent incl. warm-up: ${kiln.acknowledged})`);
  const ratio = kiln.rps / raw.rps;
  console.log(`ratio Kiln / raw: ${ratio.toFixed(2)}×   target ≥ 0.50×, p99 < 50 ms → ${ratio >= 0.5 && kiln.p99 < 50 ? 'MET' : 'NOT MET'}`);
});
