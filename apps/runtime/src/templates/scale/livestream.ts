/**
 * `livestream-erp` at n orders (see referral.ts for the approach: every value a function of its
 * row number, related rows recomputed from the same formulas).
 *
 *   live_sessions  n/2000 over the last 24 months (growing), douyin 60% / channels 30% / other,
 *                  20k–1M viewers (skewed), traffic cost 0.2–1 yuan per viewer
 *   products       300 SKUs `LS-0001…` with stock
 *   hook_scripts   three codes per session (`LIVE10001`, `LIVE10002`, …, announced one after the
 *                  other), each on a product with a 5–30% discount
 *   customers      n/3 (phones 188…), imported from the ERP in the month before the period
 *   intents        ≈ 2.5 n, in blocks per session during its first three hours (one hour per code):
 *                  the code, the session's channel, the session's code (`LS00001`) as the `session`
 *                  link parameter, mostly the code's product; one per phone + code (the form's
 *                  de-duplication key holds: the viewers of a session are distinct); a viewer is a
 *                  customer (same phone, name, region) — at small scales also prospects (189…)
 *   orders         n: 60% from an intent (one line, the code's discount on its product, the intent's
 *                  code / channel / session, `intent` set, same customer), 25% Douyin shop and 15%
 *                  Channels shop orders (1–3 lines at list price, a unique `external_id`, 40% with a
 *                  code of the running session); status by age: recent ones still in review / ERP
 *                  sync / shipping, older ones delivered, ~4% cancelled, ~2% rejected
 *   leads          n/20, assigned to 20 sales users
 */
import type { GenContext } from './index.js';
import { at, cycle, DAY, fen, lookup, oneTo, pad, personName, phone, pick, region, series, u } from './sql.js';

const SPAN = 730 * DAY;
const HOSTS = ['小茶', '阿杰', '李佳', '薇薇', '老王', '明明', '小鹿', '大橙子', '安安', '张老师'];
const THEMES = ['春茶上新专场', '宠粉福利夜', '工厂直供', '限时秒杀', '新品首发', '周年庆', '会员日', '源头好货'];
const ADJ = ['明前', '特级', '高山', '古树', '手工', '有机', '臻选', '经典'];
const ITEMS = ['龙井', '白茶饼', '普洱', '红茶', '茶具套装', '保温杯', '茶点礼盒', '花茶'];

export async function livestreamScale(gc: GenContext): Promise<void> {
  const { loader: L, orders: N, anchor: A } = gc;
  const T0 = A - SPAN;
  const S = Math.max(1, Math.ceil(N / 2000));
  const K = Math.ceil((2.5 * N) / S); // intents per session
  const I = S * K;
  const P = 300;
  const H = 3 * S;
  const C = Math.max(50, Math.ceil(N / 3));
  const V = Math.max(C, K + 1); // viewers: the first C are the customers
  const LEADS = Math.max(20, Math.ceil(N / 20));

  const sessions = await L.table('live_sessions');
  const products = await L.table('products');
  const hooks = await L.table('hook_scripts');
  const customers = await L.table('customers');
  const intents = await L.table('intents');
  const orders = await L.table('orders');
  const leads = await L.table('leads');
  const [SB, PB, CB, IB, OB] = [sessions.base, products.base, customers.base, intents.base, orders.base];

  // ---------------------------------------------------------------- shared formulas
  const sessionStart = (s: string) => `((floor((${T0} + ${SPAN} * sqrt((${s} - 1 + ${u(s, 101)}) / ${S}::float8)) / 3600) * 3600)::bigint)`;
  const channel = (s: string) => `(case when ${u(s, 102)} < 0.6 then 'douyin' when ${u(s, 102)} < 0.9 then 'channels' else 'other' end)`;
  const price = (p: string) => `((29 + floor(power(${u(p, 111)}, 2) * 570)) * 100 - 10)::bigint`;
  const sku = (p: string) => `('LS-' || ${pad(p, 4)})`;
  const productName = (p: string) => `(${pick(ADJ, u(p, 113))} || ${cycle(ITEMS, p)} || ' #' || ${p})`;
  const hookProduct = (h: string) => `(1 + floor(power(${u(h, 121)}, 1.5) * ${P}))::bigint`;
  const discount = (h: string) => `(5 * (1 + floor(${u(h, 122)} * 6)))::int`;
  // Codes grow with the session (10000 + h keeps them the same length), so the code index is built from nearly sorted rows.
  const code = (h: string) => `('LIVE' || (10000 + ${h}))`;
  /** The session's link parameter (`live_sessions.code`; orders and intents carry it as `session`). */
  const sessionCode = (s: string) => `('LS' || ${pad(s, 5)})`;

  // ---------------------------------------------------------------- live sessions
  await L.load(sessions, [{
    total: S,
    statement: (a, b) => L.insert(sessions, [
      ...L.system(sessions, 's', at(`${sessionStart('s')} - ${DAY}`)),
      ['code?', sessionCode('s')],
      ['title?', `${pick(HOSTS, u('s', 103))} || ' · ' || ${pick(THEMES, u('s', 104))} || ' #' || s`],
      ['channel', channel('s')],
      ['host', pick(HOSTS, u('s', 103))],
      ['starts_at', at(sessionStart('s'))],
      ['viewers', 'viewers'],
      ['cost', fen(`viewers * (20 + floor(${u('s', 106)} * 80))`)],
    ], `(select s, (20000 + floor(1000000 * power(${u('s', 105)}, 2)))::bigint as viewers from ${series(a, b, 's')}) x`),
  }]);

  // ---------------------------------------------------------------- products
  await L.load(products, [{
    total: P,
    statement: (a, b) => L.insert(products, [
      ...L.system(products, 'p', at(`${T0} - ${30 * DAY} + p * 3600`)),
      ['sku', sku('p')],
      ['name', productName('p')],
      ['price', price('p')],
      ['stock', `floor(${u('p', 112)} * 5000)::int`],
      ['reserved', '0'],
      ['erp_material', `'MAT-' || (30000 + p)`],
    ], series(a, b, 'p')),
  }]);

  // ---------------------------------------------------------------- hook scripts: three codes per session
  await L.load(hooks, [{
    total: H,
    statement: (a, b) => L.insert(hooks, [
      ...L.system(hooks, 'h', at(`${sessionStart('((h - 1) / 3 + 1)')} - ${DAY}`)),
      ['code', code('h')],
      ['session', `${SB} + (h - 1) / 3 + 1`],
      ['script', `'直播间口令 ' || ${code('h')} || '，' || ${productName(hookProduct('h'))} || ' 立减 ' || ${discount('h')} || '%，只限今晚！'`],
      ['product', `${PB} + ${hookProduct('h')}`],
      ['discount', discount('h')],
    ], series(a, b, 'h')),
  }]);

  // ---------------------------------------------------------------- customers
  await L.load(customers, [{
    total: C,
    statement: (a, b) => L.insert(customers, [
      // Imported from the ERP in the month before the period (orders and intents pick any of them).
      ...L.system(customers, 'c', at(`${T0} - floor(${u('c', 205)} * ${30 * DAY})`)),
      ['name', personName('c', 200)],
      ['phone', phone('188', 'c')],
      ['region', region('c', 201)],
      ['credit_limit', `case when ${u('c', 202)} < 0.1 then ((1000 + floor(${u('c', 203)} * 49000)) * 100)::bigint end`],
      ['erp_customer', `case when ${u('c', 204)} < 0.3 then 'CUST-' || ${pad('c', 7)} end`],
    ], series(a, b, 'c')),
  }]);

  // ---------------------------------------------------------------- intents
  /** Rows of `from` (a relation aliased z with an intent number i) plus the intent's session s, rank j in the session, code h, viewer v (0-based), product pi, qty, time it. */
  const intentRows = (from: string) => `select x.*, 3 * (s - 1) + 1 + (3 * j) / ${K} as h, (s * 7919 + j) % ${V} as v,
      case when ${u('i', 131)} < 0.8 then ${hookProduct(`(3 * (s - 1) + 1 + (3 * j) / ${K})`)} else ${oneTo(P, 'i', 132)} end as pi,
      (1 + floor(power(${u('i', 133)}, 3) * 3))::int as qty,
      ${sessionStart('s')} + (j * 10800) / ${K} + floor(${u('i', 134)} * 60)::bigint as it
    from (select z.*, (z.i - 1) / ${K} + 1 as s, (z.i - 1) % ${K} as j from ${from}) x offset 0`;
  await L.load(intents, [{
    total: I,
    statement: (a, b) => L.insert(intents, [
      ...L.system(intents, 'i', at('it')),
      ['name', personName('(v + 1)', 200)],
      ['phone', `case when v < ${C} then ${phone('188', '(v + 1)')} else ${phone('189', '(v + 1)')} end`],
      ['sku', sku('pi')],
      ['qty', 'qty'],
      ['region', region('(v + 1)', 201)],
      ['code', code('h')],
      ['channel', channel('s')],
      ['session', sessionCode('s')],
    ], `(${intentRows(series(a, b, 'as z(i)'))}) n`),
  }]);

  // ---------------------------------------------------------------- orders
  const orderSeq = await L.reserve(orders.sequence('order_no'), N);
  // Every possible order line, computed once (see referral.ts): product p × qty 1–3 × discount
  // 5·d % (d = 0 … 6: a hook script's discount on its own product), key k = 21·(p−1) + 7·(q−1) + d;
  // the unit price is money.pct(price, 100 − discount), as the intake rule prices it.
  const [lk] = await L.query<Record<string, string>>(`select jsonb_agg(jsonb_build_array(jsonb_build_object('sku', ${sku('p')}, 'qty', q, 'unit_price', up)) order by k)::text as json,
      array_agg(up * q order by k)::text as amount
    from (select k, p, q, (${price('p')} * (100 - 5 * d)) / 100 as up
          from (select k, k / 21 + 1 as p, (k % 21) / 7 + 1 as q, k % 7 as d from generate_series(0, ${P * 21 - 1}) k) x) y`);
  const LK = lookup(lk!);
  const lineKey = (p: string, q: string, d: string) => `(21 * (${p} - 1) + 7 * (${q} - 1) + ${d})`;
  const orderRows = (a: number, b: number) => {
    const o1 = `select g, ((g - 1) * ${I}) / ${N} + 1 as i,
        case when ${u('g', 141)} < 0.6 then 'intent' when ${u('g', 141)} < 0.85 then 'douyin' else 'channels' end as src,
        case when ${u('g', 147)} < 0.6 then 1 when ${u('g', 147)} < 0.9 then 2 else 3 end as nl0,
        ${[1, 2, 3].map((k) => `${lineKey(`(1 + floor(power(${u(`g * 4 + ${k}`, 151)}, 2) * ${P}))::bigint`, `(1 + floor(power(${u(`g * 4 + ${k}`, 152)}, 3) * 3))::bigint`, '0')} as pk${k}`).join(', ')}
      from ${series(a, b, 'g')}`;
    const o2 = intentRows(`(${o1}) z`);
    const o3 = `select o2.*,
        src = 'intent' as from_intent,
        case when src = 'intent' then 1 else nl0 end as nl,
        case when src = 'intent' then ${lineKey('pi', 'qty', `case when pi = ${hookProduct('h')} then ${discount('h')} / 5 else 0 end`)} else pk1 end as k1,
        it + 60 + floor(${u('g', 142)} * 600)::bigint as t,
        case when src = 'intent' and v < ${C} then v + 1 else 1 + floor(${C} * ${u('g', 143)})::bigint end as c,
        case when src = 'intent' then h when ${u('g', 144)} < 0.4 then 3 * (s - 1) + 1 + floor(${u('g', 145)} * 3)::bigint end as ch,
        ${u('g', 146)} as st
      from (${o2}) o2 offset 0`;
    return `select o3.*, ${LK.num('amount', 'k1')} + case when nl >= 2 then ${LK.num('amount', 'pk2')} else 0 end + case when nl >= 3 then ${LK.num('amount', 'pk3')} else 0 end as total,
        case when st < 0.04 then 'cancelled' when st < 0.06 then 'rejected'
             when ${A} - t < ${DAY} then case when st < 0.4 then 'pending_review' when st < 0.6 then 'approved' when st < 0.8 then 'synced' else 'shipped' end
             when ${A} - t < ${4 * DAY} then case when st < 0.1 then 'synced' when st < 0.6 then 'shipped' else 'delivered' end
             when st < 0.065 then 'pending_review' else 'delivered' end as status
      from (${o3}) o3`;
  };
  await L.load(orders, [{
    total: N,
    chunk: Math.ceil(gc.chunkRows / 2),
    statement: (a, b) => L.insert(orders, [
      ...L.system(orders, 'g', at('t')),
      ['order_no', `'LV-' || ${pad(`${orderSeq} + g`, 6)}`],
      ['customer', `${CB} + c`],
      ['lines', `case nl when 1 then ${LK.json('k1')} when 2 then ${LK.json('k1')} || ${LK.json('pk2')} else ${LK.json('k1')} || ${LK.json('pk2')} || ${LK.json('pk3')} end`],
      ['total', 'total'],
      ['code', `case when ch is null then null else ${code('ch')} end`],
      ['channel', `case when from_intent then ${channel('s')} else src end`],
      ['session?', sessionCode('s')],
      ['intent?', `case when from_intent then ${IB} + i end`],
      ['status', 'status'],
      ['stock_reserved?', `status in ('approved', 'synced', 'shipped')`],
      ['erp_bill_no', `case when status in ('synced', 'shipped', 'delivered') then 'XSDD' || ${pad(`${OB} + g`, 10)} end`],
      ['source', 'src'],
      ['external_id', `case src when 'douyin' then (6900000000000000000 + g)::text when 'channels' then '3705' || ${pad('g', 15)} end`],
    ], `(${orderRows(a, b)}) o`),
  }]);

  // ---------------------------------------------------------------- leads
  const users = gc.salesUsers;
  const userPick = users.length ? `(ARRAY[${users.join(',')}]::bigint[])[1 + floor(${u('l', 215)} * ${users.length})::int]` : 'null';
  await L.load(leads, [{
    total: LEADS,
    statement: (a, b) => L.insert(leads, [
      ...L.system(leads, 'l', at('t')),
      ['customer', `case when cu is null then null else ${CB} + cu end`],
      ['region', `case when cu is null then ${region('l', 214)} else ${region('cu', 201)} end`],
      ['product_interest', productName(oneTo(P, 'l', 217))],
      ['assigned_to', `case when ${u('l', 218)} < 0.85 then ${userPick} end`],
      ['status', 'st'],
      ['first_contact_due', at(`t + ${DAY}`)],
      ['next_followup_due', `case when st in ('new', 'contacted') then ${at(`t + (3 + floor(${u('l', 219)} * 7))::bigint * ${DAY}`)} end`],
    ], `(select l, t, cu, case when ${A} - t < ${2 * DAY} then case when ${u('l', 216)} < 0.7 then 'new' else 'contacted' end
              when ${u('l', 216)} < 0.1 then 'new' when ${u('l', 216)} < 0.4 then 'contacted' when ${u('l', 216)} < 0.7 then 'converted' else 'lost' end as st
         from (select l, (${T0} + floor(${SPAN} * sqrt((l - 1 + ${u('l', 211)}) / ${LEADS}::float8)))::bigint as t,
                 case when ${u('l', 212)} < 0.7 then ${oneTo(C, 'l', 213)} end as cu
               from ${series(a, b, 'l')}) s1 offset 0) s`),
  }]);
}
