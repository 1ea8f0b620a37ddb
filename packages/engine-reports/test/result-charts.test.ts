import { describe, expect, it } from 'vitest';
import { buildResult, compileReport, OTHERS_KEY, toCsv, type ReportDefinition } from '../src/index.js';
import { catalogs, NOW, readReport, type ReportFixture } from './fixtures.js';

const fx = (name: string) => readReport<ReportFixture>(`valid-${name}.json`);

/** Rows as node-postgres returns them: bigint and numeric as strings. */
const ROWS: Record<string, Record<string, unknown>[]> = {
  'gmv-by-month': [
    { month: '2024-01-01', gmv: '1234550', orders: '42' },
    { month: '2024-02-01', gmv: '998800', orders: '37' },
    { month: '2024-03-01', gmv: null, orders: '0' },
  ],
  'orders-by-status': [
    { status: 'paid', orders: '120' },
    { status: 'cancelled', orders: '8' },
    { status: null, orders: '1' },
  ],
  'promoters-by-province': [
    { province: '440000', buyers: '31', avg_total: '15999.5' },
    { province: '110000', buyers: '12', avg_total: '8800' },
  ],
  'gmv-by-campaign-top': [
    { campaign: '7', campaign__label: '618 大促', gmv: '5000000', avg_order: '25000.0', buyers: '150', received: '90', gmv_share: '0.5', kiln__others: false },
    { campaign: '3', campaign__label: 'Spring', gmv: '3000000', avg_order: '20000', buyers: '120', received: '60', gmv_share: '0.3', kiln__others: false },
    { campaign: null, campaign__label: null, gmv: '1000000', avg_order: '10000', buyers: '80', received: '40', gmv_share: '0.1', kiln__others: false },
    { campaign: null, campaign__label: null, gmv: '1000000', avg_order: '5000', buyers: null, received: '20', gmv_share: '0.1', kiln__others: true },
  ],
  'campaign-roi': [
    { channel: 'douyin', cost: '500000', gmv: '2000000', roi: '3.0000000000000000' },
    { channel: '=HYPERLINK("http://x")', cost: '100000', gmv: '50000', roi: '-0.5' },
  ],
  'aov-kpi': [{ aov: '23456.789' }],
  'lines-by-sku': [
    { sku: 'SKU-1', activity: 'flash_sale', qty: '12', amount: '119880', orders: '9', max_price: '9990' },
    { sku: 'SKU-2, "big"', activity: 'group_buy', qty: '3', amount: '30000', orders: '3', max_price: '10000' },
  ],
  'referral-tree': [
    { id: '42', parent: null, depth: 0, label: '王芳', gmv: '100000', customers: '1' },
    { id: '50', parent: '42', depth: 1, label: '李雷', gmv: '50000', customers: '1' },
    { id: '51', parent: '42', depth: 1, label: 'Han Meimei', gmv: '0', customers: '1' },
    { id: '60', parent: '50', depth: 2, label: null, gmv: '12345', customers: '1' },
  ],
  'commission-pivot': [
    { kind: 'commission', quarter: '2024-01-01', amount: '150000', entries: '30' },
    { kind: 'commission', quarter: '2024-04-01', amount: '90000', entries: '12' },
    { kind: 'team', quarter: '2024-04-01', amount: '20000', entries: '2' },
  ],
  'weekly-status-stacked': [
    { week: '2024-05-06', status: 'paid', gmv: '100000' },
    { week: '2024-05-06', status: 'received', gmv: '50000' },
    { week: '2024-05-13', status: 'paid', gmv: '70000' },
  ],
  'new-customers-running': [
    { day: '2024-05-18', new: '5', total: '5', first_seen: '2024-05-18T01:02:03Z' },
    { day: '2024-05-19', new: '7', total: '12', first_seen: '2024-05-19T00:00:09Z' },
  ],
  'hook-conversion': [
    { code: 'A8', intents: '300' },
    { code: 'B2', intents: '120' },
  ],
  'live-session-cost': [{ channel: 'douyin', viewers: '10000', cost: '500000', cpm: '50000', per_viewer: '50' }],
};

const PREVIOUS: Record<string, Record<string, unknown>[]> = { 'aov-kpi': [{ aov: '20000' }] };

describe('buildResult + chartOption per visual', () => {
  for (const [name, rows] of Object.entries(ROWS)) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${name} (${locale})`, () => {
        const f = fx(name);
        const catalog = catalogs[f.catalog]!;
        const compiled = compileReport(f.definition, catalog, { now: NOW, ...(f.params ? { params: f.params } : {}), ...(f.drill ? { drill: f.drill } : {}), locale });
        const result = buildResult(f.definition, compiled, rows, PREVIOUS[name], { catalog, locale });
        expect(JSON.parse(JSON.stringify(result))).toEqual(result); // JSON only: no functions, no Dates
        expect(result).toMatchSnapshot();
      });
    }
  }
});

describe('buildResult details', () => {
  const f = fx('gmv-by-campaign-top');
  const catalog = catalogs.referral!;
  const compiled = compileReport(f.definition, catalog, { now: NOW });
  const result = buildResult(f.definition, compiled, ROWS['gmv-by-campaign-top']!, undefined, { catalog, locale: 'zh-CN' });

  it('coerces pg strings to numbers and keeps money in fen in rows', () => {
    expect(result.rows[0]).toMatchObject({ campaign: 7, campaign__label: '618 大促', gmv: 5000000, buyers: 150, gmv_share: 0.5 });
  });
  it('keys the others row with OTHERS_KEY and labels it', () => {
    expect(result.rows[3]).toMatchObject({ campaign: OTHERS_KEY, campaign__label: '其他', buyers: null });
    expect(result.rows[2]).toMatchObject({ campaign: null, campaign__label: '（空）' });
    expect(Object.keys(result.rows[3]!)).not.toContain('kiln__others');
  });
  it('charts money in yuan and names the unit', () => {
    const series = (result.chart.series as { name: string; data: unknown[] }[])[0]!;
    expect(series.name).toBe('订单金额 合计 (元)');
    expect(series.data[0]).toBe(50000);
  });
  it('charts percent as 0–100 on its own axis', () => {
    const series = result.chart.series as { name: string; data: unknown[]; yAxisIndex: number }[];
    const share = series.find((s) => s.name.endsWith('(%)'))!;
    expect(share.data[1]).toBe(30);
    expect(share.yAxisIndex).toBe(1);
  });
  it('marks a cut result as truncated', () => {
    const def: ReportDefinition = { ...f.definition, limit: 2, topN: undefined };
    const c = compileReport(def, catalog, { now: NOW });
    expect(c.main.parameters.at(-1)).toBe(3);
    const r = buildResult(def, c, ROWS['gmv-by-campaign-top']!.slice(0, 3), undefined, { catalog, locale: 'en' });
    expect(r.rows).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });
  it('gives tree levels and nests children', () => {
    const t = fx('referral-tree');
    const c = compileReport(t.definition, catalog, { now: NOW, params: t.params });
    const r = buildResult(t.definition, c, ROWS['referral-tree']!, undefined, { catalog, locale: 'zh-CN' });
    expect(r.levels).toEqual([{ depth: 0, count: 1 }, { depth: 1, count: 2 }, { depth: 2, count: 1 }]);
    const root = (r.chart.series as { data: { name: string; value: number; children: { children: unknown[] }[] }[] }[])[0]!.data[0]!;
    expect(root).toMatchObject({ name: '王芳', value: 1000 });
    expect(root.children[0]!.children).toHaveLength(1);
  });
  it('exports CSV', () => {
    expect(toCsv(result, 'zh-CN')).toMatchSnapshot();
  });
});
