import { startRest, type RestFake } from '@kiln/fakes';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { ConnectorPage, OUTBOX_MS } from '../support/connectors';
import { ADMIN } from '../support/env';
import { browserSession, type Lang } from '../support/session';
import { WAIT_MS, attrIs, fillStudioLogin, textIs } from '../support/studio';

/**
 * Acceptance: a builder creates a connector from the generic REST preset in the studio, points it
 * at a REST fake (a real HTTP server on 127.0.0.1, started here), sets the bearer token secret,
 * limits retries to one attempt, edits the request body mapping and watches the live preview
 * follow, runs a test call that reaches the fake (201), then saves and publishes. A rule (set up
 * through the API) sends every new order through the connector: with the fake failing, the
 * delivery goes dead in the Deliveries monitor; after the fault is cleared, Retry delivers it,
 * and the fake holds exactly one order carrying the delivery's idempotency key.
 * Runs once with the UI in 简体中文 and once in English.
 */

interface Pass {
  lang: Lang;
  app: string;
  ui: { signIn: string; published: RegExp; saved: string; dead: string; delivered: string; operations: string };
}

const PASSES: Pass[] = [
  {
    lang: 'zh-CN',
    app: 'connectors_zh',
    ui: { signIn: '登录', published: /^已发布版本 \d+$/, saved: '草稿已保存', dead: '失败', delivered: '已送达', operations: '操作' },
  },
  {
    lang: 'en',
    app: 'connectors_en',
    ui: { signIn: 'Sign in', published: /^Published version \d+$/, saved: 'Draft saved', dead: 'Dead', delivered: 'Delivered', operations: 'Operations' },
  },
];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const ORDERS = {
  formatVersion: 1,
  key: 'orders',
  title: t('订单', 'Orders'),
  fields: [
    { id: 'f_no', key: 'no', type: 'text', label: t('单号', 'Order no.'), required: true },
    { id: 'f_customer', key: 'customer', type: 'text', label: t('客户', 'Customer') },
    { id: 'f_total', key: 'total', type: 'money', label: t('金额', 'Total') },
  ],
};
const CONNECTOR = { preset: 'rest' as const, key: 'erp', zh: '订单系统', en: 'Order system' };
/** The rule that sends each new order through the connector's `create` operation. */
const RULE = {
  formatVersion: 1,
  key: 'push_orders',
  type: 'trigger',
  title: t('推送订单', 'Push orders'),
  trigger: { event: 'record.created', form: 'orders' },
  actions: [{ id: 'push', type: 'connector', connector: CONNECTOR.key, operation: 'create', payload: '({ billNo: record.no, customer: record.customer, total: record.total })' }],
};
/** The body mapping typed in the studio: the input plus the delivery's idempotency key. */
const BODY = '$merge([input, {"ref": key, "channel": "live"}])';

const baseUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(baseUrl);

describe.each(PASSES)('connector from the REST preset → live preview → test call → publish → dead → retry [$lang]', (pass) => {
  const step = steps(`connectors-${pass.lang === 'en' ? 'en' : 'zh'}`);
  let s: { context: BrowserContext; page: Page };
  let cp: ConnectorPage;
  let api: Api;
  let fake: RestFake;
  let deliveryId = '';

  beforeAll(async () => {
    fake = await startRest();
    api = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    // The app and its form come from the API: this test is about the connector screens.
    await api.call('POST', '/api/apps', { key: pass.app, name: t('连接器演示', 'Connectors demo') }, 201);
    await api.call('PUT', `/api/apps/${pass.app}/forms/orders`, ORDERS);
    await api.call('POST', `/api/apps/${pass.app}/publish`);
    s = await freshPage(pass.lang);
    cp = new ConnectorPage(s.page);
  });
  afterAll(async () => {
    await s?.context.close();
    await fake?.close();
  });

  step('creates a connector from the generic REST preset on the app page', async () => {
    const { page } = s;
    await fillStudioLogin(page, pass.lang, pass.ui.signIn, ADMIN);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`app-card-${pass.app}`).click();
    await cp.id('connectors-panel').waitFor();
    await cp.create(CONNECTOR);
    await textIs(cp.id('connector-heading'), CONNECTOR[pass.lang === 'en' ? 'en' : 'zh']);
    await textIs(cp.id('connector-tab-operations'), new RegExp(`^${pass.ui.operations}`));
    const draft = await api.call<{ definition: Record<string, any> }>('GET', `/api/apps/${pass.app}/connectors/${CONNECTOR.key}`);
    expect(draft.definition).toEqual(expect.objectContaining({ key: CONNECTOR.key, preset: 'rest', auth: { type: 'bearer' } }));
    expect(Object.keys(draft.definition.operations)).toEqual(['create']);
  });

  step('sets the base URL, one attempt, and the bearer token (write-only)', async () => {
    await cp.tab('setup');
    await cp.id('prop-base-url').fill(fake.url);
    await cp.id('prop-retry-max').fill('1');
    await attrIs(cp.id('connector-dirty'), 'data-dirty', 'true');
    expect(await cp.save()).toBe(pass.ui.saved);
    await attrIs(cp.id('secret-token'), 'data-set', 'false');
    await cp.secret('token', 'demo-token');
    await textIs(cp.id('settings-effective-url'), fake.url);
    const settings = await api.call<{ secrets: { name: string; set: boolean }[] }>('GET', `/api/apps/${pass.app}/connectors/${CONNECTOR.key}/settings`);
    expect(settings.secrets).toEqual([expect.objectContaining({ name: 'token', set: true })]);
    expect(JSON.stringify(settings)).not.toContain('demo-token');
    const draft = await api.call<{ definition: Record<string, any> }>('GET', `/api/apps/${pass.app}/connectors/${CONNECTOR.key}`);
    expect(draft.definition.baseUrl).toBe(fake.url);
    expect(draft.definition.retry).toEqual({ maxAttempts: 1 });
    expect(JSON.stringify(draft.definition)).not.toContain('demo-token');
  });

  step('edits the body mapping and the live preview follows', async () => {
    await cp.tab('operations');
    await attrIs(cp.id('op-item-create'), 'data-selected', 'true');
    const preview = cp.id('op-preview');
    await attrIs(preview, 'data-state', 'ok');
    await textIs(cp.id('op-preview-request-0-url'), `${fake.url}/api/orders`);
    // The preset sends the input as it is.
    await expect.poll(() => cp.id('op-preview-request-0-body').textContent(), { timeout: WAIT_MS }).not.toContain('"ref"');
    await cp.code('step-body-0', BODY);
    await attrIs(preview, 'data-running', 'false');
    await attrIs(preview, 'data-state', 'ok');
    await expect.poll(async () => JSON.parse((await cp.id('op-preview-request-0-body').textContent()) ?? '{}'), { timeout: WAIT_MS }).toEqual(
      expect.objectContaining({ billNo: 'LV-000001', channel: 'live', ref: expect.stringMatching(/^KLN/) }),
    );
    // The request carries the idempotency key the preview computed; the result is the sample response.
    const key = ((await cp.id('op-preview-key').locator('code').textContent()) ?? '').trim();
    await expect.poll(() => cp.id('op-preview-request-0-headers').textContent(), { timeout: WAIT_MS }).toContain(key);
    await expect.poll(async () => JSON.parse((await cp.id('op-preview-result').textContent()) ?? 'null'), { timeout: WAIT_MS }).toEqual(expect.objectContaining({ id: 'ord_1' }));
    await attrIs(cp.id('step-body-0'), 'data-problems', '0');
  });

  step('runs a test call that reaches the fake (201) with the bearer token', async () => {
    const result = await cp.testCall();
    await attrIs(result, 'data-state', 'ok');
    await textIs(cp.id('op-test-step-0-response-status'), '201');
    await expect.poll(() => cp.id('op-test-step-0-response-body').textContent(), { timeout: WAIT_MS }).toContain('"channel": "live"');
    const stored = fake.items('orders');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toEqual(expect.objectContaining({ billNo: 'LV-000001', channel: 'live' }));
    const sent = fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/orders'));
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.authorization).toBe('Bearer demo-token');
    // The token never comes back to the browser.
    expect((await cp.id('op-test').textContent()) ?? '').not.toContain('demo-token');
    // Forget the test call's order: the deliveries below start from an empty fake.
    fake.reset();
  });

  step('saves and publishes the connector with a rule that pushes new orders', async () => {
    // The rule (set up through the API) names the connector, so it is published with it.
    await api.call('PUT', `/api/apps/${pass.app}/rules/${RULE.key}`, RULE);
    expect(await cp.publish()).toMatch(pass.ui.published);
    await attrIs(cp.id('connector-problems'), 'data-count', '0');
    const published = await api.call<{ connectors?: Record<string, { baseUrl?: string; operations: Record<string, { steps: { body?: string }[] }> }> }>('GET', `/api/apps/${pass.app}`);
    expect(published.connectors?.[CONNECTOR.key]?.operations.create.steps[0].body).toBe(BODY);
  });

  step('a delivery that fails goes dead in the Deliveries monitor', async () => {
    fake.fault({ kind: '500' });
    await api.call('POST', `/api/apps/${pass.app}/forms/orders/records`, { no: 'LV-0042', customer: 'ACME', total: 19900 }, 201);
    await cp.tab('deliveries');
    await expect.poll(async () => (await cp.deliveryIds()).length, { timeout: OUTBOX_MS, interval: 500 }).toBe(1);
    [deliveryId] = await cp.deliveryIds();
    await cp.deliveryState(deliveryId, 'dead');
    await textIs(cp.id(`delivery-state-${deliveryId}`), pass.ui.dead);
    await textIs(cp.id(`delivery-attempts-${deliveryId}`), '1/1');
    await attrIs(cp.id('deliveries-filter-dead'), 'data-count', '1');
    expect(((await cp.id(`delivery-error-${deliveryId}`).textContent()) ?? '').length).toBeGreaterThan(0);
    expect(fake.items('orders')).toHaveLength(0);
  });

  step('retry delivers it once, with the idempotency key', async () => {
    fake.fault(null);
    const retried = s.page.waitForResponse((r) => r.request().method() === 'POST' && /\/deliveries\/\d+\/retry$/.test(new URL(r.url()).pathname));
    await cp.id(`delivery-retry-${deliveryId}`).click();
    expect((await retried).status()).toBe(200);
    await cp.deliveryState(deliveryId, 'delivered');
    await textIs(cp.id(`delivery-state-${deliveryId}`), pass.ui.delivered);
    await attrIs(cp.id('deliveries-filter-delivered'), 'data-count', '1');
    await attrIs(cp.id('deliveries-filter-dead'), 'data-count', '0');

    // The drawer shows the key and both attempts: the failed one and the delivered one.
    await cp.id(`delivery-row-${deliveryId}`).click();
    await attrIs(cp.id('delivery-drawer'), 'data-state', 'delivered');
    const key = ((await cp.id('delivery-drawer-key').textContent()) ?? '').trim();
    expect(key).toMatch(/^KLN/);
    await expect.poll(() => s.page.locator('[data-testid^="delivery-attempt-"][data-ok]').count(), { timeout: WAIT_MS }).toBe(2);

    const stored = fake.items('orders');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toEqual(expect.objectContaining({ billNo: 'LV-0042', customer: 'ACME', total: 19900, channel: 'live', ref: key }));
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/orders'));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((r) => r.headers['idempotency-key']))).toEqual(new Set([key]));
    const delivery = await api.call<{ state: string; idempotencyKey: string }>('GET', `/api/apps/${pass.app}/connectors/${CONNECTOR.key}/deliveries/${deliveryId}`);
    expect(delivery).toEqual(expect.objectContaining({ state: 'delivered', idempotencyKey: key }));
    await cp.id('delivery-drawer-close').click();
  });
});
