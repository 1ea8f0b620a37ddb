import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { shot } from '../support/browser';
import { ADMIN } from '../support/env';
import { browserSession, type Lang } from '../support/session';
import { WAIT_MS, attrIs, fillStudioLogin, textIs } from '../support/studio';

/**
 * Acceptance: roles and "view as" in the studio, on the installed referral template. An admin
 * narrows the template's `staff` role to the group `staff` (so plain operators no longer hold it),
 * creates a role `auditor` that reads `orders` under the row policy `status = 'paid'` — typing
 * `statuz` first and seeing the inline problem, then fixing it — hides the `total` field,
 * publishes, and makes an operator a member of it. "View as" that operator shows their access
 * (orders readable, total hidden, customers not) and their orders: exactly the paid ones, without
 * the total column. The audit search then finds the membership change with its before / after.
 * Runs once with the UI in 简体中文 and once in English.
 */

interface Pass {
  lang: Lang;
  app: string;
  viewer: { email: string; name: string };
  ui: { signIn: string; tabViewAs: string; note: string; published: RegExp };
}

const PASSES: Pass[] = [
  {
    lang: 'zh-CN',
    app: 'roles_zh',
    viewer: { email: 'viewer-zh@e2e.local', name: '审计员小赵' },
    ui: { signIn: '登录', tabViewAs: '以用户身份查看', note: '此预览使用已发布的角色：发布后才能预览改动。', published: /^已发布版本 \d+$/ },
  },
  {
    lang: 'en',
    app: 'roles_en',
    viewer: { email: 'viewer-en@e2e.local', name: 'Vera Viewer' },
    ui: { signIn: 'Sign in', tabViewAs: 'View as user', note: 'This preview uses the published roles: publish to preview changes.', published: /^Published version \d+$/ },
  },
];

interface ApiRecord {
  id: number;
  [field: string]: unknown;
}

const baseUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(baseUrl);

/** The editable content of CodeMirror editor `testId`. */
const content = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"] .cm-content`);

/** Replaces the text of a CodeMirror editor and waits until it shows exactly that. */
async function typeCode(page: Page, testId: string, text: string): Promise<void> {
  const box = content(page, testId);
  await box.fill(text);
  await expect.poll(() => box.textContent(), { timeout: WAIT_MS }).toBe(text);
  await page.keyboard.press('Escape'); // close a completion list left open
}

/** Clicks a save / publish button and waits for its request and the result badge. */
async function persist(page: Page, button: 'role-save' | 'role-publish'): Promise<string> {
  const url = button === 'role-save' ? /\/api\/apps\/[^/]+\/roles\/[^/]+$/ : /\/api\/apps\/[^/]+\/publish$/;
  const method = button === 'role-save' ? 'PUT' : 'POST';
  const done = page.waitForResponse((r) => r.request().method() === method && url.test(new URL(r.url()).pathname));
  await page.getByTestId(button).click();
  const res = await done;
  if (res.status() !== 200) throw new Error(`${button} answered ${res.status()}: ${await res.text()}`);
  const badge = page.getByTestId('role-result');
  await attrIs(badge, 'data-state', button === 'role-save' ? 'saved' : 'published');
  await attrIs(page.getByTestId('role-dirty'), 'data-dirty', 'false');
  return ((await badge.textContent()) ?? '').trim();
}

/** Picks user `id` in the user search `testId` by typing `email`. */
async function pickUser(page: Page, testId: string, email: string, id: number): Promise<void> {
  await page.getByTestId(`${testId}-search`).fill(email);
  await page.getByTestId(`${testId}-option-${id}`).click();
  await attrIs(page.getByTestId(testId), 'data-user-id', String(id));
}

describe.each(PASSES)('roles: auditor with a row policy and a hidden field → member → view as [$lang]', (pass) => {
  const step = steps(`roles-${pass.lang === 'en' ? 'en' : 'zh'}`);
  let s: { context: BrowserContext; page: Page };
  let api: Api;
  let viewerId = 0;
  const paid: number[] = [];
  const pending: number[] = [];

  beforeAll(async () => {
    api = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    await api.call('POST', '/api/templates/referral-marketing/install', { app: pass.app, demoData: true }, 201);
    // Orders of demo customers: two paid, two left pending.
    const customers = await api.call<{ items: ApiRecord[] }>('GET', `/api/apps/${pass.app}/forms/customers/records?limit=4`);
    expect(customers.items.length).toBeGreaterThanOrEqual(2);
    for (const [i, c] of customers.items.slice(0, 4).entries()) {
      const o = await api.call<ApiRecord>('POST', `/api/apps/${pass.app}/forms/orders/records`, { customer: c.id, lines: [{ sku: 'TEA-001', qty: 1, unit_price: 29900 }] }, 201);
      if (i % 2 === 0) {
        await api.call('PATCH', `/api/apps/${pass.app}/forms/orders/records/${o.id}`, { status: 'paid' });
        paid.push(o.id);
      } else pending.push(o.id);
    }
    const existing = await api.call<{ items: { id: number; email: string }[] }>('GET', '/api/users');
    const known = existing.items.find((u) => u.email === pass.viewer.email);
    viewerId = known
      ? known.id
      : (await api.call<{ id: number }>('POST', '/api/users', { email: pass.viewer.email, password: 'viewer-password-1', role: 'operator', displayName: pass.viewer.name }, 201)).id;
    s = await freshPage(pass.lang);
  });
  afterAll(async () => {
    await s?.context.close();
  });

  step('opens Roles from the app page and narrows staff to the group staff', async () => {
    const { page } = s;
    await fillStudioLogin(page, pass.lang, pass.ui.signIn, ADMIN);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`app-card-${pass.app}`).click();
    await page.getByTestId('roles-panel').waitFor();
    await page.getByTestId('roles-open').click();
    await page.getByTestId('roles-page').waitFor();
    // The template's roles are listed; the first one opens.
    await page.getByTestId('role-item-staff').waitFor();
    await page.getByTestId('role-open-staff').click();
    await attrIs(page.getByTestId('role-editor'), 'data-role', 'staff');
    await page.getByTestId('role-assign-operator').uncheck();
    await page.getByTestId('role-groups-input').fill('staff');
    await page.getByTestId('role-groups-input').press('Enter');
    await page.getByTestId('role-group-staff').waitFor();
    await attrIs(page.getByTestId('role-dirty'), 'data-dirty', 'true');
    await persist(page, 'role-save');
    await shot(page, `roles-${pass.lang}-staff`);
    const draft = await api.call<{ definition: Record<string, unknown> }>('GET', `/api/apps/${pass.app}/roles/staff`);
    expect(draft.definition.assign).toEqual({ groups: ['staff'] });
  });

  step('creates the auditor role with read on orders', async () => {
    const { page } = s;
    await page.getByTestId('role-create').click();
    await page.getByTestId('role-create-dialog').waitFor();
    await page.getByTestId('role-key').fill('auditor');
    await page.getByTestId('role-create-name-zh').fill('审计');
    await page.getByTestId('role-create-name-en').fill('Auditor');
    await page.getByTestId('role-create-submit').click();
    await attrIs(page.getByTestId('role-editor'), 'data-role', 'auditor');
    await page.waitForURL((u) => u.pathname.endsWith('/roles/auditor'));
    await textIs(page.getByTestId('role-heading'), pass.lang === 'en' ? 'Auditor' : '审计');
    await page.getByTestId('grant-orders-read').check();
    await attrIs(page.getByTestId('grant-row-orders'), 'data-actions', 'read');
  });

  step('types a row policy with a typo, sees the inline problem, fixes it', async () => {
    const { page } = s;
    await page.getByTestId('grant-expand-orders').click();
    await page.getByTestId('grant-details-orders').waitFor();
    await typeCode(page, 'policy-orders', "statuz = 'paid'");
    const editor = page.getByTestId('policy-orders');
    await attrIs(editor, 'data-problems', '1');
    const problem = page.getByTestId('policy-orders-problems').locator('li');
    await attrIs(problem, 'data-code', 'POLICY_UNKNOWN_FIELD');
    await expect.poll(() => problem.textContent(), { timeout: WAIT_MS }).toContain('status');
    // Underlined in the editor, and counted in the toolbar and the problems list.
    await expect.poll(() => editor.locator('.cm-lintRange-error').count(), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('role-problem-count').getAttribute('data-count')), { timeout: WAIT_MS }).toBeGreaterThan(0);
    await attrIs(page.getByTestId('role-problem-0'), 'data-problem-path', '/forms/orders/where');

    await typeCode(page, 'policy-orders', "status = 'paid'");
    await attrIs(editor, 'data-problems', '0');
    await attrIs(page.getByTestId('role-problem-count'), 'data-count', '0');
  });

  step('hides the total field and publishes', async () => {
    const { page } = s;
    await page.getByTestId('field-access-orders-total').selectOption('hidden');
    await attrIs(page.getByTestId('field-policy-orders-total'), 'data-access', 'hidden');
    expect(await persist(page, 'role-publish')).toMatch(pass.ui.published);
    await shot(page, `roles-${pass.lang}-auditor`);
    const draft = await api.call<{ definition: Record<string, any> }>('GET', `/api/apps/${pass.app}/roles/auditor`);
    expect(draft.definition.forms).toEqual({ orders: { read: true, where: "status = 'paid'", fields: { total: 'hidden' } } });
    const published = await api.call<{ roles: Record<string, any> }>('GET', `/api/apps/${pass.app}`);
    expect(published.roles.auditor.forms.orders.where).toBe("status = 'paid'");
    expect(published.roles.staff.assign).toEqual({ groups: ['staff'] });
  });

  step('makes the operator a member of the auditor role', async () => {
    const { page } = s;
    await page.getByTestId('roles-tab-members').click();
    await page.getByTestId('members-tab').waitFor();
    await page.getByTestId('member-add').click();
    await page.getByTestId('member-dialog').waitFor();
    await pickUser(page, 'member-user', pass.viewer.email, viewerId);
    await page.getByTestId('member-role-auditor').check();
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/api\/apps\/[^/]+\/members$/.test(new URL(r.url()).pathname));
    await page.getByTestId('member-save').click();
    expect((await saved).status()).toBe(200);
    await attrIs(page.getByTestId(`member-row-${viewerId}`), 'data-roles', 'auditor');
    const members = await api.call<{ items: { userId: number; roles: string[] }[] }>('GET', `/api/apps/${pass.app}/members`);
    expect(members.items.find((m) => m.userId === viewerId)?.roles).toEqual(['auditor']);
  });

  step('"view as" the operator: only paid orders, no total column', async () => {
    const { page } = s;
    await textIs(page.getByTestId('roles-tab-viewas'), pass.ui.tabViewAs);
    await page.getByTestId('roles-tab-viewas').click();
    await page.getByTestId('viewas-tab').waitFor();
    await textIs(page.getByTestId('viewas-note'), pass.ui.note);
    await pickUser(page, 'viewas-user', pass.viewer.email, viewerId);
    await attrIs(page.getByTestId('viewas-tab'), 'data-state', 'ok');
    await attrIs(page.getByTestId('viewas-roles'), 'data-roles', 'auditor');
    await attrIs(page.getByTestId('viewas-orders-read'), 'data-allowed', 'true');
    await attrIs(page.getByTestId('viewas-orders-update'), 'data-allowed', 'false');
    await attrIs(page.getByTestId('viewas-hidden-orders'), 'data-fields', 'total');
    expect(await page.getByTestId('viewas-form-customers').count()).toBe(1);
    await attrIs(page.getByTestId('viewas-customers-read'), 'data-allowed', 'false');

    await page.getByTestId('viewas-form').selectOption('orders');
    const table = page.getByTestId('viewas-records');
    await attrIs(table, 'data-form', 'orders');
    await attrIs(table, 'data-state', 'ok');
    const ids = await page.locator('[data-testid^="viewas-row-"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')!.slice('viewas-row-'.length))));
    expect(ids.sort((a, b) => a - b)).toEqual([...paid].sort((a, b) => a - b));
    for (const id of ids) await attrIs(page.getByTestId(`viewas-cell-${id}-status`), 'data-value', 'paid');
    for (const id of pending) expect(await page.getByTestId(`viewas-row-${id}`).count()).toBe(0);
    await page.getByTestId('viewas-col-status').waitFor();
    expect(await page.getByTestId('viewas-col-total').count()).toBe(0);
    await shot(page, `roles-${pass.lang}-view-as`);
  });

  step('the audit search finds the membership change with its before / after', async () => {
    const { page } = s;
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-filter-app').selectOption(pass.app);
    await page.getByTestId('audit-filter-action').selectOption('members.update');
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/audit' && new URL(r.url()).searchParams.get('action') === 'members.update');
    await page.getByTestId('audit-search').click();
    expect((await answered).status()).toBe(200);
    await attrIs(page.getByTestId('audit-page'), 'data-state', 'ok');
    const rows = page.locator('[data-testid^="audit-row-"]');
    await expect.poll(() => rows.count(), { timeout: WAIT_MS }).toBe(1);
    await attrIs(rows.first(), 'data-action', 'members.update');
    const id = ((await rows.first().getAttribute('data-testid')) ?? '').slice('audit-row-'.length);
    await page.getByTestId(`audit-expand-${id}`).click();
    const diff = page.getByTestId(`audit-diff-${id}-roles`);
    await expect.poll(() => diff.textContent(), { timeout: WAIT_MS }).toContain('auditor');
    await shot(page, `roles-${pass.lang}-audit`);
  });
});
