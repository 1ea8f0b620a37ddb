import { beforeAll, expect, it } from 'vitest';
import { describeBackends, type Harness } from './helpers/harness.js';
import { t } from './fixtures.js';
import { adminReq, setClock } from './helpers/referral.js';

/*
 * A small shop whose figures are computed by hand below. Times are UTC; reports bucket in
 * Asia/Shanghai (UTC+8), so o4 paid 2026-02-28T20:00Z lands on 1 March.
 *
 * campaigns: c1 Spring (wechat, cost ¥1000), c2 Summer (douyin, cost ¥500)
 * customers: A 440305 c1 promoter · B ref A 440106 c1 · C ref B 110105 c2 · D ref A 440305 c2 · E 310115 c2
 * orders:    o1 A c1 paid     2026-01-10  S1×2 @100   = 200.00
 *            o2 B c1 paid     2026-01-20  S1×1 @100 + S2×3 @50 = 250.00
 *            o3 C c2 received 2026-02-05  S2×2 @50    = 100.00
 *            o4 D c2 paid     2026-02-28T20:00Z (1 Mar local)  S3×1 @300 = 300.00
 *            o5 E c2 pending  —           S1×1 @100   = 100.00
 *            o6 C c1 cancelled —          S2×1 @50    =  50.00
 */
const sel = (pairs: [string, string][]) => pairs.map(([value, en]) => ({ value, label: t(en, en) }));
const forms = [
  { formatVersion: 1, key: 'campaigns', title: t('活动', 'Campaigns'), fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('名称', 'Name'), required: true },
    { id: 'f_channel', key: 'channel', type: 'text', label: t('渠道', 'Channel') },
    { id: 'f_cost', key: 'cost', type: 'money', label: t('成本', 'Cost') },
  ] },
  { formatVersion: 1, key: 'customers', title: t('客户', 'Customers'), fields: [
    { id: 'f_name', key: 'name', type: 'text', label: t('姓名', 'Name'), required: true },
    { id: 'f_referrer', key: 'referrer', type: 'relation', target: 'customers', display: 'name', label: t('推荐人', 'Referrer') },
    { id: 'f_region', key: 'region', type: 'region', level: 'district', label: t('地区', 'Region') },
    { id: 'f_campaign', key: 'campaign', type: 'relation', target: 'campaigns', display: 'name', label: t('活动', 'Campaign') },
    { id: 'f_promoter', key: 'is_promoter', type: 'boolean', label: t('推广员', 'Promoter'), default: false },
  ] },
  { formatVersion: 1, key: 'orders', title: t('订单', 'Orders'), fields: [
    { id: 'f_customer', key: 'customer', type: 'relation', target: 'customers', display: 'name', label: t('客户', 'Customer'), required: true },
    { id: 'f_campaign', key: 'campaign', type: 'relation', target: 'campaigns', display: 'name', label: t('活动', 'Campaign') },
    { id: 'f_lines', key: 'lines', type: 'subtable', label: t('明细', 'Lines'), fields: [
      { id: 'f_sku', key: 'sku', type: 'text', label: t('SKU', 'SKU'), required: true },
      { id: 'f_qty', key: 'qty', type: 'number', label: t('数量', 'Qty'), required: true },
      { id: 'f_price', key: 'unit_price', type: 'money', label: t('单价', 'Unit price'), required: true },
    ] },
    { id: 'f_total', key: 'total', type: 'money', label: t('金额', 'Total') },
    { id: 'f_status', key: 'status', type: 'select', label: t('状态', 'Status'), options: sel([['pending', 'Pending'], ['paid', 'Paid'], ['received', 'Received'], ['cancelled', 'Cancelled']]) },
    { id: 'f_paid_at', key: 'paid_at', type: 'datetime', label: t('付款时间', 'Paid at') },
  ] },
];

const paidOnly = { field: 'status', op: 'in', value: ['paid', 'received'] };
const reports: Record<string, object> = {
  by_campaign: {
    key: 'by_campaign', name: t('按活动', 'By campaign'), dataset: { form: 'orders', filters: [paidOnly] },
    dimensions: [{ id: 'campaign', field: 'campaign' }, { id: 'province', field: 'customer.region', level: 'province' }],
    measures: [
      { id: 'orders', agg: 'count', label: t('订单数', 'Orders') },
      { id: 'gmv', agg: 'sum', field: 'total', format: 'money', label: t('成交额', 'GMV') },
      { id: 'aov', agg: 'ratio', num: 'gmv', den: 'orders', format: 'money', label: t('客单价', 'AOV') },
      { id: 'share', agg: 'share', of: 'gmv', format: 'percent' },
    ],
    sort: [{ by: 'gmv', desc: true }], visual: { type: 'bar' }, drill: { path: ['campaign', 'province'], records: true },
  },
  by_month: {
    key: 'by_month', name: t('按月', 'By month'), dataset: { form: 'orders', filters: [paidOnly, { field: 'paid_at', op: 'between', param: 'range' }] },
    dimensions: [{ id: 'month', field: 'paid_at', bucket: 'month' }],
    measures: [{ id: 'gmv', agg: 'sum', field: 'total', format: 'money' }, { id: 'cum', agg: 'running', of: 'gmv', format: 'money' }],
    params: [{ key: 'range', type: 'date_range', label: t('时间', 'Period'), default: 'all' }],
    visual: { type: 'line' },
  },
  by_province: {
    key: 'by_province', name: t('按省', 'By province'), dataset: { form: 'customers' },
    dimensions: [{ id: 'province', field: 'region', level: 'province' }], measures: [{ id: 'n', agg: 'count' }], visual: { type: 'pie' },
  },
  top_customers: {
    key: 'top_customers', name: t('头部客户', 'Top customers'), dataset: { form: 'orders' },
    dimensions: [{ id: 'customer', field: 'customer' }], measures: [{ id: 'gmv', agg: 'sum', field: 'total', format: 'money' }],
    topN: { n: 2, by: 'gmv', others: true }, visual: { type: 'bar' },
  },
  by_sku: {
    key: 'by_sku', name: t('按 SKU', 'By SKU'), dataset: { form: 'orders', unnest: 'lines' },
    dimensions: [{ id: 'sku', field: 'lines.sku' }], measures: [{ id: 'qty', agg: 'sum', field: 'lines.qty' }, { id: 'orders', agg: 'count_distinct', field: 'id' }],
    sort: [{ by: 'sku' }], visual: { type: 'bar' },
  },
  gmv_kpi: {
    key: 'gmv_kpi', name: t('成交额', 'GMV'), dataset: { form: 'orders', filters: [paidOnly, { field: 'paid_at', op: 'between', param: 'range' }] },
    dimensions: [], measures: [{ id: 'gmv', agg: 'sum', field: 'total', format: 'money' }],
    params: [{ key: 'range', type: 'date_range', label: t('时间', 'Period'), default: 'last_30_days' }],
    visual: { type: 'kpi', compare: { param: 'range' } },
  },
  pivot: {
    key: 'pivot', name: t('透视', 'Pivot'), dataset: { form: 'orders' },
    dimensions: [{ id: 'campaign', field: 'campaign' }, { id: 'status', field: 'status' }], measures: [{ id: 'n', agg: 'count' }],
    visual: { type: 'pivot', pivot: { rows: ['campaign'], columns: ['status'] } },
  },
  downline: {
    key: 'downline', name: t('下线', 'Downline'), dataset: { form: 'customers' }, dimensions: [], measures: [{ id: 'n', agg: 'count' }],
    params: [{ key: 'promoter', type: 'relation', form: 'customers', label: t('推广员', 'Promoter'), required: true }],
    visual: { type: 'tree', tree: { parent: 'referrer', label: 'name', root: 'promoter', depth: 3 } },
  },
  converted: {
    key: 'converted', name: t('转化', 'Converted'),
    dataset: {
      form: 'customers', filters: [{ field: 'is_promoter', op: 'eq', value: false }],
      columns: [{ id: 'paid', kind: 'rollup', label: t('付款订单', 'Paid orders'), form: 'orders', via: 'customer', agg: 'count', filters: [paidOnly] }],
    },
    dimensions: [],
    measures: [{ id: 'customers', agg: 'count', hidden: true }, { id: 'converted', agg: 'count', filters: [{ field: '$paid', op: 'gt', value: 0 }], hidden: true }, { id: 'rate', agg: 'ratio', num: 'converted', den: 'customers', format: 'percent' }],
    visual: { type: 'kpi' },
  },
  roi: {
    key: 'roi', name: t('ROI', 'ROI'),
    dataset: { form: 'campaigns', columns: [{ id: 'gmv', kind: 'rollup', label: t('GMV', 'GMV'), form: 'orders', via: 'campaign', agg: 'sum', field: 'total', filters: [paidOnly] }] },
    dimensions: [{ id: 'channel', field: 'channel' }],
    measures: [
      { id: 'cost', agg: 'sum', field: 'cost', format: 'money' }, { id: 'gmv', agg: 'sum', field: '$gmv', format: 'money' },
      { id: 'roi', agg: 'ratio', num: 'gmv', den: 'cost', subtract: true, format: 'percent', when: { param: 'mode', equals: 'net' } },
      { id: 'roi_gross', agg: 'ratio', num: 'gmv', den: 'cost', format: 'percent', when: { param: 'mode', equals: 'gross' } },
    ],
    params: [{ key: 'mode', type: 'choice', label: t('口径', 'Basis'), default: 'net', options: [{ value: 'net', label: t('净', 'Net') }, { value: 'gross', label: t('毛', 'Gross') }] }],
    sort: [{ by: 'channel' }], visual: { type: 'bar' },
  },
};

describeBackends('reports API', (h) => {
  const ids: Record<string, number> = {};
  let total = 0;
  const at = (iso: string) => setClock(h(), iso);
  const req: Harness['req'] = (o) => adminReq(h())(o);
  const create = async (form: string, name: string, payload: object) => {
    const r = await req({ method: 'POST', url: `/api/apps/shop/forms/${form}/records`, payload });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[name] = r.body.id;
  };
  const data = (report: string, query = '') => req({ method: 'GET', url: `/api/apps/shop/reports/${report}/data${query}` });
  const ok = async (report: string, query = '') => {
    const r = await data(report, query);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { columns: { key: string; label: string }[]; rows: Record<string, any>[]; chart: any; previous?: Record<string, any>; drill: { next?: string; records: boolean } };
  };
  const num = (v: unknown) => Number(v);

  beforeAll(async () => {
    const harness = { req };
    await harness.req({ method: 'POST', url: '/api/apps', payload: { key: 'shop', name: t('店铺', 'Shop') } });
    for (const f of forms) expect((await harness.req({ method: 'PUT', url: `/api/apps/shop/forms/${f.key}`, payload: f })).status).toBe(200);
    for (const [key, def] of Object.entries(reports)) expect((await harness.req({ method: 'PUT', url: `/api/apps/shop/reports/${key}`, payload: def })).status).toBe(200);
    const pub = await harness.req({ method: 'POST', url: '/api/apps/shop/publish' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    await create('campaigns', 'c1', { name: 'Spring', channel: 'wechat', cost: 100000 });
    await create('campaigns', 'c2', { name: 'Summer', channel: 'douyin', cost: 50000 });
    const customers: [string, string, Record<string, unknown>][] = [
      ['A', '2026-01-05T02:00:00Z', { region: '440305', campaign: 'c1', is_promoter: true }],
      ['B', '2026-01-15T02:00:00Z', { referrer: 'A', region: '440106', campaign: 'c1' }],
      ['C', '2026-02-03T02:00:00Z', { referrer: 'B', region: '110105', campaign: 'c2' }],
      ['D', '2026-02-10T02:00:00Z', { referrer: 'A', region: '440305', campaign: 'c2' }],
      ['E', '2026-03-02T02:00:00Z', { region: '310115', campaign: 'c2' }],
    ];
    for (const [name, when, v] of customers) {
      await at(when);
      await create('customers', name, { name, ...v, ...(v.referrer ? { referrer: ids[v.referrer as string] } : {}), campaign: ids[v.campaign as string] });
    }
    const line = (sku: string, qty: number, unit_price: number) => ({ sku, qty, unit_price });
    const orders: [string, string, string, string, string | null, ReturnType<typeof line>[]][] = [
      ['o1', 'A', 'c1', 'paid', '2026-01-10T02:00:00Z', [line('S1', 2, 10000)]],
      ['o2', 'B', 'c1', 'paid', '2026-01-20T10:00:00Z', [line('S1', 1, 10000), line('S2', 3, 5000)]],
      ['o3', 'C', 'c2', 'received', '2026-02-05T08:00:00Z', [line('S2', 2, 5000)]],
      ['o4', 'D', 'c2', 'paid', '2026-02-28T20:00:00Z', [line('S3', 1, 30000)]],
      ['o5', 'E', 'c2', 'pending', null, [line('S1', 1, 10000)]],
      ['o6', 'C', 'c1', 'cancelled', null, [line('S2', 1, 5000)]],
    ];
    for (const [name, cust, camp, status, paidAt, lines] of orders) {
      await create('orders', name, { customer: ids[cust], campaign: ids[camp], status, ...(paidAt ? { paid_at: paidAt } : {}), lines, total: lines.reduce((s, l) => s + l.qty * l.unit_price, 0) });
    }
    await at('2026-03-10T04:00:00Z');
    total = (await harness.req({ method: 'GET', url: '/api/apps/shop/forms/orders/records?limit=100' })).body.items.length;
  });

  it('groups by a relation with count, sum, ratio and share; labels come from the related record', async () => {
    const r = await ok('by_campaign');
    expect(r.rows.map((x) => num(x.campaign))).toEqual([ids.c1, ids.c2]);
    const [c1, c2] = r.rows;
    expect([num(c1.orders), num(c1.gmv), num(c1.aov)]).toEqual([2, 45000, 22500]);
    expect([num(c2.orders), num(c2.gmv), num(c2.aov)]).toEqual([2, 40000, 20000]);
    expect(num(c1.share)).toBeCloseTo(45000 / 85000, 6);
    expect(JSON.stringify(r.rows)).toContain('Spring');
    expect(r.drill).toEqual(expect.objectContaining({ next: 'province', records: false }));
    expect(r.chart.series?.length).toBeGreaterThan(0);
    // money reaches ECharts in yuan
    expect(JSON.stringify(r.chart.series)).toContain('450');
  });

  it('drills from a campaign to provinces and to the underlying records', async () => {
    const drill = (v: unknown) => `?_drill=${encodeURIComponent(JSON.stringify([{ dimension: 'campaign', value: v }]))}`;
    const c2 = await ok('by_campaign', drill(ids.c2));
    expect(c2.drill).toEqual(expect.objectContaining({ dimension: 'province', records: true }));
    const byProvince = Object.fromEntries(c2.rows.map((x) => [String(x.province), [num(x.orders), num(x.gmv)]]));
    expect(byProvince).toEqual({ '110000': [1, 10000], '440000': [1, 30000] });
    const c1 = await ok('by_campaign', drill(ids.c1));
    expect(c1.rows.map((x) => [String(x.province), num(x.gmv)])).toEqual([['440000', 45000]]);
    const recs = await req({ method: 'GET', url: `/api/apps/shop/reports/by_campaign/records${drill(ids.c2)}` });
    expect(recs.status, JSON.stringify(recs.body)).toBe(200);
    expect(recs.body.form).toBe('orders');
    expect(recs.body.items.map((x: { id: number }) => x.id)).toEqual([ids.o4, ids.o3]);
    const page = await req({ method: 'GET', url: `/api/apps/shop/reports/by_campaign/records${drill(ids.c2)}&limit=1` });
    expect(page.body.items.map((x: { id: number }) => x.id)).toEqual([ids.o4]);
    const next = await req({ method: 'GET', url: `/api/apps/shop/reports/by_campaign/records${drill(ids.c2)}&limit=1&cursor=${page.body.nextCursor}` });
    expect(next.body.items.map((x: { id: number }) => x.id)).toEqual([ids.o3]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('buckets time in the report time zone and keeps a running total; a date range filters', async () => {
    const r = await ok('by_month');
    expect(r.rows.map((x) => [String(x.month).slice(0, 10), num(x.gmv), num(x.cum)])).toEqual([
      ['2026-01-01', 45000, 45000], ['2026-02-01', 10000, 55000], ['2026-03-01', 30000, 85000],
    ]);
    const feb = await ok('by_month', '?range=2026-02-01..2026-02-28');
    expect(feb.rows.map((x) => [String(x.month).slice(0, 10), num(x.gmv)])).toEqual([['2026-02-01', 10000]]);
  });

  it('groups regions at the province level', async () => {
    const r = await ok('by_province');
    const counts = Object.fromEntries(r.rows.map((x) => [String(x.province), num(x.n)]));
    expect(counts).toEqual({ '440000': 3, '110000': 1, '310000': 1 });
    expect(r.chart.series[0].type).toBe('pie');
  });

  it('keeps the top N and sums the rest into "others"', async () => {
    const r = await ok('top_customers');
    expect(r.rows.map((x) => num(x.gmv))).toEqual([30000, 25000, 45000]);
    expect(num(r.rows[0].customer)).toBe(ids.D);
    expect(num(r.rows[1].customer)).toBe(ids.B);
  });

  it('reads sub-table lines as rows', async () => {
    const r = await ok('by_sku');
    expect(r.rows.map((x) => [x.sku, num(x.qty), num(x.orders)])).toEqual([['S1', 4, 3], ['S2', 6, 3], ['S3', 1, 1]]);
  });

  it('compares a KPI with the previous period of the same length', async () => {
    const r = await ok('gmv_kpi', '?range=2026-02-01..2026-02-28');
    expect(num(r.rows[0].gmv)).toBe(10000);
    expect(num(r.previous?.gmv)).toBe(45000);
    expect(r.chart).toBeTruthy();
  });

  it('pivots two dimensions', async () => {
    const r = await ok('pivot');
    const cells = Object.fromEntries(r.rows.map((x) => [`${num(x.campaign) === ids.c1 ? 'c1' : 'c2'}:${x.status}`, num(x.n)]));
    expect(cells).toEqual({ 'c1:paid': 2, 'c1:cancelled': 1, 'c2:received': 1, 'c2:paid': 1, 'c2:pending': 1 });
  });

  it('draws a promoter\'s downline tree', async () => {
    const r = await ok('downline', `?promoter=${ids.A}`);
    const depth = Object.fromEntries(r.rows.map((x) => [String(x.label ?? x.name), num(x.depth)]));
    expect(depth).toEqual(expect.objectContaining({ B: 1, D: 1, C: 2 }));
    expect(depth.E).toBeUndefined();
    expect(r.chart.series[0].type).toBe('tree');
    const missing = await data('downline');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('REPORT_PARAM_INVALID');
  });

  it('aggregates related records through a rollup column and switches measures by a choice parameter', async () => {
    const net = await ok('roi');
    expect(net.rows.map((x) => [x.channel, num(x.cost), num(x.gmv)])).toEqual([['douyin', 50000, 40000], ['wechat', 100000, 45000]]);
    expect(num(net.rows[0].roi)).toBeCloseTo(-0.2, 6);
    expect(num(net.rows[1].roi)).toBeCloseTo(-0.55, 6);
    expect(net.columns.map((c) => c.key)).not.toContain('roi_gross');
    const gross = await ok('roi', '?mode=gross');
    expect(num(gross.rows[0].roi_gross)).toBeCloseTo(0.8, 6);
    expect(gross.columns.map((c) => c.key)).not.toContain('roi');
    expect((await data('roi', '?mode=both')).status).toBe(400);
  });

  it('restricts a rollup column to the filtered dataset rows and keeps the figures', async () => {
    // B, C, D and E are not promoters; B, C and D have a paid order.
    const r = await ok('converted');
    expect(num(r.rows[0].rate)).toBeCloseTo(3 / 4, 6);
  });

  it('exports CSV with labels, yuan and a BOM', async () => {
    const r = await req({ method: 'GET', url: '/api/apps/shop/reports/by_campaign/csv', headers: { 'accept-language': 'en' } });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/csv');
    expect(String(r.headers['content-disposition'])).toContain('by_campaign.csv');
    const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('GMV');
    expect(text).toContain('450.00');
    expect(text).toContain('Spring');
  });

  it('refuses injection through field keys, sort, parameters and drill values, and binds filter values', async () => {
    const preview = (definition: object, params?: object) => req({ method: 'POST', url: '/api/apps/shop/reports/_preview', payload: { definition, params } });
    const base = reports.by_campaign as Record<string, unknown>;
    const badField = await preview({ ...base, dimensions: [{ id: 'x', field: 'status; drop table users; --' }] });
    expect(badField.status).toBe(422);
    const quoted = await preview({ ...base, dimensions: [{ id: 'x', field: '"f_status"' }] });
    expect(quoted.status).toBe(422);
    const badSort = await preview({ ...base, sort: [{ by: 'gmv desc; drop table users' }] });
    expect(badSort.status).toBe(422);
    const bound = await preview({ ...base, dataset: { form: 'orders', filters: [{ field: 'customer.name', op: 'eq', value: "A' or '1'='1" }] } });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    expect(bound.body.rows).toEqual([]);
    const badParam = await data('by_month', `?range=${encodeURIComponent("2026-01-01..2026-01-31'; drop table users; --")}`);
    expect(badParam.status).toBeGreaterThanOrEqual(400);
    expect(badParam.status).toBeLessThan(500);
    const badChoice = await data('roi', `?mode=${encodeURIComponent("net' --")}`);
    expect(badChoice.status).toBe(400);
    const badDrill = await data('by_campaign', `?_drill=${encodeURIComponent(JSON.stringify([{ dimension: 'campaign', value: '1 or 1=1' }]))}`);
    expect(badDrill.status).toBeGreaterThanOrEqual(400);
    expect(badDrill.status).toBeLessThan(500);
    const unknownDim = await data('by_campaign', `?_drill=${encodeURIComponent(JSON.stringify([{ dimension: 'f_status', value: 1 }]))}`);
    expect(unknownDim.status).toBeGreaterThanOrEqual(400);
    expect(unknownDim.status).toBeLessThan(500);
    const notJson = await data('by_campaign', '?_drill=%5B');
    expect(notJson.status).toBe(400);
    // nothing was harmed
    const after = await req({ method: 'GET', url: '/api/apps/shop/forms/orders/records?limit=100' });
    expect(after.body.items.length).toBe(total);
    expect((await req({ method: 'GET', url: '/api/apps/shop' })).status).toBe(200);
  });

  it('refuses to publish a report with problems, pointing at them', async () => {
    const bad = { ...(reports.by_sku as object), key: 'broken', dimensions: [{ id: 'sku', field: 'lines.nope' }] };
    expect((await req({ method: 'PUT', url: '/api/apps/shop/reports/broken', payload: bad })).status).toBe(200);
    const r = await req({ method: 'POST', url: '/api/apps/shop/publish' });
    expect(r.status).toBe(422);
    const p = r.body.error.details.problems.find((x: { kind: string }) => x.kind === 'reports');
    expect(p).toEqual(expect.objectContaining({ key: 'broken', path: '/dimensions/0/field' }));
    await req({ method: 'DELETE', url: '/api/apps/shop/reports/broken' });
    expect((await data('nope')).status).toBe(404);
  });
}, { testClock: true });
