/**
 * `referral-marketing` at n orders. Every value is a function of its row number (see sql.ts), so
 * the same n (and anchor date) gives the same data, and tables that point at each other are
 * generated from the same formulas instead of being read back (an order's buyer, that buyer's
 * referrer and the referrer's referrer are recomputed where the ledger needs them).
 *
 *   campaigns    50, six channels, cost scaled to n so ROI lands between ~1× and ~8×
 *   products     500 SKUs `SKU-00001…`, five product lines, 5% flash-sale, 5% group-buy, coefficient 1
 *   customers    n/10 in nine "generations" by sign-up order: a customer of generation k (k ≥ 1)
 *                is referred (45%) by one of generation k−1, drawn with a cubic skew so the first
 *                of each generation become super-referrers; chains are acyclic by construction
 *                (the referrer is always an earlier customer) and at most 8 deep
 *   orders       n, growing over the last 24 months before the anchor, bought by 55% of the customers
 *                (40% of orders by someone who just signed up), 1–3 lines, total = Σ qty ×
 *                unit price exactly (flash-sale / group-buy lines at 80%); ~91% paid / received,
 *                pending only in the last 3 days, the rest cancelled; the buyer's acquisition campaign
 *   refunds      ~2.2% of paid orders: 40% the whole order, else one line (half of them in part)
 *   commission_ledger
 *                per paid order with a referrer: level 1 at 10% and level 2 at 5% of the order's
 *                earning basis (lines without an activity), floored to the fen, `frozen` until
 *                paid_at + 7 days, then `paid_out` (70%) or `available`; per refund a negative
 *                `reversal` entry for each of them (the whole amount, or pro rata), keyed and linked
 *                like the refund_reversal rule's
 *   leads        n/20 with region, product interest, status by age, assigned to 20 sales users
 *   sales_reps   the 20 sales users by region
 */
import type { GenContext } from './index.js';
import { arr, at, cycle, DAY, fen, lookup, oneTo, pad, personName, phone, pick, region, series, shortCode, u } from './sql.js';

const CHANNELS = ['wechat', 'douyin', 'offline', 'xiaohongshu', 'kuaishou', 'weibo'];
const CHANNEL_NAMES = ['微信裂变', '抖音投放', '线下门店', '小红书种草', '快手直播', '微博话题'];
const LINES = ['tea', 'teaware', 'snacks', 'gift', 'health'];
const LINE_ITEMS = ['绿茶', '茶具', '茶点', '礼盒', '养生茶'];
const ADJ = ['明前', '特级', '高山', '古树', '手工', '有机', '臻选', '经典', '新品', '限量'];
const REASONS = ['七天无理由退货', '商品破损', '发错货', '质量问题', '不想要了', '重复下单'];

/** Growth over the 24 months: the share x ∈ [0,1) of rows falls at time T0 + SPAN·√x. */
const SPAN = 730 * DAY;
/** Level rates of the demo plan (templates.md defaults). */
const RATES = [10, 5];
/** Customer generations by share of sign-up order (9 generations ⇒ depth ≤ 8). */
const GENERATIONS = [0, 0.05, 0.12, 0.2, 0.3, 0.42, 0.55, 0.7, 0.85, 1];

export async function referralScale(gc: GenContext): Promise<void> {
  const { loader: L, orders: N, anchor: A } = gc;
  const T0 = A - SPAN;
  const M = Math.max(50, Math.ceil(N / 10));
  const P = 500;
  const C = 50;
  const LEADS = Math.max(20, Math.ceil(N / 20));

  const campaigns = await L.table('campaigns');
  const products = await L.table('products');
  const customers = await L.table('customers');
  const orders = await L.table('orders');
  const refunds = await L.table('refunds');
  const ledger = await L.table('commission_ledger');
  const leads = await L.table('leads');
  const reps = L.storage.has('sales_reps') ? await L.table('sales_reps') : null;
  const [KB, CB, OB, RB, LB] = [campaigns.base, customers.base, orders.base, refunds.base, ledger.base];
  const RVB = LB + 2 * N; // reversal ids follow every possible commission id

  // ---------------------------------------------------------------- formulas shared by tables
  const price = (p: string) => `((19 + floor(power(${u(p, 21)}, 2) * 480)) * 100 - 10)::bigint`;
  const activity = (p: string) => `(case when ${u(p, 22)} < 0.05 then 'flash_sale' when ${u(p, 22)} < 0.10 then 'group_buy' else 'none' end)`;
  const sku = (p: string) => `('SKU-' || ${pad(p, 5)})`;
  const productName = (p: string) => `(${pick(ADJ, u(p, 23))} || ${cycle(LINE_ITEMS, p)} || ' #' || ${p})`;

  const B = GENERATIONS.map((f) => Math.round(M * f));
  B[B.length - 1] = M;
  /** Customer index → referrer's index (null: none). */
  const referrer = (c: string) => {
    let whens = '';
    for (let k = 1; k < B.length - 1; k++) {
      const lo = B[k - 1]!;
      const size = B[k]! - lo;
      whens += ` when ${c} <= ${B[k + 1]} then ${size >= 1 ? `${lo} + 1 + floor(${size} * power(${u(c, 32)}, 3))` : 'null'}`;
    }
    return `(case when ${c} is null or ${u(c, 31)} >= 0.45 or ${c} <= ${B[1]} then null${whens} end)::bigint`;
  };
  /** The first 1% of each generation: they get most of the next generation's referrals. */
  const superReferrer = (c: string) => {
    let whens = '';
    for (let k = 0; k < B.length - 1; k++) whens += ` when ${c} <= ${B[k + 1]} then ${c} - ${B[k]} <= ${Math.max(1, Math.round((B[k + 1]! - B[k]!) * 0.01))}`;
    return `(case${whens} else false end)`;
  };
  /** Customer index → acquisition campaign index (60%; the campaign running when they signed up). */
  const campaignOf = (c: string) => `(case when ${u(c, 35)} < 0.6 then 1 + floor((${c} - 1) * ${C}::float8 / ${M}) end)::bigint`;
  const customerRegion = (c: string) => region(c, 36);

  // ---------------------------------------------------------------- campaigns
  await L.load(campaigns, [{
    total: C,
    statement: (a, b) => L.insert(campaigns, [
      ...L.system(campaigns, 'k', at(`${T0} + floor((k - 1) * ${SPAN / C}) - ${10 * DAY}`)),
      ['name', `${cycle(CHANNEL_NAMES, 'k')} || ' · 第 ' || k || ' 期'`],
      ['channel', cycle(CHANNELS, 'k')],
      ['cost', fen(`floor(${N} * (40 + ${u('k', 12)} * 120))`)],
      ['starts_at', at(`${T0} + floor((k - 1) * ${SPAN / C}) - ${10 * DAY}`)],
      ['ends_at', at(`${T0} + floor((k - 1) * ${SPAN / C}) + floor(20 + ${u('k', 11)} * 45) * ${DAY}`)],
    ], series(a, b, 'k')),
  }]);

  // ---------------------------------------------------------------- products
  await L.load(products, [{
    total: P,
    statement: (a, b) => L.insert(products, [
      ...L.system(products, 'p', at(`${T0} - ${30 * DAY} + p * 3600`)),
      ['sku', sku('p')],
      ['name', productName('p')],
      ['price', price('p')],
      ['product_line', cycle(LINES, 'p')],
      ['coefficient', '1'],
      ['activity', activity('p')],
    ], series(a, b, 'p')),
  }]);

  // ---------------------------------------------------------------- customers
  // Customer c signs up before any order that may pick them (orders pick among the first ⌊M·x⌋, or customer 1).
  const custTime = `(${T0} + floor(${SPAN} * sqrt((c - 1 + case when c > 1 then ${u('c', 33)} else 0 end) / ${M}::float8)))`;
  await L.load(customers, [{
    total: M,
    statement: (a, b) => L.insert(customers, [
      ...L.system(customers, 'c', at('t')),
      ['name', personName('c', 100)],
      ['phone', phone('158', 'c')],
      ['referral_code', shortCode('c')],
      ['referrer', `case when r is null then null else ${CB} + r end`],
      ['bound_at', `case when r is null then null else ${at('t')} end`],
      ['is_promoter', `(${u('c', 34)} < 0.2 or ${superReferrer('c')})`],
      ['region', customerRegion('c')],
      ['campaign', `case when k is null then null else ${KB} + k end`],
      ['channel', `case when k is not null then ${cycle(CHANNELS, 'k')} when r is not null then 'referral' else 'organic' end`],
    ], `(select c, ${custTime} as t, ${referrer('c')} as r, ${campaignOf('c')} as k from ${series(a, b, 'c')} offset 0) s`),
  }], {
    // The demo customers drew random codes: redraw (another bijection) any generated code that meets one.
    fixup: async () => {
      const code = customers.col('referral_code');
      const t = `"${customers.table}"`;
      for (let round = 1; round <= 3; round++) {
        await L.query(`update ${t} set "${code}" = ${shortCode(`(id - ${CB})`, 747_796_405 + 2 * round, 12_345 * round)}
          where id > ${CB} and "${code}" in (select "${code}" from ${t} where id <= ${CB})`);
      }
    },
  });

  // ---------------------------------------------------------------- orders (and what refunds / ledger read of them)
  const RECENT = Math.floor(M / 100) + 1;
  /** 11 of every 20 customers ever buy: a customer index → the buyer at or before it in its block of 20. */
  const buyer = (c: string) => `(20 * ((${c} - 1) / 20) + ((${c} - 1) % 20) % 11 + 1)`;
  // Every possible order line (product p × qty 1–4), computed once: its jsonb (a one-element
  // array, so lines concatenate with ||), its amount and its commission basis (0 for lines
  // under a flash-sale / group-buy activity, which earn nothing). Line key k = 4·(p−1) + qty−1.
  const [lk] = await L.query<Record<string, string>>(`select jsonb_agg(jsonb_build_array(jsonb_build_object('sku', ${sku('p')}, 'qty', q, 'unit_price', up, 'activity', act)) order by k)::text as json,
      array_agg(up * q order by k)::text as amount, array_agg(case when act = 'none' then up * q else 0 end order by k)::text as earning
    from (select k, p, q, ${activity('p')} as act, case when ${activity('p')} = 'none' then ${price('p')} else floor(${price('p')} * 0.8)::bigint end as up
          from (select k, k / 4 + 1 as p, k % 4 + 1 as q from generate_series(0, ${P * 4 - 1}) k) x) y`);
  const LK = lookup(lk!);
  /**
   * One row per order g in [a, b] (only those meeting `where`, a condition on g) with everything
   * the orders, refunds and ledger need: time t, customer c, lines (nl, line keys k1–k3, amounts
   * l1–l3, bases e1–e3), total, earning base, status, paid, paid_t, campaign k.
   */
  const orderRows = (a: number, b: number, where = '') => {
    const s1 = `select g, t, maxc, st,
        case when ${u('g', 43)} < 0.6 then 1 when ${u('g', 43)} < 0.9 then 2 else 3 end as nl,
        ${buyer(`case when ${u('g', 42)} < 0.4 then maxc - floor(least(maxc, ${RECENT}) * ${u('g', 46)})::bigint else 1 + floor(maxc * ${u('g', 47)})::bigint end`)} as c,
        ${[1, 2, 3].map((k) => `4 * floor(power(${u(`g * 4 + ${k}`, 51)}, 2) * ${P})::bigint + floor(power(${u(`g * 4 + ${k}`, 61)}, 3) * 4)::bigint as k${k}`).join(', ')}
      from (select g, (${T0} + floor(${SPAN} * sqrt(x)))::bigint as t, greatest(1, floor(${M} * x))::bigint as maxc, ${u('g', 44)} as st
            from (select g, (g - 1 + ${u('g', 41)}) / ${N}::float8 as x from ${series(a, b, 'g')}${where ? ` where ${where}` : ''}) s0) s0b
      offset 0`;
    const s2 = `select s1.*, ${[1, 2, 3].map((k) => `${LK.num('amount', `k${k}`)} as l${k}, ${LK.num('earning', `k${k}`)} as e${k}`).join(', ')}
      from (${s1}) s1 offset 0`;
    return `select s2.*,
        l1 + case when nl >= 2 then l2 else 0 end + case when nl >= 3 then l3 else 0 end as total,
        e1 + case when nl >= 2 then e2 else 0 end + case when nl >= 3 then e3 else 0 end as base,
        case when st < 0.05 then 'cancelled' when st < 0.09 then case when ${A} - t < ${3 * DAY} then 'pending' else 'cancelled' end
             when st >= 0.30 and ${A} - t > ${10 * DAY} then 'received' else 'paid' end as status,
        st >= 0.09 as paid,
        t + 60 + floor(${u('g', 45)} * 1800)::bigint as paid_t,
        ${campaignOf('c')} as k
      from (${s2}) s2 offset 0`;
  };
  /** The row number conditions of a paid order, and of one with a refund (so refunds / reversals skip the rest early). */
  const PAID = `${u('g', 44)} >= 0.09`;
  const REFUNDED = `${PAID} and ${u('g', 48)} < 0.025`;
  /** Orders plus the buyer's referrer (r1) and theirs (r2), and the refund drawn for the order. */
  const orderRefundRows = (a: number, b: number, where: string) => {
    const r = `select o.*, ${referrer('c')} as r1 from (${orderRows(a, b, where)}) o offset 0`;
    const r2 = `select o2.*, ${referrer('r1')} as r2 from (${r}) o2 offset 0`;
    return `select o3.*,
        paid and ${u('g', 48)} < 0.025 as refunded,
        ${u('g', 49)} < 0.4 as whole,
        floor(${u('g', 50)} * nl)::int as li,
        case floor(${u('g', 50)} * nl)::int when 0 then l1 when 1 then l2 else l3 end as line_amount,
        case floor(${u('g', 50)} * nl)::int when 0 then e1 when 1 then e2 else e3 end > 0 as line_earns,
        greatest(paid_t + 3600, least(paid_t + (1 + floor(${u('g', 54)} * 10))::bigint * ${DAY}, ${A - 600}))::bigint as rt
      from (${r2}) o3 offset 0`;
  };
  const refundAmount = `case when whole then total when ${u('g', 51)} < 0.5 then line_amount else greatest(1, floor(line_amount * (0.3 + 0.6 * ${u('g', 52)})))::bigint end`;

  const orderSeq = await L.reserve(orders.sequence('order_no'), N);
  await L.load(orders, [{
    total: N,
    chunk: Math.ceil(gc.chunkRows / 2),
    statement: (a, b) => L.insert(orders, [
      ...L.system(orders, 'g', at('t')),
      ['order_no', `'ORD-' || ${pad(`${orderSeq} + g`, 6)}`],
      ['customer', `${CB} + c`],
      ['lines', `case nl when 1 then ${LK.json('k1')} when 2 then ${LK.json('k1')} || ${LK.json('k2')} else ${LK.json('k1')} || ${LK.json('k2')} || ${LK.json('k3')} end`],
      ['total', 'total'],
      ['status', 'status'],
      ['paid_at', `case when paid then ${at('paid_t')} end`],
      ['campaign', `case when k is null then null else ${KB} + k end`],
    ], `(${orderRows(a, b)}) o`),
  }]);

  // ---------------------------------------------------------------- refunds
  await L.load(refunds, [{
    total: N,
    statement: (a, b) => {
      const t = L.insert(refunds, [
        ...L.system(refunds, 'g', at('rt')),
        ['order', `${OB} + g`],
        ['line', `case when whole then null else li end`],
        ['amount', refundAmount],
        ['reason?', pick(REASONS, u('g', 55))],
      ], `(${orderRefundRows(a, b, REFUNDED)}) o`);
      return `${t}\nwhere refunded`;
    },
  }]);

  // ---------------------------------------------------------------- commission ledger
  const levels = `cross join lateral (values (1, o.r1, ${RATES[0]}), (2, o.r2, ${RATES[1]})) v(lvl, ben, rate)`;
  const entryId = `${LB} + 2 * (g - 1) + lvl`;
  const commission = `(base * rate / 100)`;
  const release = `(paid_t + ${7 * DAY})`;
  const want = `(case when whole then ${commission} else ${commission} * (${refundAmount}) / base end)`;
  const reversalRelease = `greatest(${release}, rt)`;
  await L.load(ledger, [
    {
      total: N,
      statement: (a, b) => `${L.insert(ledger, [
        ...L.system(ledger, `2 * (g - 1) + lvl`, at('paid_t')),
        ['beneficiary', `${CB} + ben`],
        ['order', `${OB} + g`],
        ['level', 'lvl'],
        ['kind', `'commission'`],
        ['amount', commission],
        ['state', `case when ${release} > ${A} then 'frozen' when ${u('g', 53)} < 0.7 then 'paid_out' else 'available' end`],
        ['release_at', at(release)],
        ['plan_version', '1'],
        ['cause', `'order_commissions: ORD-' || ${pad(`${orderSeq} + g`, 6)} || ' L' || lvl || ' ' || rate || '% × ' || base`],
        ['entry_key?', `'order:' || (${OB} + g) || ':L' || lvl || ':commission'`],
        ['base?', 'base'],
        ['rate?', 'rate'],
      ], `(${orderRefundRows(a, b, PAID)}) o ${levels}`)}\nwhere paid and ben is not null and ${commission} > 0`,
    },
    {
      total: N,
      statement: (a, b) => `${L.insert(ledger, [
        ['id', `${RVB} + 2 * (g - 1) + lvl`],
        ['created_at', at('rt')], ['updated_at', at('rt')], ['created_by', 'null'], ['updated_by', 'null'], ['form_version', String(L.version)],
        ['beneficiary', `${CB} + ben`],
        ['order', `${OB} + g`],
        ['level', 'lvl'],
        ['kind', `'reversal'`],
        ['amount', `-${want}`],
        ['state', `case when ${reversalRelease} > ${A} then 'frozen' else 'available' end`],
        ['release_at', at(reversalRelease)],
        ['plan_version', '1'],
        ['cause', `'refund_reversal: refund #' || (${RB} + g) || ' of ORD-' || ${pad(`${orderSeq} + g`, 6)} || case when whole then ' order fully refunded' else ' line ' || li || ' refunded ' || (${refundAmount}) end`],
        ['entry_key?', `'refund:' || (${RB} + g) || ':entry:' || (${entryId})`],
        ['base?', `-(case when whole then base else ${refundAmount} end)`],
        ['rate?', 'rate'],
        ['reverses?', entryId],
        ['refund?', `${RB} + g`],
      ], `(${orderRefundRows(a, b, REFUNDED)}) o ${levels}`)}\nwhere refunded and ben is not null and ${commission} > 0 and (whole or line_earns) and ${want} > 0`,
    },
  ]);

  // ---------------------------------------------------------------- leads
  const users = gc.salesUsers;
  const userPick = users.length ? `(ARRAY[${users.join(',')}]::bigint[])[1 + floor(${u('l', 85)} * ${users.length})::int]` : 'null';
  await L.load(leads, [{
    total: LEADS,
    statement: (a, b) => L.insert(leads, [
      ...L.system(leads, 'l', at('t')),
      ['customer', `case when cu is null then null else ${CB} + cu end`],
      ['region', `case when cu is null then ${region('l', 84)} else ${customerRegion('cu')} end`],
      ['product_interest', productName(oneTo(P, 'l', 87))],
      ['assigned_to', `case when ${u('l', 88)} < 0.85 then ${userPick} end`],
      ['status', 'st'],
      ['first_contact_due', at(`t + ${DAY}`)],
      ['next_followup_due', `case when st in ('new', 'contacted') then ${at(`t + (3 + floor(${u('l', 89)} * 7))::bigint * ${DAY}`)} end`],
    ], `(select l, t, cu, case when ${A} - t < ${2 * DAY} then case when ${u('l', 86)} < 0.7 then 'new' else 'contacted' end
              when ${u('l', 86)} < 0.1 then 'new' when ${u('l', 86)} < 0.4 then 'contacted' when ${u('l', 86)} < 0.7 then 'converted' else 'lost' end as st
         from (select l, (${T0} + floor(${SPAN} * sqrt(x)))::bigint as t,
                 case when ${u('l', 82)} < 0.7 then 1 + floor(greatest(1, floor(${M} * x)) * ${u('l', 83)})::bigint end as cu
               from (select l, (l - 1 + ${u('l', 81)}) / ${LEADS}::float8 as x from ${series(a, b, 'l')}) s0) s1 offset 0) s`),
  }]);

  // ---------------------------------------------------------------- sales reps (who leads go to, by region)
  if (reps && users.length) {
    const cities = [...new Set(gc.cityCodes)];
    await L.load(reps, [{
      total: users.length,
      statement: (a, b) => L.insert(reps, [
        ...L.system(reps, 'i', at(`${T0}`)),
        ['user', `(ARRAY[${users.join(',')}]::bigint[])[i]`],
        ['region', `${arr(cities)}[1 + (i - 1) % ${cities.length}]`],
        ['active?', `i <= ${Math.max(1, users.length - 2)}`],
      ], series(a, b, 'i')),
    }]);
  }
}
