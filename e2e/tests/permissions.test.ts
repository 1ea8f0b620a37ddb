import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { loginApp } from '../support/app-login';
import { shot } from '../support/browser';
import { ADMIN } from '../support/env';
import { browserSession, type Lang } from '../support/session';
import { WAIT_MS, attrIs, textIs } from '../support/studio';

/**
 * Acceptance: an operator works in `/app` under a published per-app role. The referral
 * template is installed (with its demo data) and, through the API as admin, gets a role
 * `sales_view`: read on `orders` limited to paid ones (`status = 'paid'`) with the order total
 * hidden, and read + update + export on `leads` with the lead status read-only. An operator is
 * made a member of that role. Signed in to `/app` they see only orders and leads (forms page and
 * the header's forms menu); the orders list shows only the paid orders, without a total column,
 * a "new" or delete buttons; the leads list exports as CSV. On a lead the status is disabled,
 * another field is edited and saved, the server refuses a write to the status, and the lead's
 * History tab shows the change with the operator's name. Runs in 简体中文 and English.
 */

interface Pass {
  lang: Lang;
  tag: string;
  app: string;
  operator: { email: string; password: string; name: string };
  ui: { history: string; updated: string; created: string };
}

const PASSES: Pass[] = [
  {
    lang: 'zh-CN',
    tag: 'zh',
    app: 'perm_zh',
    operator: { email: 'sales-zh@e2e.local', password: 'sales-zh-password', name: '赵销售' },
    ui: { history: '历史记录', updated: '修改', created: '创建' },
  },
  {
    lang: 'en',
    tag: 'en',
    app: 'perm_en',
    operator: { email: 'sales-en@e2e.local', password: 'sales-en-password', name: 'Sam Sales' },
    ui: { history: 'History', updated: 'Updated', created: 'Created' },
  },
];

const ROLE = 'sales_view';
const salesView = {
  formatVersion: 1,
  key: ROLE,
  name: { 'zh-CN': '销售查看', en: 'Sales view' },
  forms: {
    orders: { read: true, where: "status = 'paid'", fields: { total: 'hidden' } },
    leads: { read: true, update: true, export: true, fields: { status: 'readonly' } },
  },
};

interface Row {
  id: number;
  [key: string]: unknown;
}
interface HistoryItem {
  id: number;
  action: string;
  actor: { kind: string; id: number | null; name: string | null };
  changes: { field: string; before: unknown; after: unknown }[];
}

const baseUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(baseUrl);

/** Signs in through the API and returns the bearer token (for a raw call whose refusal is checked). */
async function tokenOf(email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** The ids behind the test ids `<prefix><id>` on the page, in page order. */
async function idsOf(page: Page, prefix: string): Promise<number[]> {
  return page.locator(`[data-testid^="${prefix}"]`).evaluateAll(
    (els, p) => els.map((el) => el.getAttribute('data-testid')!.slice(p.length)).filter((s) => /^\d+$/.test(s)).map(Number),
    prefix,
  );
}

/** The keys behind the test ids `<prefix><key>` on the page, sorted. */
async function keysOf(page: Page, prefix: string): Promise<string[]> {
  const keys = await page.locator(`[data-testid^="${prefix}"]`).evaluateAll((els, p) => els.map((el) => el.getAttribute('data-testid')!.slice(p.length)), prefix);
  return keys.sort();
}

describe.each(PASSES)('permissions: a role limits what an operator sees and edits in /app [$lang]', (pass) => {
  const step = steps(`permissions-${pass.tag}`);
  const records = (form: string) => `/api/apps/${pass.app}/forms/${form}/records`;
  let admin: Api;
  let operatorApi: Api;
  let operatorId = 0;
  let paid: number[] = [];
  let pending = 0;
  let lead = 0;
  let session: { context: BrowserContext; page: Page };
  const interest = { before: pass.lang === 'en' ? 'Green tea' : '龙井茶', after: pass.lang === 'en' ? 'Green tea, 2 boxes' : '龙井茶 两盒' };

  beforeAll(async () => {
    admin = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    await admin.call('POST', '/api/templates/referral-marketing/install', { app: pass.app, demoData: true }, 201);

    // sales_view is the only role operators hold here: template roles that every operator holds
    // automatically would widen what this test expects them to see.
    const drafts = await admin.call<{ items: { key: string; definition: { assign?: { roles?: string[] } } }[] }>('GET', `/api/apps/${pass.app}/roles`);
    for (const d of drafts.items) if (d.definition.assign?.roles?.includes('operator')) await admin.call('DELETE', `/api/apps/${pass.app}/roles/${d.key}`);
    await admin.call('PUT', `/api/apps/${pass.app}/roles/${ROLE}`, salesView);
    await admin.call('POST', `/api/apps/${pass.app}/publish`);

    const op = pass.operator;
    operatorId = (await admin.call<{ id: number }>('POST', '/api/users', { email: op.email, password: op.password, role: 'operator', displayName: op.name }, 201)).id;
    await admin.call('PUT', `/api/apps/${pass.app}/members`, { userId: operatorId, roles: [ROLE] });
    operatorApi = await Api.login(baseUrl, op.email, op.password);

    // Three orders of a demo customer: two paid, one still pending.
    const customers = await admin.call<{ items: Row[] }>('GET', `${records('customers')}?limit=1&sort=id`);
    const customer = customers.items[0].id;
    const order = async (sku: string, price: number) =>
      (await admin.call<Row>('POST', records('orders'), { customer, lines: [{ sku, qty: 1, unit_price: price }] }, 201)).id;
    const o1 = await order('TEA-001', 29900);
    const o2 = await order('TEA-002', 19900);
    pending = await order('CUP-001', 9900);
    for (const id of [o1, o2]) await admin.call('PATCH', `${records('orders')}/${id}`, { status: 'paid' });
    paid = [o2, o1];

    lead = (await admin.call<Row>('POST', records('leads'), { product_interest: interest.before, status: 'new' }, 201)).id;
    session = await freshPage(pass.lang);
  });
  afterAll(async () => {
    await session?.context.close();
  });

  step('the operator signs in and sees only the forms the role lets them read', async () => {
    const { page } = session;
    await loginApp(page, pass.operator.email, pass.operator.password, pass.lang);
    await page.getByTestId(`app-${pass.app}`).click();
    await page.getByTestId('form-orders').waitFor();
    expect(await keysOf(page, 'form-')).toEqual(['leads', 'orders']);

    // The header's forms menu lists the same two.
    await page.getByTestId('nav-forms').click();
    await page.getByTestId('nav-form-orders').waitFor();
    expect(await keysOf(page, 'nav-form-')).toEqual(['leads', 'orders']);
    // No dashboard: the role opens no report.
    expect(await page.getByTestId('nav-dashboards').count()).toBe(0);
    await shot(page, `permissions-${pass.tag}-01-forms`);
    await page.getByTestId('nav-form-orders').click();
  });

  step('orders: only the paid ones, no total column, no new / delete / export', async () => {
    const { page } = session;
    await page.getByTestId('records-table').waitFor();
    await expect.poll(() => idsOf(page, 'record-row-'), { timeout: WAIT_MS }).toEqual(paid);
    expect(await page.getByTestId(`record-row-${pending}`).count()).toBe(0);
    await page.getByTestId(`cell-${paid[0]}-status`).waitFor();
    expect(await page.getByTestId('sort-total').count()).toBe(0);
    expect(await page.getByTestId(`cell-${paid[0]}-total`).count()).toBe(0);
    expect(await page.getByTestId('sort-status').count()).toBe(1);

    expect(await page.getByTestId('records-new').count()).toBe(0);
    expect(await page.getByTestId('records-export').count()).toBe(0);
    expect(await page.locator('[data-testid^="record-delete-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="record-edit-"]').count()).toBe(0);
    await page.getByTestId(`record-view-${paid[0]}`).waitFor();

    // The server agrees: the pending order is out of reach and the total is not sent.
    const seen = await operatorApi.call<{ items: Row[] }>('GET', records('orders'));
    expect(seen.items.map((r) => r.id).sort()).toEqual([...paid].sort());
    expect(seen.items.every((r) => !('total' in r))).toBe(true);
    await shot(page, `permissions-${pass.tag}-02-orders`);
  });

  step('leads: editable and exportable, but no new or delete', async () => {
    const { page } = session;
    await page.goto(`/app/${pass.app}/leads`);
    await page.getByTestId(`record-row-${lead}`).waitFor();
    expect(await page.getByTestId('records-new').count()).toBe(0);
    expect(await page.getByTestId(`record-delete-${lead}`).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), page.getByTestId('records-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(csv).toContain(interest.before);
    await page.getByTestId(`record-edit-${lead}`).click();
  });

  step("a lead's status is read-only; another field is edited and saved", async () => {
    const { page } = session;
    await page.getByTestId('field-product_interest').waitFor();
    expect(await page.getByTestId('field-status').isDisabled()).toBe(true);
    expect(await page.getByTestId('field-status').inputValue()).toBe('new');
    await page.getByTestId('field-product_interest').fill(interest.after);
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `${records('leads')}/${lead}`);
    await page.getByTestId('form-submit').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('flash').waitFor();

    const stored = await admin.call<Row>('GET', `${records('leads')}/${lead}`);
    expect(stored).toMatchObject({ product_interest: interest.after, status: 'new' });

    // Writing the read-only status through the API is refused (outside the browser).
    const token = await tokenOf(pass.operator.email, pass.operator.password);
    const res = await fetch(`${baseUrl}${records('leads')}/${lead}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ status: 'lost' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FIELD_READ_ONLY');
    expect((await admin.call<Row>('GET', `${records('leads')}/${lead}`)).status).toBe('new');
  });

  step("the lead's History tab shows the change with the operator's name", async () => {
    const { page } = session;
    await page.goto(`/app/${pass.app}/leads/${lead}`);
    await textIs(page.getByTestId('record-tab-history'), pass.ui.history);
    await page.getByTestId('record-tab-history').click();
    await page.getByTestId('record-history').waitFor();
    await attrIs(page.getByTestId('record-tab-history'), 'data-active', 'true');

    // Newest first: the operator's update, then the admin's creation.
    const items = page.locator('[data-testid^="history-item-"]');
    await expect.poll(() => items.count(), { timeout: WAIT_MS }).toBeGreaterThanOrEqual(2);
    const ids = await idsOf(page, 'history-item-');
    const [update] = ids;
    await attrIs(page.getByTestId(`history-item-${update}`), 'data-action', 'update');
    await textIs(page.getByTestId(`history-action-${update}`), pass.ui.updated);
    await textIs(page.getByTestId(`history-actor-${update}`), pass.operator.name);
    expect(((await page.getByTestId(`history-when-${update}`).textContent()) ?? '').trim()).not.toBe('');
    await textIs(page.getByTestId(`history-before-${update}-product_interest`), interest.before);
    await textIs(page.getByTestId(`history-after-${update}-product_interest`), interest.after);
    // The refused status write changed nothing.
    expect(await page.getByTestId(`history-change-${update}-status`).count()).toBe(0);
    await attrIs(page.getByTestId(`history-item-${ids[ids.length - 1]}`), 'data-action', 'create');
    await textIs(page.getByTestId(`history-action-${ids[ids.length - 1]}`), pass.ui.created);
    await shot(page, `permissions-${pass.tag}-03-history`);

    // The API answers the same history.
    const { items: api } = await admin.call<{ items: HistoryItem[] }>('GET', `${records('leads')}/${lead}/history`);
    const change = api.find((i) => i.id === update);
    expect(change).toMatchObject({ action: 'record.update', actor: { kind: 'user', id: operatorId } });
    expect(change?.changes).toContainEqual({ field: 'product_interest', before: interest.before, after: interest.after });
  });
});
