import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { KilnContext } from '../src/context.js';
import { appByKey } from '../src/metadata/apps.js';
import { formRuntime } from '../src/records/form-runtime.js';
import { loadStorage } from '../src/records/schema-sync.js';
import { installTemplate } from '../src/templates/install.js';
import { generateScaleData, parseScale } from '../src/templates/scale/index.js';
import { describeBackends, type Harness } from './helpers/harness.js';

// `kiln template install <id> --demo-data --scale <n>`: the generated data set and its invariants.
const ANCHOR = new Date('2026-06-01T00:00:00+08:00');
const N = 2000;

/** Table and column names of an app's forms, by form and field key (the storage registry). */
async function names(ctx: KilnContext, appKey: string) {
  const app = await appByKey(ctx.db, appKey, 1);
  const storage = await loadStorage(ctx.db, app.id);
  return (form: string) => {
    const s = storage.get(form)!;
    const byKey = Object.fromEntries(Object.values(s.columns).map((c) => [c.key, `"${c.column}"`]));
    return new Proxy({ t: `"${s.table}"` } as Record<string, string>, { get: (o, k: string) => o[k] ?? byKey[k] ?? `missing_${k}` });
  };
}

async function q<T = Record<string, any>>(h: Harness, text: string): Promise<T[]> {
  return (await sql.raw<T>(text).execute(h.ctx.db)).rows;
}
const one = async (h: Harness, text: string) => (await q(h, text))[0]!;
const num = (v: unknown) => Number(v);

/** Every row generated for the app, per form: count and an md5 over the rows' text (same data ⇒ same digest). */
async function fingerprint(h: Harness, appKey: string): Promise<Record<string, { n: number; md5: string }>> {
  const app = await appByKey(h.ctx.db, appKey, 1);
  const storage = await loadStorage(h.ctx.db, app.id);
  const out: Record<string, { n: number; md5: string }> = {};
  for (const [form, s] of [...storage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Generated rows carry their business time (≤ the anchor); demo rows were written now.
    const r = await one(h, `select count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x.id)), '') as md5 from "${s.table}" x where x.created_at <= '${ANCHOR.toISOString()}'`);
    out[form] = { n: num(r.n), md5: r.md5 };
  }
  return out;
}

/** Some generated records of each form read through the records API are valid for their published form. */
async function validThroughApi(h: Harness, appKey: string, forms: string[]): Promise<void> {
  for (const form of forms) {
    const r = await h.req({ method: 'GET', url: `/api/apps/${appKey}/forms/${form}/records?limit=200&sort=-id` });
    expect(r.status, `${form}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
    expect(r.body.items.length, form).toBeGreaterThan(0);
    const rt = await formRuntime(h.ctx.db, appKey, form, 1);
    const assigned = rt.form.fields.filter((f) => f.type === 'autonumber' || f.type === 'formula').map((f) => f.key);
    // (The newest records: generated ones, plus the demo records of small forms.)
    expect(r.body.items.some((rec: { createdAt: string }) => Date.parse(rec.createdAt) <= ANCHOR.getTime()), form).toBe(true);
    for (const rec of r.body.items) {
      const { id, createdAt: _c, updatedAt: _u, formVersion, ...values } = rec;
      expect(formVersion).toBe(rt.version);
      for (const k of assigned) delete values[k]; // read-only: the server assigns them
      const v = rt.validator.validate(values, { locale: 'en', mode: 'update' });
      expect(v.ok ? [] : v.errors, `${form} #${id}`).toEqual([]);
    }
  }
}

it('parses --scale values', () => {
  expect([parseScale('2000'), parseScale('10k'), parseScale('1m'), parseScale('2.5M'), parseScale('10m')]).toEqual([2000, 10_000, 1_000_000, 2_500_000, 10_000_000]);
  for (const bad of ['', '0', '-5', 'lots', '1g', '200m']) expect(() => parseScale(bad), bad).toThrow(/--scale/);
});

describeBackends('scale data', (h) => {
  it('referral-marketing: counts, totals, acyclic referral chains, ledger = floor(base × rate), deterministic', async () => {
    const ctx = h().ctx;
    await installTemplate(ctx, 'referral-marketing', { app: 'ref_a', demoData: true, userId: null });
    const r = await generateScaleData(ctx, 'ref_a', 'referral-marketing', N, { anchor: ANCHOR });
    expect(r.rows).toMatchObject({ campaigns: 50, products: 500, customers: N / 10, orders: N, leads: N / 20, sales_reps: 20 });
    expect(r.rows.refunds).toBeGreaterThan(N * 0.01);
    expect(r.rows.refunds).toBeLessThan(N * 0.04);
    const n = await names(ctx, 'ref_a');
    const [cu, o, rf, lg, ld] = [n('customers'), n('orders'), n('refunds'), n('commission_ledger'), n('leads')];

    // Orders: total = Σ qty × unit price exactly; paid_at iff paid/received; the buyer existed before.
    expect(await one(h(), `select
        count(*) filter (where o.${o.total} <> (select sum((l->>'qty')::bigint * (l->>'unit_price')::bigint) from jsonb_array_elements(o.${o.lines}) l))::int as bad_total,
        count(*) filter (where jsonb_array_length(o.${o.lines}) not between 1 and 3)::int as bad_lines,
        count(*) filter (where (o.${o.paid_at} is not null) <> (o.${o.status} in ('paid', 'received')))::int as bad_paid,
        count(*) filter (where c.created_at > o.created_at)::int as before_customer,
        count(*) filter (where o.${o.campaign} is distinct from c.${cu.campaign})::int as campaign_mismatch,
        count(distinct o.${o.status})::int as statuses,
        (count(distinct o.${o.order_no}) = count(*)) as unique_no
      from ${o.t} o join ${cu.t} c on c.id = o.${o.customer}`)).toEqual({ bad_total: 0, bad_lines: 0, bad_paid: 0, before_customer: 0, campaign_mismatch: 0, statuses: 4, unique_no: true });
    expect(num((await one(h(), `select count(*) filter (where ${o.status} in ('paid', 'received')) * 1.0 / count(*) as paid from ${o.t}`)).paid)).toBeGreaterThan(0.85);

    // Customers: unique phones and codes; referral chains acyclic, at most 8 deep, ≥ 3 somewhere; referrers signed up first.
    expect(await one(h(), `select (count(distinct ${cu.phone}) = count(*)) as phones, (count(distinct ${cu.referral_code}) = count(*)) as codes,
        count(*) filter (where ${cu.referral_code} !~ '^[A-HJ-NP-Z2-9]{6}$')::int as bad_codes, count(*) filter (where ${cu.is_promoter})::int > 0 as promoters
      from ${cu.t}`)).toEqual({ phones: true, codes: true, bad_codes: 0, promoters: true });
    const chains = await one(h(), `with recursive up(id, anc, depth, path, cycle) as (
        select id, ${cu.referrer}, 0, array[id], false from ${cu.t}
        union all
        select up.id, c.${cu.referrer}, up.depth + 1, up.path || c.id, c.id = any(up.path)
        from up join ${cu.t} c on c.id = up.anc where not up.cycle and up.depth < 50)
      select max(depth)::int as depth, count(*) filter (where cycle)::int as cycles from up`);
    expect(chains.cycles).toBe(0);
    expect(chains.depth).toBeGreaterThanOrEqual(3);
    expect(chains.depth).toBeLessThanOrEqual(8);
    expect(num((await one(h(), `select count(*) as n from ${cu.t} c join ${cu.t} r on r.id = c.${cu.referrer} where r.created_at >= c.created_at or c.${cu.bound_at} is null`)).n)).toBe(0);

    // Ledger: one level-1 (10%) and level-2 (5%) entry per paid order with a referrer, on the lines without an activity, floored to the fen.
    const ledger = await one(h(), `with o as (
        select o.id, c.${cu.referrer} as r1, p.${cu.referrer} as r2,
          (select coalesce(sum((l->>'qty')::bigint * (l->>'unit_price')::bigint), 0) from jsonb_array_elements(o.${o.lines}) l where l->>'activity' = 'none') as base
        from ${o.t} o join ${cu.t} c on c.id = o.${o.customer} left join ${cu.t} p on p.id = c.${cu.referrer}
        where o.${o.status} in ('paid', 'received')),
      e as (select id, lvl, ben, base, floor(base * rate / 100) as amount from o cross join lateral (values (1, r1, 10), (2, r2, 5)) v(lvl, ben, rate) where ben is not null and floor(base * rate / 100) > 0),
      l as (select * from ${lg.t} where ${lg.kind} = 'commission')
      select (select count(*) from e)::int as expected,
        count(*) filter (where l.id is null or e.id is null or l.${lg.amount} <> e.amount or l.${lg.beneficiary} <> e.ben or l.${lg.base} <> e.base)::int as mismatched
      from e full join l on l.${lg.order} = e.id and l.${lg.level} = e.lvl`);
    expect(ledger.expected).toBeGreaterThan(N * 0.2);
    expect(ledger.mismatched).toBe(0);
    expect(await one(h(), `select count(*)::int as n,
        count(*) filter (where -r.${lg.amount} > e.${lg.amount} or r.${lg.amount} >= 0 or r.${lg.beneficiary} <> e.${lg.beneficiary} or r.${lg.order} <> e.${lg.order} or f.${rf.order} <> r.${lg.order})::int as bad
      from ${lg.t} r join ${lg.t} e on e.id = r.${lg.reverses} join ${rf.t} f on f.id = r.${lg.refund} where r.${lg.kind} = 'reversal'`)).toMatchObject({ bad: 0 });
    expect(num((await one(h(), `select count(*) as n from ${lg.t} where ${lg.kind} = 'reversal'`)).n)).toBeGreaterThan(0);
    expect(await one(h(), `select count(*) filter (where f.${rf.amount} > o.${o.total} or f.${rf.amount} < 1 or o.${o.status} not in ('paid', 'received'))::int as bad from ${rf.t} f join ${o.t} o on o.id = f.${rf.order}`)).toEqual({ bad: 0 });
    expect(await one(h(), `select count(distinct ${lg.entry_key}) = count(*) as unique_keys, count(distinct ${lg.state})::int >= 2 as states from ${lg.t}`)).toEqual({ unique_keys: true, states: true });
    expect(num((await one(h(), `select count(distinct ${ld.assigned_to}) as n from ${ld.t}`)).n)).toBeGreaterThanOrEqual(15);

    await validThroughApi(h(), 'ref_a', ['campaigns', 'products', 'customers', 'orders', 'refunds', 'commission_ledger', 'leads', 'sales_reps']);

    // Determinism: a second install at the same scale and anchor holds the same rows.
    await installTemplate(ctx, 'referral-marketing', { app: 'ref_b', demoData: true, userId: null });
    await generateScaleData(ctx, 'ref_b', 'referral-marketing', N, { anchor: ANCHOR });
    const [fa, fb] = [await fingerprint(h(), 'ref_a'), await fingerprint(h(), 'ref_b')];
    expect(fa.orders!.n).toBe(N);
    expect(fb).toEqual(fa);
  });

  it('livestream-erp: counts, totals, one intent per phone + code, intent orders priced with the code, deterministic', async () => {
    const ctx = h().ctx;
    await installTemplate(ctx, 'livestream-erp', { app: 'live_a', demoData: true, userId: null });
    const r = await generateScaleData(ctx, 'live_a', 'livestream-erp', N, { anchor: ANCHOR });
    expect(r.rows).toMatchObject({ live_sessions: 1, products: 300, hook_scripts: 3, customers: Math.ceil(N / 3), intents: 5000, orders: N, leads: N / 20 });
    const n = await names(ctx, 'live_a');
    const [ss, hs, cu, it, o, p] = [n('live_sessions'), n('hook_scripts'), n('customers'), n('intents'), n('orders'), n('products')];

    expect(await one(h(), `select
        count(*) filter (where ${o.total} <> (select sum((l->>'qty')::bigint * (l->>'unit_price')::bigint) from jsonb_array_elements(${o.lines}) l))::int as bad_total,
        count(*) filter (where (${o.external_id} is not null) <> (${o.source} in ('douyin', 'channels')))::int as bad_external,
        count(*) filter (where (${o.erp_bill_no} is not null) <> (${o.status} in ('synced', 'shipped', 'delivered')))::int as bad_erp,
        count(*) filter (where (${o.intent} is not null) <> (${o.source} = 'intent'))::int as bad_intent,
        (count(distinct ${o.external_id}) = count(${o.external_id})) as unique_external,
        (count(distinct ${o.order_no}) = count(*)) as unique_no,
        count(*) filter (where ${o.session} is not null and not exists (select 1 from ${ss.t} s where s.${ss.code} = o.${o.session}))::int as unknown_session,
        count(*) filter (where ${o.code} is not null and not exists (select 1 from ${hs.t} x where x.${hs.code} = o.${o.code}))::int as unknown_code
      from ${o.t} o`)).toEqual({ bad_total: 0, bad_external: 0, bad_erp: 0, bad_intent: 0, unique_external: true, unique_no: true, unknown_session: 0, unknown_code: 0 });
    expect(num((await one(h(), `select count(distinct ${o.status}) as n from ${o.t}`)).n)).toBeGreaterThanOrEqual(4);

    // Intents: the de-duplication key (phone, code) holds; codes, channel and session are the session's.
    expect(await one(h(), `select (count(distinct (${it.phone}, ${it.code})) = count(*)) as dedupe,
        count(*) filter (where not exists (select 1 from ${hs.t} x join ${ss.t} s on s.id = x.${hs.session} where x.${hs.code} = i.${it.code} and s.${ss.code} = i.${it.session} and s.${ss.channel} = i.${it.channel}))::int as mismatched
      from ${it.t} i`)).toEqual({ dedupe: true, mismatched: 0 });

    // An order from an intent carries its code, channel, session; one line priced with the code's discount on its own product.
    expect(await one(h(), `select count(*)::int > 0 as some, count(*) filter (where
          o.${o.code} <> i.${it.code} or o.${o.channel} <> i.${it.channel} or o.${o.session} <> i.${it.session}
          or jsonb_array_length(o.${o.lines}) <> 1 or o.${o.lines}->0->>'sku' <> i.${it.sku} or (o.${o.lines}->0->>'qty')::numeric <> i.${it.qty}
          or (o.${o.lines}->0->>'unit_price')::bigint <> case when x.${hs.product} = pr.id then floor(pr.${p.price} * (100 - x.${hs.discount}) / 100) else pr.${p.price} end)::int as bad
      from ${o.t} o join ${it.t} i on i.id = o.${o.intent} join ${hs.t} x on x.${hs.code} = i.${it.code} join ${p.t} pr on pr.${p.sku} = i.${it.sku}`)).toEqual({ some: true, bad: 0 });
    expect(await one(h(), `select (count(distinct ${cu.phone}) = count(*)) as phones from ${cu.t}`)).toEqual({ phones: true });

    await validThroughApi(h(), 'live_a', ['live_sessions', 'products', 'hook_scripts', 'customers', 'intents', 'orders', 'leads']);

    await installTemplate(ctx, 'livestream-erp', { app: 'live_b', demoData: true, userId: null });
    await generateScaleData(ctx, 'live_b', 'livestream-erp', N, { anchor: ANCHOR });
    const [fa, fb] = [await fingerprint(h(), 'live_a'), await fingerprint(h(), 'live_b')];
    expect(fa.orders!.n).toBe(N);
    expect(fb).toEqual(fa);
  });

  it('refuses an app that already holds more than demo data', async () => {
    await expect(generateScaleData(h().ctx, 'ref_a', 'referral-marketing', N, { anchor: ANCHOR })).rejects.toThrow(/already has/);
  });
});
