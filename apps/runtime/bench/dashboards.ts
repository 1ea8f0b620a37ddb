/**
 * Dashboards benchmark (`pnpm bench`): the template dashboards over generated data at scale.
 *
 * Installs both templates with `kiln template install <id> --scale <n>` (the real CLI, so its
 * load rate is printed too), starts the Kiln server in its own process, signs in as the admin,
 * and for every dashboard of the apps measures
 *   - the whole dashboard: every report's `GET /api/apps/{app}/reports/{report}/data` with the
 *     dashboard's default filter values, fired at once as a browser does, p50 / p95;
 *   - each report through the API, next to HAND-WRITTEN SQL for the same figures run through pg
 *     on the same database in the same run, p50 / p95 and their ratio.
 * The hand SQL's figures must equal the API's rows; the bench fails loudly when they do not.
 * Targets printed alongside: the referral dashboard < 1 s p50; each report ≤ 1.2× its hand SQL.
 *
 * Env: KILN_BENCH_SCALE orders per template (default 1m; the recorded run uses 10m),
 * KILN_BENCH_DB a database URL to use (apps already installed there at that scale are reused,
 * otherwise they are installed; its admin must have the password bench-admin-pw, as a database
 * this bench created has) — default a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL /
 * postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards; BENCH_RUNS (15), BENCH_WARMUP (2).
 */
import { OTHERS_KEY, resolveParams, type ReportDefinition } from '@kiln/engine-reports';
import pg from 'pg';
import { parseScale } from '../src/templates/scale/index.js';
import { BENCH_ADMIN, fmtMs, kilnCli, percentileOf, startServer, withDatabase } from './support.js';

const SCALE = parseScale(process.env.KILN_BENCH_SCALE ?? '1m');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const PORT = 3990 + Math.floor(Math.random() * 9);
const TZ = 'Asia/Shanghai';
const TEMPLATES = [
  { id: 'referral-marketing', app: 'referral' },
  { id: 'livestream-erp', app: 'livestream' },
] as const;
const TARGET_DASHBOARD_MS: Record<string, number> = { 'referral/overview': 1000 };
const TARGET_RATIO = 1.2;

type Row = Record<string, unknown>;
interface ApiResult { columns: Array<{ key: string; role: string }>; rows: Row[]; previous?: Row; truncated?: boolean }


async function ensureInstalled(url: string, db: pg.Client): Promise<void> {
  for (const t of TEMPLATES) {
    const exists = await db.query(`select 1 from information_schema.tables where table_name = 'apps'`).then((r) => r.rowCount
      ? db.query('select id from apps where key = $1', [t.app]).then((a) => a.rows[0]?.id as number | undefined)
      : undefined);
    if (exists) {
      const orders = await tableOf(db, t.app, 'orders');
      const n = Number((await db.query(`select count(*) as n from ${orders.t}`)).rows[0].n);
      console.log(`${t.app}: already installed with ${n.toLocaleString('en-US')} orders${Math.abs(n - SCALE) > SCALE * 0.01 + 10 ? ` (KILN_BENCH_SCALE asks ${SCALE.toLocaleString('en-US')})` : ''}`);
      continue;
    }
    const t0 = performance.now();
    await kilnCli(url, ['template', 'install', t.id, '--scale', String(SCALE)]);
    console.log(`${t.app}: installed at ${SCALE.toLocaleString('en-US')} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s (wall, including the CLI's start)`);
  }
}

// ------------------------------------------------------------------ storage names

interface Names { t: string; [key: string]: string }

/** `"table"` and `"column"` by field key, from the storage registry (like the runtime, never hard-coded). */
async function tableOf(db: pg.Client, app: string, form: string): Promise<Names> {
  const r = await db.query(`select f.table_name, f.columns from form_tables f join apps a on a.id = f.app_id where a.key = $1 and f.form_key = $2`, [app, form]);
  if (!r.rows[0]) throw new Error(`no form ${app}/${form}`);
  const out: Names = { t: `"${r.rows[0].table_name}"` };
  for (const c of Object.values(r.rows[0].columns as Record<string, { key?: string; column?: string; retired?: boolean }>)) {
    if (c && typeof c === 'object' && c.key && c.column && !c.retired) out[c.key] = `"${c.column}"`;
  }
  return new Proxy(out, {
    get: (o, k) => {
      if (typeof k !== 'string' || k === 'then') return undefined; // not a thenable
      if (!(k in o)) throw new Error(`no field ${app}/${form}.${k}`);
      return o[k];
    },
  });
}

// ------------------------------------------------------------------ hand-written SQL per report

interface HandCtx {
  db: pg.Client;
  app: string;
  /** Resolved parameters of the report (the engine's own resolution: same day boundaries). */
  params: ReturnType<typeof resolveParams>;
  f: (form: string) => Promise<Names>;
}
interface HandQuery { text: string; values: unknown[]; previous?: { text: string; values: unknown[] } }
type Hand = (c: HandCtx) => Promise<HandQuery>;

const range = (c: HandCtx, key = 'range'): { from: string; to: string; prevFrom: string } | null => {
  const p = c.params[key] as { range?: { from: string; to: string; days: number } | null } | undefined;
  const r = p?.range;
  if (!r) return null;
  return { from: r.from, to: r.to, prevFrom: new Date(Date.parse(r.from) - r.days * 86_400_000).toISOString() };
};
const relation = (c: HandCtx, key: string): number | null => {
  const p = c.params[key] as { value?: unknown } | undefined;
  return p?.value === undefined || p.value === null ? null : Number(p.value);
};
/** A condition `col >= $i and col < $j` (or true for "all") and its values, numbered from `start`. */
function between(col: string, r: { from: string; to: string } | null, start: number): [string, unknown[]] {
  return r ? [`${col} >= $${start} and ${col} < $${start + 1}`, [r.from, r.to]] : ['true', []];
}

const PAID = `('paid', 'received')`;

const HAND: Record<string, Record<string, Hand>> = {
  referral: {
    async aov(c) {
      const o = await c.f('orders');
      const [w, v] = between(`${o.paid_at}`, range(c), 1);
      const campaign = relation(c, 'campaign');
      return {
        text: `select to_char(date_trunc('day', ${o.paid_at} at time zone '${TZ}'), 'YYYY-MM-DD') as day, sum(${o.total}) as gmv, count(*) as orders, sum(${o.total})::numeric / count(*) as aov
          from ${o.t} where ${o.status} in ${PAID} and ${w}${campaign === null ? '' : ` and ${o.campaign} = ${campaign}`} group by 1 order by 1`,
        values: v,
      };
    },
    async conversion(c) {
      const [cu, o] = [await c.f('customers'), await c.f('orders')];
      const r = range(c);
      const campaign = relation(c, 'campaign');
      const q = (from?: string, to?: string) => ({
        text: `select count(*) filter (where exists (select 1 from ${o.t} o where o.${o.customer} = c.id and o.${o.status} in ${PAID}))::numeric / nullif(count(*), 0) as rate
          from ${cu.t} c where ${from ? 'c.created_at >= $1 and c.created_at < $2' : 'true'}${campaign === null ? '' : ` and c.${cu.campaign} = ${campaign}`}`,
        values: from ? [from, to] : [],
      });
      return { ...q(r?.from, r?.to), ...(r ? { previous: q(r.prevFrom, r.from) } : {}) };
    },
    async commission_ratio(c) {
      const [o, rf, lg] = [await c.f('orders'), await c.f('refunds'), await c.f('commission_ledger')];
      const [w, v] = between(`${o.paid_at}`, range(c), 1);
      return {
        text: `with o as materialized (select id, ${o.total} as total from ${o.t} where ${o.status} in ${PAID} and ${w}),
          s as (select (select sum(total) from o) as gmv,
                       (select coalesce(sum(r.${rf.amount}), 0) from ${rf.t} r where r.${rf.order} in (select id from o)) as refunded,
                       (select coalesce(sum(l.${lg.amount}), 0) from ${lg.t} l where l.${lg.order} in (select id from o) and l.${lg.state} in ('available', 'paid_out')) as commission)
          select gmv, refunded, coalesce(gmv, 0) - refunded as net, commission, commission::numeric / nullif(coalesce(gmv, 0) - refunded, 0) as ratio from s`,
        values: v,
      };
    },
    async new_customers(c) {
      const [cu, k] = [await c.f('customers'), await c.f('campaigns')];
      const [w, v] = between('c.created_at', range(c), 1);
      const campaign = relation(c, 'campaign');
      return {
        text: `select g.campaign, k.${k.name} as campaign__label, g.customers, g.promoters
          from (select c.${cu.campaign} as campaign, count(*) as customers, count(*) filter (where c.${cu.is_promoter}) as promoters
                from ${cu.t} c where ${w}${campaign === null ? '' : ` and c.${cu.campaign} = ${campaign}`} group by 1) g
          left join ${k.t} k on k.id = g.campaign order by g.customers desc, g.campaign`,
        values: v,
      };
    },
    async channel_roi(c) {
      const [k, o] = [await c.f('campaigns'), await c.f('orders')];
      const [w, v] = between(`${o.paid_at}`, range(c), 1);
      return {
        text: `select k.${k.channel} as channel, sum(k.${k.cost}) as cost, sum(coalesce(g.gmv, 0)) as gmv,
            (sum(coalesce(g.gmv, 0)) - sum(k.${k.cost}))::numeric / nullif(sum(k.${k.cost}), 0) as roi, sum(coalesce(g.gmv, 0))::numeric / nullif(sum(k.${k.cost}), 0) as roi_gross
          from ${k.t} k left join (select ${o.campaign} as campaign, sum(${o.total}) as gmv from ${o.t} where ${o.status} in ${PAID} and ${w} and ${o.campaign} is not null group by 1) g on g.campaign = k.id
          group by 1 order by gmv desc, channel`,
        values: v,
      };
    },
    async top_referrers(c) {
      const [o, cu] = [await c.f('orders'), await c.f('customers')];
      const [w, v] = between(`o.${o.paid_at}`, range(c), 1);
      return {
        text: `with g as (select c.${cu.referrer} as referrer, sum(o.${o.total}) as gmv from ${o.t} o join ${cu.t} c on c.id = o.${o.customer}
                  where o.${o.status} in ${PAID} and ${w} and c.${cu.referrer} is not null group by 1),
            r as (select g.*, row_number() over (order by gmv desc, referrer) as rn from g),
            t as (select referrer, gmv from r where rn <= 10 union all select null, sum(gmv) from r where rn > 10 having count(*) > 0)
          select t.referrer, c.${cu.name} as referrer__label, t.gmv, t.gmv::numeric / nullif(sum(t.gmv) over (), 0) as share
          from t left join ${cu.t} c on c.id = t.referrer order by t.referrer is null, t.gmv desc`,
        values: v,
      };
    },
    async downline(c) {
      const [cu, o] = [await c.f('customers'), await c.f('orders')];
      return {
        text: `with recursive tr(id, parent, depth) as (
            select id, ${cu.referrer}, 0 from ${cu.t} where id = $1
            union all select c.id, c.${cu.referrer}, tr.depth + 1 from ${cu.t} c join tr on c.${cu.referrer} = tr.id where tr.depth < 3)
          select tr.id, c.${cu.name} as label, tr.parent, tr.depth,
            coalesce((select sum(o.${o.total}) from ${o.t} o where o.${o.customer} = tr.id and o.${o.status} in ${PAID}), 0) as gmv
          from tr join ${cu.t} c on c.id = tr.id order by tr.depth, tr.id limit 1000`,
        values: [relation(c, 'promoter')],
      };
    },
  },
  livestream: {
    async review_states(c) {
      const o = await c.f('orders');
      const [w, v] = between('created_at', range(c), 1);
      return { text: `select ${o.status} as status, count(*) as orders from ${o.t} where ${w} group by 1 order by 2 desc, 1`, values: v };
    },
    async hook_conversion(c) {
      const [i, o] = [await c.f('intents'), await c.f('orders')];
      const [w, v] = between('i.created_at', range(c), 1);
      return {
        text: `select i.${i.code} as code, count(*) as submissions, count(o.id) as orders, count(o.id)::numeric / count(*) as conversion
          from ${i.t} i left join ${o.t} o on o.${o.intent} = i.id and (o.${o.status} is null or o.${o.status} not in ('rejected', 'cancelled'))
          where ${w} group by 1 order by 2 desc, 1 limit 20`,
        values: v,
      };
    },
    async product_heat(c) {
      const o = await c.f('orders');
      const [w, v] = between('o.created_at', range(c), 1);
      return {
        text: `with g as (select l->>'sku' as sku, sum((l->>'qty')::numeric) as units, count(distinct o.id) as orders
                  from ${o.t} o cross join lateral jsonb_array_elements(o.${o.lines}) l
                  where ${w} and (o.${o.status} is null or o.${o.status} not in ('rejected', 'cancelled')) group by 1),
            r as (select g.*, row_number() over (order by units desc, sku) as rn from g)
          select sku, units, orders from (select sku, units, orders, false as others from r where rn <= 10
            union all select null, sum(units), null, true from r where rn > 10 having count(*) > 0) t order by others, units desc, sku`,
        values: v,
      };
    },
    async rep_conversion(c) {
      const l = await c.f('leads');
      const [w, v] = between('created_at', range(c), 1);
      return {
        text: `select ${l.assigned_to} as rep, count(*) as assigned, count(*) filter (where ${l.status} = 'converted') as converted,
            (count(*) filter (where ${l.status} = 'converted'))::numeric / count(*) as rate
          from ${l.t} where ${w} and ${l.assigned_to} is not null group by 1 order by rate desc, rep`,
        values: v,
      };
    },
    async channel_roi(c) {
      const [s, o] = [await c.f('live_sessions'), await c.f('orders')];
      const [w, v] = between(`s.${s.starts_at}`, range(c), 1);
      return {
        text: `select s.${s.channel} as channel, sum(s.${s.cost}) as cost, sum(coalesce(g.gmv, 0)) as gmv,
            (sum(coalesce(g.gmv, 0)) - sum(s.${s.cost}))::numeric / nullif(sum(s.${s.cost}), 0) as roi,
            sum(s.${s.viewers}::numeric / 1000) as kviewers, sum(coalesce(g.gmv, 0))::numeric / nullif(sum(s.${s.viewers}::numeric / 1000), 0) as gpm
          from ${s.t} s left join lateral (select sum(o.${o.total}) as gmv from ${o.t} o
              where o.${o.session} = s.${s.code} and o.${o.status} in ('approved', 'synced', 'shipped', 'delivered')) g on true
          where ${w} group by 1 order by cost desc, channel`,
        values: v,
      };
    },
  },
};

// ------------------------------------------------------------------ comparing figures

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Throws unless the hand SQL's rows carry the API's figures (dimension values and every measure). */
function compareFigures(where: string, api: ApiResult, handRows: Row[], handPrevious?: Row): void {
  const dims = api.columns.filter((c) => c.role === 'dimension').map((c) => c.key);
  const measures = api.columns.filter((c) => c.role === 'measure').map((c) => c.key);
  const key = (r: Row) => dims.map((d) => (r[d] === null || r[d] === undefined ? (dims[0] === d && r.__others ? OTHERS_KEY : 'null') : String(r[d]))).join('|');
  const hand = new Map(handRows.map((r) => {
    const others = dims.length > 0 && (r[dims[0]!] === null || r[dims[0]!] === undefined) && handRows.length > 1 && api.rows.some((a) => a[dims[0]!] === OTHERS_KEY);
    return [key({ ...r, __others: others }), r];
  }));
  const problems: string[] = [];
  if (api.rows.length !== handRows.length) problems.push(`${api.rows.length} API rows, ${handRows.length} hand SQL rows`);
  for (const a of api.rows) {
    const h = hand.get(key({ ...a, __others: a[dims[0] ?? ''] === OTHERS_KEY }));
    if (!h) {
      problems.push(`API row ${key(a)} missing from the hand SQL`);
      continue;
    }
    for (const m of measures) if (!same(numOrNull(a[m]), numOrNull(h[m]))) problems.push(`${key(a)} ${m}: API ${String(a[m])} ≠ SQL ${String(h[m])}`);
  }
  if (api.previous || handPrevious) {
    for (const m of measures) if (!same(numOrNull(api.previous?.[m]), numOrNull(handPrevious?.[m]))) problems.push(`previous ${m}: API ${String(api.previous?.[m])} ≠ SQL ${String(handPrevious?.[m])}`);
  }
  if (problems.length) throw new Error(`FIGURES DIFFER for ${where}:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

// ------------------------------------------------------------------ the run

async function api(token: string | null, path: string, init: RequestInit = {}): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  const body = await r.json();
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function run(url: string): Promise<boolean> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let ok = true;
  try {
    await ensureInstalled(url, db);
    const stop = await startServer(url, PORT);
    try {
      const { token } = await api(null, '/api/auth/login', { method: 'POST', body: JSON.stringify(BENCH_ADMIN) });
      const lines: string[] = [];
      const row = (cols: string[]) => lines.push(cols.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(12))).join(' '));
      for (const t of TEMPLATES) {
        const meta = await api(token, `/api/apps/${t.app}`);
        const reports = (meta.reports ?? {}) as Record<string, ReportDefinition>;
        const dashboards = (meta.dashboards ?? {}) as Record<string, { filters?: Array<{ param: string; default?: unknown; form?: string; type: string }>; items: Array<{ report: string }> }>;
        if (!Object.keys(dashboards).length) console.log(`${t.app}: no dashboards published`);
        const f = (form: string) => tableOf(db, t.app, form);
        for (const [dkey, dash] of Object.entries(dashboards)) {
          // The dashboard's filter defaults, as the browser sends them to every report.
          const params: Record<string, string> = {};
          for (const flt of dash.filters ?? []) {
            const d = flt.default;
            if (typeof d === 'string' || typeof d === 'number') params[flt.param] = String(d);
          }
          // A required parameter without a default (the referral downline's promoter): the customer with the most direct referrals.
          for (const key of new Set(dash.items.map((i) => i.report))) {
            for (const p of reports[key]?.params ?? []) {
              if (!p.required || params[p.key] !== undefined || p.default !== undefined) continue;
              if (p.type !== 'relation' || !p.form) throw new Error(`${t.app}/${key}: required parameter ${p.key} has no default`);
              const target = await f(p.form);
              const self = Object.entries(target).find(([k]) => k === 'referrer')?.[1];
              const pick = self
                ? await db.query(`select ${self} as id from ${target.t} where ${self} is not null group by 1 order by count(*) desc, 1 limit 1`)
                : await db.query(`select id from ${target.t} order by id limit 1`);
              params[p.key] = String(pick.rows[0]?.id ?? 1);
              console.log(`${t.app}/${dkey}: ${key}.${p.key} has no default; using ${p.form} #${params[p.key]}${self ? ' (the most direct referrals)' : ''}`);
            }
          }
          const qs = new URLSearchParams(params).toString();
          const keys = [...new Set(dash.items.map((i) => i.report))];
          const load = () => Promise.all(keys.map((k) => api(token, `/api/apps/${t.app}/reports/${k}/data?${qs}`)));
          for (let i = 0; i < WARMUP; i++) await load();
          const whole: number[] = [];
          for (let i = 0; i < RUNS; i++) whole.push((await timed(load))[0]);
          const target = TARGET_DASHBOARD_MS[`${t.app}/${dkey}`];
          const p50 = percentileOf(whole, 50);
          lines.push('');
          lines.push(`Dashboard ${t.app}/${dkey} (${keys.length} reports at once, ${qs}): p50 ${fmtMs(p50)} ms, p95 ${fmtMs(percentileOf(whole, 95))} ms` +
            (target ? ` — target < ${target} ms p50: ${p50 < target ? 'met' : 'MISSED'}` : ''));
          row(['report', 'api p50 ms', 'api p95 ms', 'sql p50 ms', 'sql p95 ms', 'api ÷ sql', `≤ ${TARGET_RATIO}×`]);
          for (const key of keys) {
            const def = reports[key];
            const path = `/api/apps/${t.app}/reports/${key}/data?${qs}`;
            for (let i = 0; i < WARMUP; i++) await api(token, path);
            const apiTimes: number[] = [];
            let apiResult!: ApiResult;
            for (let i = 0; i < RUNS; i++) {
              const [dt, r] = await timed(() => api(token, path));
              apiTimes.push(dt);
              apiResult = r;
            }
            const hand = HAND[t.app]?.[key];
            if (!def || !hand) {
              row([key, fmtMs(percentileOf(apiTimes, 50)), fmtMs(percentileOf(apiTimes, 95)), '-', '-', '-', 'no hand SQL']);
              ok = false;
              continue;
            }
            const resolved = resolveParams(def, params, new Date().toISOString());
            const q = await hand({ db, app: t.app, params: resolved, f });
            for (let i = 0; i < WARMUP; i++) await db.query(q.text, q.values);
            const sqlTimes: number[] = [];
            let handRows: Row[] = [];
            let handPrevious: Row | undefined;
            for (let i = 0; i < RUNS; i++) {
              const [dt, r] = await timed(async () => {
                const [main, prev] = await Promise.all([db.query(q.text, q.values), q.previous ? db.query(q.previous.text, q.previous.values) : undefined]);
                return { main: main.rows as Row[], prev: prev?.rows[0] as Row | undefined };
              });
              sqlTimes.push(dt);
              handRows = r.main;
              handPrevious = r.prev;
            }
            // The API caps rows at the report's limit (+1 to flag truncation); compare what it shows.
            compareFigures(`${t.app}/${key}`, apiResult, apiResult.truncated ? handRows.slice(0, apiResult.rows.length) : handRows, handPrevious);
            const [a50, s50] = [percentileOf(apiTimes, 50), percentileOf(sqlTimes, 50)];
            const ratio = a50 / s50;
            row([key, fmtMs(a50), fmtMs(percentileOf(apiTimes, 95)), fmtMs(s50), fmtMs(percentileOf(sqlTimes, 95)), `${ratio.toFixed(2)}×`, ratio <= TARGET_RATIO ? 'met' : 'MISSED']);
          }
        }
      }
      console.log(`\nDashboards at ${SCALE.toLocaleString('en-US')} orders per template (PostgreSQL, ${RUNS} runs after ${WARMUP} warm-ups; figures of every report checked against hand-written SQL):`);
      console.log(lines.join('\n'));
    } finally {
      await stop();
    }
  } finally {
    await db.end();
  }
  return ok;
}

const ok = process.env.KILN_BENCH_DB ? await run(process.env.KILN_BENCH_DB) : await withDatabase(run);
if (!ok) {
  console.error('Some reports have no hand-written SQL to compare with (see the table).');
  process.exitCode = 1;
}
