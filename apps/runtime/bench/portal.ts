/**
 * Promoter portal benchmark (`pnpm bench`): is a promoter, whose every read goes through the row
 * policies of the referral template's `promoter` role, as fast as the admin reading the same data?
 *
 * Installs referral-marketing at KILN_BENCH_PORTAL_SCALE orders (default 1m: 100k customers of
 * whom ~20k are promoters, ~1.3m ledger entries) with the real CLI, starts the server in its own
 * process, and for two promoters — the one with the most ledger entries, and a typical one (the
 * median of those with any) — signs in as the promoter and measures, alternating with the admin
 * asking the same endpoint for that promoter (`?promoter=<id>`, no policies):
 *   - "my commissions": GET /api/portal/referral/ledger (first page, 50 entries);
 *   - "my downline":    GET /api/portal/referral/downline?depth=3;
 *   - "me":             GET /api/portal/referral/me (balance sums and per-level counts).
 * Prints p50 / p95 for both and the ratio promoter ÷ admin (target ≤ 1.2×). Both answers must
 * hold the same rows; the bench fails loudly when they do not.
 *
 * Env: KILN_BENCH_PORTAL_SCALE, BENCH_RUNS (30), BENCH_WARMUP (3).
 */
import pg from 'pg';
import { parseScale } from '../src/templates/scale/index.js';
import { BENCH_ADMIN, fmtMs, kilnCli, percentileOf, startServer, withDatabase } from './support.js';

const SCALE = parseScale(process.env.KILN_BENCH_PORTAL_SCALE ?? '1m');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const PORT = 3980 + Math.floor(Math.random() * 9);
const TARGET = 1.2;



async function api(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; ms: number }> {
  const t0 = performance.now();
  const r = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await r.text();
  const took = performance.now() - t0;
  return { status: r.status, body: text ? JSON.parse(text) : null, ms: took };
}

async function main(): Promise<void> {
  console.log(`\nPromoter portal vs admin — referral-marketing at ${SCALE.toLocaleString('en-US')} orders, ${RUNS} runs each (${WARMUP} warm-up)`);
  await withDatabase(async (url) => {
    await kilnCli(url, ['migrate']);
    await kilnCli(url, ['template', 'install', 'referral-marketing', '--app', 'referral', '--scale', String(SCALE)]);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const stop = await startServer(url, PORT);
    try {
      const base = `http://127.0.0.1:${PORT}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
      const admin = ((await login.json()) as { token: string }).token;
      // The storage of customers and commission_ledger (generated names) and the promoters to test.
      const tables = (await db.query(`select form_key, table_name, columns from form_tables ft join apps a on a.id = ft.app_id where a.key = 'referral'`)).rows as Array<{ form_key: string; table_name: string; columns: Record<string, { key: string; column: string }> }>;
      const col = (form: string, key: string) => Object.values(tables.find((t) => t.form_key === form)!.columns).find((c) => c.key === key)!.column;
      const table = (form: string) => tables.find((t) => t.form_key === form)!.table_name;
      const counts = (await db.query(`select l.${col('commission_ledger', 'beneficiary')} as id, count(*)::int as n from ${table('commission_ledger')} l group by 1 order by 2 desc`)).rows as Array<{ id: string; n: number }>;
      const promoters = [{ label: 'top promoter', ...counts[0]! }, { label: 'typical promoter', ...counts[Math.floor(counts.length / 2)]! }];
      console.log(`${counts.length.toLocaleString('en-US')} promoters with ledger entries; ${(await db.query(`select count(*)::int as n from ${table('customers')} where ${col('customers', 'is_promoter')}`)).rows[0].n.toLocaleString('en-US')} customers marked promoter`);
      for (const p of promoters) {
        const c = (await db.query(`select ${col('customers', 'phone')} as phone, ${col('customers', 'name')} as name from ${table('customers')} where id = $1`, [p.id])).rows[0] as { phone: string; name: string };
        const email = `bench-${p.id}@promoters.test`;
        const made = await api(base, admin, 'POST', '/api/users', { email, password: 'promoter-pw-1', role: 'promoter', phone: c.phone, displayName: c.name });
        if (made.status !== 201) throw new Error(`promoter user: ${JSON.stringify(made.body)}`);
        const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'promoter-pw-1' }) });
        const promoter = ((await r.json()) as { token: string }).token;
        const me = await api(base, promoter, 'GET', '/api/portal/referral/me');
        if (me.status !== 200) throw new Error(`portal me: ${JSON.stringify(me.body)}`);
        console.log(`\n${p.label}: customer ${p.id} "${c.name}", ${p.n.toLocaleString('en-US')} ledger entries, downline L1/L2/L3 ${me.body.counts.level1}/${me.body.counts.level2}/${me.body.counts.level3}`);
        console.log('endpoint                       promoter p50 / p95      admin p50 / p95     ratio p50');
        for (const [name, path] of [['my commissions (ledger)', '/api/portal/referral/ledger'], ['my downline (depth 3)', '/api/portal/referral/downline?depth=3'], ['me (balance, counts)', '/api/portal/referral/me']] as const) {
          const asAdmin = `${path}${path.includes('?') ? '&' : '?'}promoter=${p.id}`;
          const a = await api(base, promoter, 'GET', path);
          const b = await api(base, admin, 'GET', asAdmin);
          const same = (x: any) => JSON.stringify(x.items ?? x.nodes ?? x.balance);
          if (a.status !== 200 || b.status !== 200 || same(a.body) !== same(b.body)) throw new Error(`${name}: promoter and admin answers differ (${a.status} / ${b.status})`);
          const tp: number[] = [];
          const ta: number[] = [];
          for (let i = 0; i < WARMUP + RUNS; i++) {
            const x = await api(base, promoter, 'GET', path);
            const y = await api(base, admin, 'GET', asAdmin);
            if (i >= WARMUP) {
              tp.push(x.ms);
              ta.push(y.ms);
            }
          }
          const ratio = percentileOf(tp, 50) / percentileOf(ta, 50);
          console.log(`${name.padEnd(30)} ${fmtMs(percentileOf(tp, 50)).padStart(7)} / ${fmtMs(percentileOf(tp, 95)).padEnd(7)} ms   ${fmtMs(percentileOf(ta, 50)).padStart(7)} / ${fmtMs(percentileOf(ta, 95)).padEnd(7)} ms   ${ratio.toFixed(2)}× ${ratio <= TARGET ? 'ok' : `MISSES ${TARGET}×`}`);
        }
      }
    } finally {
      await stop();
      await db.end();
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
