import { describe, expect, it } from 'vitest';
import { datasetFields, validateDashboard, type DashboardDefinition, type ReportDefinition } from '../src/index.js';
import { catalogs, readReport, type ReportFixture } from './fixtures.js';

const reports: Record<string, ReportDefinition> = {
  gmv_by_month: readReport<ReportFixture>('valid-gmv-by-month.json').definition,
  campaign_roi: readReport<ReportFixture>('valid-campaign-roi.json').definition,
};
const dashboard: DashboardDefinition = {
  key: 'sales', name: { 'zh-CN': '销售看板', en: 'Sales' },
  items: [{ id: 'a', report: 'gmv_by_month', x: 0, y: 0, w: 8, h: 4 }, { id: 'b', report: 'campaign_roi', x: 8, y: 0, w: 4, h: 4 }],
  filters: [{ param: 'range', label: '期间', type: 'date_range', default: 'this_month' }],
  refreshSeconds: 60,
};

describe('validateDashboard', () => {
  it('accepts a valid dashboard', () => {
    expect(validateDashboard(dashboard, { reports })).toEqual([]);
  });
  it('finds unknown reports, bad grid positions, duplicate items, filters no report declares, bad refresh', () => {
    const bad = {
      ...dashboard,
      items: [...dashboard.items, { id: 'a', report: 'ghost', x: 10, y: -1, w: 4, h: 0 }],
      filters: [{ param: 'range', label: 'x', type: 'select', options: [] }, { param: 'channel', label: 'c', type: 'text' }, { param: 'roi_mode', label: 'm', type: 'choice', options: [{ value: 'net', label: 'n' }], default: 'both' }],
      refreshSeconds: 2,
    };
    const got = validateDashboard(bad, { reports, locale: 'en' }).map(({ code, path }) => `${code} ${path}`);
    expect(got).toEqual([
      'REPORT_ID_DUPLICATE /items/2/id',
      'REPORT_NOT_FOUND /items/2/report',
      'REPORT_DASHBOARD_INVALID /items/2/y',
      'REPORT_DASHBOARD_INVALID /items/2/h',
      'REPORT_DASHBOARD_INVALID /items/2/w',
      'REPORT_DASHBOARD_INVALID /filters/0/type',
      'REPORT_DASHBOARD_INVALID /filters/0/options',
      'REPORT_PARAM_UNKNOWN /filters/1/param',
      'REPORT_PARAM_INVALID /filters/2/default',
      'REPORT_DASHBOARD_INVALID /refreshSeconds',
    ]);
  });
  it('refuses what is not a dashboard', () => {
    expect(validateDashboard('x', { reports })).toEqual([expect.objectContaining({ code: 'REPORT_DASHBOARD_INVALID', path: '' })]);
  });
});

describe('datasetFields (studio palette)', () => {
  const forms = catalogs.referral!.forms as never;
  it('lists base, system, relation-hop, unnested and computed paths with localized labels', () => {
    const fields = datasetFields(forms, { form: 'orders', unnest: 'lines', columns: [{ id: 'line_amount', kind: 'expr', label: { 'zh-CN': '行金额', en: 'Line amount' }, expr: 'record.lines.qty * record.lines.unit_price', format: 'money' }] });
    const by = Object.fromEntries(fields.map((f) => [f.path, f]));
    expect(by['status']).toMatchObject({ label: '状态', type: 'select', valueType: 'select', canGroup: true, aggregates: ['count', 'count_distinct'] });
    expect(by['total']).toMatchObject({ type: 'formula', valueType: 'money', aggregates: ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'] });
    expect(by['paid_at']).toMatchObject({ canBucket: true, aggregates: ['count', 'count_distinct', 'min', 'max'] });
    expect(by['customer.region']).toMatchObject({ label: '客户 › 地区', valueType: 'region', canLevel: true });
    expect(by['customer.referrer.name']).toMatchObject({ label: '客户 › 推荐人 › 姓名' });
    expect(by['customer.referrer.referrer.name']).toBeUndefined();
    expect(by['customer.interests']).toMatchObject({ canGroup: false, aggregates: [] });
    expect(by['createdAt']).toMatchObject({ valueType: 'datetime', canBucket: true });
    expect(by['lines.qty']).toMatchObject({ label: '订单明细 › 数量', valueType: 'number' });
    expect(by['$line_amount']).toMatchObject({ type: 'expr', valueType: 'money', label: '行金额' });
    expect(by['lines']).toBeUndefined();
  });
  it('speaks English', () => {
    const fields = datasetFields(forms, { form: 'orders' }, 'en');
    expect(fields.find((f) => f.path === 'customer.region')!.label).toBe('Customer › Region');
    expect(fields.some((f) => f.path.startsWith('lines.'))).toBe(false);
  });
  it('an unknown form has no fields', () => {
    expect(datasetFields(forms, { form: 'ghost' })).toEqual([]);
  });
});
