import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { loginApp } from '../support/app-login';
import { clickGroup, chooseDrill, drillPath, drillRecordIds, exportCsv, openDashboard } from '../support/dashboards';
import { ADMIN } from '../support/env';
import { browserSession, type Lang } from '../support/session';
import { WAIT_MS, attrIs, clickUntil, fillStudioLogin, pointerDrag } from '../support/studio';

/**
 * Acceptance: a builder makes a bar chart (orders' total by campaign, drilling to status and then
 * to the orders) and a pivot (campaign × status) in the studio's report designer by dragging
 * fields into the wells, puts both on a dashboard and publishes. In `/app` the dashboard shows,
 * a bar is drilled down to the status level and then to the orders behind it, and a report is
 * exported as CSV. The app, its forms and its records are set up through the API. Runs in 简体中文 and English.
 */

interface Pass {
  lang: Lang;
  app: string;
  ui: { signIn: string; paid: string };
}

const PASSES: Pass[] = [
  { lang: 'zh-CN', app: 'reports_zh', ui: { signIn: '登录', paid: '已付款' } },
  { lang: 'en', app: 'reports_en', ui: { signIn: 'Sign in', paid: 'Paid' } },
];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const CAMPAIGNS = {
  formatVersion: 1, key: 'campaigns', title: t('活动', 'Campaigns'),
  fields: [{ id: 'f_name', key: 'name', type: 'text', label: t('名称', 'Name'), required: true }],
};
const ORDERS = {
  formatVersion: 1, key: 'orders', title: t('订单', 'Orders'),
  fields: [
    { id: 'f_campaign', key: 'campaign', type: 'relation', target: 'campaigns', display: 'name', label: t('活动', 'Campaign') },
    { id: 'f_total', key: 'total', type: 'money', label: t('金额', 'Total') },
    { id: 'f_status', key: 'status', type: 'select', label: t('状态', 'Status'), options: [{ value: 'pending', label: t('待付款', 'Pending') }, { value: 'paid', label: t('已付款', 'Paid') }] },
  ],
};

const baseUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(baseUrl);

describe.each(PASSES)('report designer → dashboard → drill-down and CSV in /app [$lang]', (pass) => {
  const step = steps(`reports-${pass.lang === 'en' ? 'en' : 'zh'}`);
  let s: { context: BrowserContext; page: Page };
  let api: Api;
  const orders: Record<string, number> = {};
  const id = (testId: string) => s.page.getByTestId(testId);

  beforeAll(async () => {
    api = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    await api.call('POST', '/api/apps', { key: pass.app, name: t('报表演示', 'Reports demo') }, 201);
    await api.call('PUT', `/api/apps/${pass.app}/forms/campaigns`, CAMPAIGNS);
    await api.call('PUT', `/api/apps/${pass.app}/forms/orders`, ORDERS);
    await api.call('POST', `/api/apps/${pass.app}/publish`);
    const spring = (await api.call<{ id: number }>('POST', `/api/apps/${pass.app}/forms/campaigns/records`, { name: 'Spring' }, 201)).id;
    const summer = (await api.call<{ id: number }>('POST', `/api/apps/${pass.app}/forms/campaigns/records`, { name: 'Summer' }, 201)).id;
    const order = async (name: string, campaign: number, total: number, status: string) => {
      orders[name] = (await api.call<{ id: number }>('POST', `/api/apps/${pass.app}/forms/orders/records`, { campaign, total, status }, 201)).id;
    };
    await order('springPaid', spring, 20000, 'paid');
    await order('springPending', spring, 10000, 'pending');
    await order('summerPaid', summer, 30000, 'paid');
    s = await freshPage(pass.lang);
  });
  afterAll(async () => {
    await s?.context.close();
  });

  /** Creates a report on `orders` from the app page and waits for its designer. */
  async function createReport(key: string): Promise<void> {
    await id('report-create').click();
    await id('report-key').fill(key);
    await id('report-create-name-zh').fill(`报表 ${key}`);
    await id('report-create-name-en').fill(`Report ${key}`);
    await id('report-create-form').selectOption('orders');
    await id('report-create-submit').click();
    await id('report-editor').waitFor({ timeout: WAIT_MS });
    await id('palette-field-campaign').waitFor({ timeout: WAIT_MS });
  }

  const drag = (field: string, well: string) => pointerDrag(s.page, id(`palette-field-${field}`), id(`well-${well}`));
  const previewRows = async (rows: string) => {
    await attrIs(id('report-preview'), 'data-state', 'ok');
    await attrIs(id('report-preview'), 'data-rows', rows);
  };
  const save = async () => {
    await id('report-save').click();
    await attrIs(id('report-result'), 'data-state', 'saved');
  };

  step('builds a bar chart by dragging campaign and total into the wells, with a drill path', async () => {
    await fillStudioLogin(s.page, pass.lang, pass.ui.signIn, ADMIN);
    await id('login-submit').click();
    await id(`app-card-${pass.app}`).click();
    await id('reports-panel').waitFor();
    await createReport('sales');
    await drag('campaign', 'dimensions');
    await id('chip-campaign').waitFor();
    await drag('total', 'measures');
    await id('chip-total_sum').waitFor();
    await clickUntil(id('visual-bar'), 'aria-pressed', 'true');
    await attrIs(id('report-visual'), 'data-type', 'bar');
    await previewRows('2');
    // Status is a second level: campaign → status → the orders.
    await drag('status', 'dimensions');
    await id('chip-status').waitFor();
    await clickUntil(id('report-tab-report'), 'aria-selected', 'true');
    await id('drill-add').selectOption('campaign');
    await id('drill-add').selectOption('status');
    await id('drill-records').check();
    await previewRows('2');
    await save();
    const draft = await api.call<{ definition?: any } & Record<string, any>>('GET', `/api/apps/${pass.app}/reports/sales`);
    const def = draft.definition ?? draft;
    expect(def.dataset.form).toBe('orders');
    expect(def.dimensions.map((d: { field: string }) => d.field)).toEqual(['campaign', 'status']);
    expect(def.measures[0]).toEqual(expect.objectContaining({ agg: 'sum', field: 'total' }));
    expect(def.drill).toEqual(expect.objectContaining({ path: ['campaign', 'status'], records: true }));
  });

  step('builds a pivot of campaign × status', async () => {
    await id('report-back').click();
    await id('reports-panel').waitFor();
    await createReport('matrix');
    await drag('campaign', 'dimensions');
    await id('chip-campaign').waitFor();
    await drag('status', 'dimensions');
    await id('chip-status').waitFor();
    await drag('total', 'measures');
    await id('chip-total_sum').waitFor();
    await clickUntil(id('visual-pivot'), 'aria-pressed', 'true');
    await id('well-pivot-columns').waitFor();
    await pointerDrag(s.page, id('chip-status'), id('well-pivot-columns'));
    await attrIs(id('well-pivot-columns'), 'data-count', '1');
    await attrIs(id('report-preview'), 'data-state', 'ok');
    await id('report-preview-view').waitFor();
    await save();
    const draft = await api.call<{ definition?: any } & Record<string, any>>('GET', `/api/apps/${pass.app}/reports/matrix`);
    const def = draft.definition ?? draft;
    expect(def.visual).toEqual({ type: 'pivot', pivot: { rows: ['campaign'], columns: ['status'] } });
  });

  step('puts both reports on a dashboard and publishes', async () => {
    await id('report-back').click();
    await id('dashboard-create').click();
    await id('dashboard-key').fill('board');
    await id('dashboard-create-name-zh').fill('销售看板');
    await id('dashboard-create-name-en').fill('Sales board');
    await id('dashboard-create-submit').click();
    await id('dashboard-editor').waitFor({ timeout: WAIT_MS });
    await id('dashboard-add-sales').click();
    await id('dashboard-add-matrix').click();
    await attrIs(id('dashboard-grid'), 'data-count', '2');
    await attrIs(id('dashboard-item-item_sales'), 'data-state', 'ok');
    await id('dashboard-publish').click();
    await attrIs(id('dashboard-result'), 'data-state', 'published');
    const app = await api.call<{ dashboards: Record<string, { items: { id: string; report: string }[] }> }>('GET', `/api/apps/${pass.app}`);
    expect(app.dashboards.board.items.map((i) => i.report).sort()).toEqual(['matrix', 'sales']);
  });

  step('opens the dashboard in /app, drills from a bar to its statuses and to the orders', async () => {
    const page = s.page;
    await loginApp(page, ADMIN.email, ADMIN.password, pass.lang);
    await openDashboard(page, baseUrl, pass.app, 'board');
    await id('report-view-item_matrix').waitFor();
    await expect.poll(async () => (await id('report-view-item_matrix').textContent()) ?? '', { timeout: WAIT_MS }).toContain('Summer');
    await clickGroup(page, 'item_sales', 'Spring');
    await expect.poll(() => drillPath(page, 'item_sales'), { timeout: WAIT_MS }).toContain('Spring');
    await clickGroup(page, 'item_sales', pass.ui.paid);
    // The last level either asks (menu) or opens the records at once: wait for one of them.
    const records = page.getByTestId('drill-menu-records');
    await records.or(page.getByTestId('drill-records')).first().waitFor({ timeout: WAIT_MS });
    if (await records.isVisible()) await chooseDrill(page, 'records');
    await expect.poll(() => drillRecordIds(page), { timeout: WAIT_MS }).toEqual([orders.springPaid]);
    await id('drill-records-close').click();
  });

  step('exports a report as CSV', async () => {
    const { name, text } = await exportCsv(s.page, 'item_matrix');
    expect(name).toBe('matrix.csv');
    expect(text).toContain('Spring');
    expect(text).toContain('Summer');
    expect(text).toContain('200.00');
    expect(text).toContain('300.00');
  });
});
