import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { shot } from '../support/browser';
import { ADMIN } from '../support/env';
import { PortalPage, latestLoginCode, pngSize } from '../support/portal';
import { browserSession } from '../support/session';
import { WAIT_MS, attrIs, textIs } from '../support/studio';
import { hasTestClock, startTestClockRuntime, type OwnRuntime } from '../support/test-clock-runtime';

/**
 * Acceptance: the promoter portal `/p/referral`. The referral template is installed with its
 * demo data; through the records API a promoter A gets a downline (B under A, C under B) while
 * D hangs under the demo promoter 王芳, and paid orders earn A commissions, part of them
 * released by moving the test clock past the freeze days. A signs in with a text-message code,
 * sees B and C but not D, only their own ledger entries, downloads the poster and requests a
 * withdrawal; a finance user approves the withdrawal_review task and A sees it approved.
 *
 * Needs the manual test clock (and its `/api/_test/login-codes`): when the run's runtime does
 * not have it, the file starts its own (support/test-clock-runtime.ts).
 */

const APP = 'referral';
const FINANCE = { email: 'finance.portal@e2e.local', password: 'finance-password-1' };

interface Customer {
  id: number;
  name: string;
  phone: string;
  referral_code: string;
  [k: string]: unknown;
}

let phoneSeq = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const newPhone = () => `136${String(++phoneSeq)}`;

const sharedUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(sharedUrl);

describe('promoter portal: sign in by code → team, ledger, poster → withdraw → finance approves', () => {
  const step = steps('promoter');
  let own: OwnRuntime | undefined;
  let base = '';
  let admin: Api;
  const c: Record<'A' | 'B' | 'C' | 'D', Customer> = {} as never;
  let wangId = 0;
  let ui: { context: BrowserContext; page: Page };
  let portal: PortalPage;
  let withdrawalId = 0;

  const records = (form: string) => `/api/apps/${APP}/forms/${form}/records`;
  const customer = async (name: string, referrer: number | null, extra: Record<string, unknown> = {}) =>
    admin.call<Customer>('POST', records('customers'), { name, phone: newPhone(), ...(referrer ? { referrer } : {}), ...extra }, 201);
  const paidOrder = async (buyer: number, unitPrice: number) => {
    const o = await admin.call<{ id: number }>('POST', records('orders'), { customer: buyer, lines: [{ sku: 'TEA-001', qty: 1, unit_price: unitPrice }] }, 201);
    await admin.call('PATCH', `${records('orders')}/${o.id}`, { status: 'paid' });
    return o.id;
  };
  /** Every record of `form` matching `filter`, as the admin sees them. */
  const list = async <T,>(form: string, filter: Record<string, unknown>): Promise<T[]> => {
    const out: T[] = [];
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ filter: JSON.stringify(filter), sort: 'id', limit: '500', ...(cursor ? { cursor } : {}) });
      const page: { items: T[]; nextCursor: string | null } = await admin.call('GET', `${records(form)}?${q}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };
  const ledgerOf = (who: number) => list<{ id: number; amount: number; state: string; kind: string }>('commission_ledger', { beneficiary: who });

  beforeAll(async () => {
    if (await hasTestClock(sharedUrl)) base = sharedUrl;
    else {
      own = await startTestClockRuntime('promoter');
      base = own.baseUrl;
    }
    admin = await Api.login(base, ADMIN.email, ADMIN.password);
    await admin.call('POST', '/api/templates/referral-marketing/install', { app: APP, demoData: true }, 201);
    ui = await freshPage('zh-CN');
    portal = new PortalPage(ui.page, base, APP);
  });
  afterAll(async () => {
    await ui?.context.close();
    await own?.stop();
  });

  step('sets up a team and paid orders through the API; the clock passes the freeze days', async () => {
    const wang = (await list<Customer>('customers', { phone: '13900000001' }))[0];
    expect(wang?.name).toBe('王芳');
    wangId = wang.id;
    c.A = await customer('周小推', null, { is_promoter: true });
    c.B = await customer('吴一级', c.A.id, { is_promoter: true });
    c.C = await customer('郑二级', c.B.id);
    c.D = await customer('冯外人', wangId);
    expect(c.A.referral_code).toMatch(/^\S+$/);

    // Paid now, released after the freeze (7 days): C ¥200 → B ¥20 (L1), A ¥10 (L2); B ¥300 → A ¥30 (L1).
    await paidOrder(c.C.id, 20000);
    await paidOrder(c.B.id, 30000);
    // Outside A's team: D ¥100 → 王芳 ¥10.
    await paidOrder(c.D.id, 10000);
    await admin.call('POST', '/api/_test/clock', { advance: 'P8D' });
    // Sessions expire on the runtime clock: sign in again after the jump.
    admin = await Api.login(base, ADMIN.email, ADMIN.password);
    // Paid after the jump: still frozen. C ¥100 → B ¥10, A ¥5.
    await paidOrder(c.C.id, 10000);

    const mine = await ledgerOf(c.A.id);
    expect(mine.map((e) => [e.amount, e.state]).sort()).toEqual([
      [1000, 'available'],
      [3000, 'available'],
      [500, 'frozen'],
    ].sort());
    expect((await ledgerOf(wangId)).length).toBeGreaterThan(0);

    await admin.call('POST', '/api/users', { ...FINANCE, role: 'operator', displayName: '钱财务', groups: ['finance'] }, 201);
  });

  step('signs in at /p/referral with a text-message code', async () => {
    const { page } = ui;
    await portal.open();
    await portal.id('p-signin').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await portal.id('p-phone').fill(c.A.phone);
    const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/code' && r.request().method() === 'POST');
    await portal.id('p-send-code').click();
    expect((await sent).status()).toBe(202);
    await portal.id('p-code-sent').waitFor();
    // The resend countdown runs and keeps the button disabled.
    expect(await portal.num('p-send-code', 'data-countdown')).toBeGreaterThan(50);
    expect(await portal.id('p-send-code').isDisabled()).toBe(true);
    await shot(page, 'promoter-01-signin-phone');

    await portal.id('p-code').fill(await latestLoginCode(admin, c.A.phone));
    await portal.id('p-verify').click();
    await portal.id('p-home').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('kiln.token'))).toBeTruthy();
  });

  step('home: greeting, code and link (copied), balances and counts', async () => {
    const { page, context } = ui;
    await textIs(portal.id('p-greeting'), new RegExp(c.A.name));
    await textIs(portal.id('p-code-value'), c.A.referral_code);
    expect(await portal.id('p-share-url').textContent()).toContain(c.A.referral_code);
    await attrIs(portal.id('p-balance-available'), 'data-fen', '4000');
    await attrIs(portal.id('p-balance-frozen'), 'data-fen', '500');
    await attrIs(portal.id('p-balance-withdrawn'), 'data-fen', '0');
    await textIs(portal.id('p-balance-available').locator('.p-balance-value'), '¥40.00');
    await attrIs(portal.id('p-count-level1'), 'data-count', '1');
    await attrIs(portal.id('p-count-level2'), 'data-count', '1');
    await attrIs(portal.id('p-count-total'), 'data-count', '2');

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await portal.id('p-copy-code').click();
    await attrIs(portal.id('p-copy-code'), 'data-copied', 'true');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(c.A.referral_code);
    await portal.id('p-copy-link').click();
    await attrIs(portal.id('p-copy-link'), 'data-copied', 'true');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await portal.id('p-share-url').textContent())?.trim());
  });

  step('shows the poster and downloads it as poster-<code>.png', async () => {
    const { page } = ui;
    await attrIs(portal.id('p-poster-card'), 'data-state', 'ready');
    expect(await portal.id('p-poster').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(750);
    await shot(page, 'promoter-02-home-phone');
    const [download] = await Promise.all([page.waitForEvent('download'), portal.id('p-poster-download').click()]);
    expect(download.suggestedFilename()).toBe(`poster-${c.A.referral_code}.png`);
    const bytes = readFileSync(await download.path());
    expect(pngSize(bytes)).toEqual({ width: 750, height: 1334 });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await shot(page, 'promoter-03-home-desktop');
  });

  step('downline: B and C in the tree, D (under 王芳) is not', async () => {
    await portal.tab('downline');
    await attrIs(portal.id(`p-node-${c.B.id}`), 'data-level', '1');
    await attrIs(portal.id(`p-node-${c.C.id}`), 'data-level', '2');
    await textIs(portal.id(`p-node-${c.C.id}`).locator('.p-node-name').first(), c.C.name);
    // C hangs under B in the tree.
    expect(await portal.id(`p-node-${c.B.id}`).locator(`[data-testid="p-node-${c.C.id}"]`).count()).toBe(1);
    expect(await portal.id(`p-node-${c.D.id}`).count()).toBe(0);
    expect(await portal.id(`p-node-${wangId}`).count()).toBe(0);
    expect((await portal.rowIds('p-node-')).sort()).toEqual([c.B.id, c.C.id].sort());
    await attrIs(portal.id('p-downline-level-1'), 'data-count', '1');
    await attrIs(portal.id('p-downline-level-2'), 'data-count', '1');
    // Collapsing B hides C; expanding shows it again.
    await portal.id(`p-node-toggle-${c.B.id}`).click();
    await expect.poll(() => portal.id(`p-node-${c.C.id}`).count(), { timeout: WAIT_MS }).toBe(0);
    await portal.id(`p-node-toggle-${c.B.id}`).click();
    await portal.id(`p-node-${c.C.id}`).waitFor();
    await shot(ui.page, 'promoter-04-downline');
  });

  step('ledger: exactly A’s entries, signed amounts and states', async () => {
    await portal.tab('ledger');
    const shown = await portal.allLedgerIds();
    const mine = await ledgerOf(c.A.id);
    expect([...shown].sort((a, b) => a - b)).toEqual(mine.map((e) => e.id).sort((a, b) => a - b));
    const others = [...(await ledgerOf(c.B.id)), ...(await ledgerOf(wangId))].map((e) => e.id);
    expect(others.length).toBeGreaterThan(0);
    expect(shown.filter((id) => others.includes(id))).toEqual([]);
    for (const e of mine) {
      await attrIs(portal.id(`p-ledger-row-${e.id}`), 'data-amount', String(e.amount));
      await attrIs(portal.id(`p-ledger-row-${e.id}`), 'data-state', e.state);
    }
    const frozen = mine.find((e) => e.state === 'frozen')!;
    await textIs(portal.id(`p-ledger-amount-${frozen.id}`), '+¥5.00');
    await textIs(portal.id(`p-ledger-state-${frozen.id}`), '冻结中');
    await shot(ui.page, 'promoter-05-ledger');
  });

  step('withdraw: too much is stopped in the page; ¥15.00 is requested', async () => {
    const { page } = ui;
    await portal.tab('withdraw');
    await attrIs(portal.id('p-withdraw-available'), 'data-fen', '4000');
    await portal.id('p-withdraw-amount').fill('100');
    await portal.id('p-withdraw-submit').click();
    await portal.id('p-withdraw-problem').waitFor();
    expect(await list('withdrawals', { promoter: c.A.id })).toEqual([]);

    await portal.id('p-withdraw-amount').fill('15.00');
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === records('withdrawals') && r.request().method() === 'POST');
    await portal.id('p-withdraw-submit').click();
    const res = await created;
    expect(res.status()).toBe(201);
    withdrawalId = ((await res.json()) as { id: number }).id;
    expect(JSON.parse(res.request().postData() ?? '{}')).toEqual({ amount: 1500 });
    await portal.id('p-withdraw-ok').waitFor();
    await attrIs(portal.id(`p-withdrawal-${withdrawalId}`), 'data-state', 'requested');
    await attrIs(portal.id('p-withdraw-available'), 'data-fen', '2500');
    const stored = await admin.call<{ promoter: number; amount: number; state: string }>('GET', `${records('withdrawals')}/${withdrawalId}`);
    expect(stored).toMatchObject({ promoter: c.A.id, amount: 1500, state: 'requested' });
    await shot(page, 'promoter-06-withdraw-requested');
  });

  step('finance approves the withdrawal_review task; after a reload the portal shows it approved', async () => {
    const finance = await Api.login(base, FINANCE.email, FINANCE.password);
    let task: { id: number } | undefined;
    await expect
      .poll(
        async () => {
          const open = await finance.call<{ items: { id: number; flow: string; record: number }[] }>('GET', '/api/tasks?state=open&limit=200');
          task = open.items.find((t) => t.flow === 'withdrawal_review' && t.record === withdrawalId);
          return Boolean(task);
        },
        { timeout: WAIT_MS },
      )
      .toBe(true);
    await finance.call('POST', `/api/tasks/${task!.id}/complete`, { outcome: 'approve' });
    expect((await admin.call<{ state: string }>('GET', `${records('withdrawals')}/${withdrawalId}`)).state).toBe('approved');

    await ui.page.reload();
    await portal.id('p-withdraw').waitFor();
    await attrIs(portal.id(`p-withdrawal-${withdrawalId}`), 'data-state', 'approved');
    await textIs(portal.id(`p-withdrawal-state-${withdrawalId}`), '已批准');
    await portal.id('lang-en').click();
    await textIs(portal.id(`p-withdrawal-state-${withdrawalId}`), 'Approved');
    await shot(ui.page, 'promoter-07-withdraw-approved-en');
  });

  step('signs out', async () => {
    await portal.id('p-signout').click();
    await portal.id('p-signin').waitFor();
    expect(await ui.page.evaluate(() => localStorage.getItem('kiln.token'))).toBeNull();
  });
});
