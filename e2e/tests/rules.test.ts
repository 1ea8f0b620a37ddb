import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { shot } from '../support/browser';
import { browserSession, type Lang } from '../support/session';
import { ADMIN } from '../support/env';
import { RuleEditor } from '../support/rules';
import { WAIT_MS, attrIs, textIs, fillStudioLogin } from '../support/studio';

/**
 * Acceptance: a builder builds a decision table and an automation that runs it in the studio's
 * rule editor, dry-runs the automation in the test console, publishes, and an operator who
 * creates an order in `/app` sees the tier the rule wrote; the API confirms the stored value.
 * The app and its form are set up through the API (the point here is the rule editor).
 * Runs once with the UI in 简体中文 and once in English.
 */


interface Pass {
  lang: Lang;
  app: string;
  /** Texts a person reads in this language. */
  ui: { signIn: string; published: RegExp; saved: string; matched: string };
  customer: string;
}

const PASSES: Pass[] = [
  {
    lang: 'zh-CN',
    app: 'rules_zh',
    ui: { signIn: '登录', published: /^已发布版本 \d+$/, saved: '草稿已保存', matched: '已命中' },
    customer: '王五',
  },
  {
    lang: 'en',
    app: 'rules_en',
    ui: { signIn: 'Sign in', published: /^Published version \d+$/, saved: 'Draft saved', matched: 'Matched' },
    customer: 'Acme Ltd',
  },
];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const FORM = 'orders';
const ORDERS = {
  formatVersion: 1,
  key: FORM,
  title: t('订单', 'Orders'),
  fields: [
    { id: 'f_customer', key: 'customer', type: 'text', label: t('客户', 'Customer'), required: true },
    { id: 'f_amount', key: 'amount', type: 'money', label: t('金额', 'Amount'), required: true },
    { id: 'f_tier', key: 'tier', type: 'text', label: t('等级', 'Tier') },
  ],
};

/** The decision table, as typed into the grid: amount (fen) → tier, first hit. */
const TABLE = { key: 'tiering', title: t('客户分级', 'Customer tiering') };
const ROWS: [string, string][] = [
  ['< 10000', '"bronze"'],
  ['[10000..50000)', '"silver"'],
  ['-', '"gold"'],
];
const TRIGGER = { key: 'assign_tier', title: t('下单定级', 'Assign a tier on order') };
const CONDITION = 'record.amount > 0';

const baseUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(baseUrl);

describe.each(PASSES)('rule editor: decision table + trigger → test console → publish → operator UI [$lang]', (pass) => {
  const tag = pass.lang === 'en' ? 'en' : 'zh';
  // The steps build on each other: after a failure, the rest of this pass is skipped.
  const step = steps(`rules-${tag}`);
  const L = (text: { 'zh-CN': string; en: string }) => text[pass.lang];
  let studio: { context: BrowserContext; page: Page };
  let ed: RuleEditor;
  let api: Api;
  let actionId: string;
  let orderId: number;

  beforeAll(async () => {
    api = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    // The app and its form come from the API: this test is about the rule editor.
    await api.call('POST', '/api/apps', { key: pass.app, name: t('规则演示', 'Rules demo') }, 201);
    await api.call('PUT', `/api/apps/${pass.app}/forms/${FORM}`, ORDERS);
    await api.call('POST', `/api/apps/${pass.app}/publish`);
    studio = await freshPage(pass.lang);
    ed = new RuleEditor(studio.page);
  });
  afterAll(async () => {
    await studio?.context.close();
  });

  step('logs in to the studio in the chosen language and opens the app', async () => {
    const { page } = studio;
    await fillStudioLogin(page, pass.lang, pass.ui.signIn, ADMIN);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`app-card-${pass.app}`).click();
    await page.getByTestId('rules-panel').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/studio/apps/${pass.app}`);
  });

  step('builds the decision table in the grid, dry-runs it and saves it', async () => {
    const { page } = studio;
    await ed.create({ type: 'table', key: TABLE.key, zh: TABLE.title['zh-CN'], en: TABLE.title.en });
    await page.getByTestId('table-editor').waitFor();
    await textIs(ed.id('rule-heading'), L(TABLE.title));

    await ed.id('table-hit-policy').selectOption('first');
    expect(await ed.id('table-hit-policy').inputValue()).toBe('first');
    await expect.poll(async () => ((await ed.id('table-hit-policy-help').textContent()) ?? '').length).toBeGreaterThan(0);

    // One input column: the order's amount (fen). A new table comes with one; add it if not.
    if (!(await ed.id('table-input-0').count())) await ed.id('table-input-add').click();
    await ed.id('table-input-label-zh-0').fill('金额');
    await ed.id('table-input-label-en-0').fill('Amount');
    await ed.expr('table-input-expr-0', 'record.amount');
    await textIs(ed.id('table-grid').locator('thead th.dt-in code.dt-expr'), 'record.amount');
    expect(await ed.id('table-input-1').count()).toBe(0);

    // One output column: `tier`, text.
    if (!(await ed.id('table-output-0').count())) await ed.id('table-output-add').click();
    await ed.id('table-output-key-0').fill('tier');
    await ed.id('table-output-label-zh-0').fill('等级');
    await ed.id('table-output-label-en-0').fill('Tier');
    await ed.id('table-output-type-0').selectOption('text');
    await textIs(ed.id('table-grid').locator('thead th.dt-out code.dt-expr'), 'tier');
    expect(await ed.id('table-output-1').count()).toBe(0);

    // Three rows typed through the grid cells (input column 0, output column 1).
    for (const [r, [when, then]] of ROWS.entries()) {
      if (!(await ed.id(`row-${r}`).count())) await ed.id('table-row-add').click();
      await ed.id(`cell-${r}-0`).fill(when);
      await ed.id(`cell-${r}-1`).fill(then);
    }
    await expect.poll(() => ed.id('table-grid').locator('tbody tr').count()).toBe(ROWS.length);
    for (const [r, [when, then]] of ROWS.entries()) {
      expect(await ed.id(`cell-${r}-0`).inputValue()).toBe(when);
      expect(await ed.id(`cell-${r}-1`).inputValue()).toBe(then);
    }
    await ed.noProblems();

    // The table alone in the test console: 20000 fen falls in [10000..50000) → row 2, "silver".
    const result = await ed.runConsole({ record: { amount: 20000 } });
    await attrIs(result, 'data-state', 'ok');
    await attrIs(result, 'data-matched', 'true');
    await textIs(ed.id('console-matched'), pass.ui.matched);
    const rowIds = await Promise.all(ROWS.map((_, r) => ed.id(`row-${r}`).getAttribute('data-row-id')));
    await attrIs(ed.id('console-rows'), 'data-rows', rowIds[1]!);
    expect(JSON.parse((await ed.id('console-output').textContent()) ?? 'null')).toEqual({ tier: 'silver' });
    await attrIs(ed.id('row-1'), 'data-matched', 'true');
    await attrIs(ed.id('row-0'), 'data-matched', 'false');
    await attrIs(ed.id('row-2'), 'data-matched', 'false');
    await shot(page, `rules-${tag}-01-decision-table`);

    expect(await ed.save()).toBe(pass.ui.saved);

    // The draft is what was typed.
    const draft = await api.call<{ definition: Record<string, unknown> }>('GET', `/api/apps/${pass.app}/rules/${TABLE.key}`);
    expect(draft.definition).toMatchObject({
      key: TABLE.key,
      type: 'table',
      title: TABLE.title,
      hitPolicy: 'first',
      inputs: [{ label: t('金额', 'Amount'), expression: 'record.amount' }],
      outputs: [{ key: 'tier', label: t('等级', 'Tier'), type: 'text' }],
    });
    const def = draft.definition as { inputs: { id: string }[]; outputs: { id: string }[]; rows: { when: Record<string, string>; then: Record<string, string> }[] };
    const [inId, outId] = [def.inputs[0].id, def.outputs[0].id];
    expect(def.rows.map((row) => [row.when[inId], row.then[outId]])).toEqual(ROWS);

    await ed.back();
    await ed.id(`rule-row-${TABLE.key}`).waitFor();
  });

  step('builds the automation: on a new order, decide with the table and write the tier; the test console shows the match', async () => {
    const { page } = studio;
    await ed.create({ type: 'trigger', key: TRIGGER.key, zh: TRIGGER.title['zh-CN'], en: TRIGGER.title.en, form: FORM });
    await page.getByTestId('trigger-editor').waitFor();
    await textIs(ed.id('rule-heading'), L(TRIGGER.title));

    await ed.id('trigger-event').selectOption('record.created');
    await ed.id('trigger-form').selectOption(FORM);
    expect(await ed.id('trigger-event').inputValue()).toBe('record.created');
    expect(await ed.id('trigger-form').inputValue()).toBe(FORM);
    // The condition is typed key by key (autocomplete opens on `record.` and filters as it goes).
    await ed.expr('condition-editor', CONDITION, { keys: true });

    // One action: decide with `tiering`, tier ← tier.
    await ed.id('action-add').click();
    await attrIs(ed.id('action-0'), 'data-type', 'create');
    await ed.id('action-type-0').selectOption('decide');
    await attrIs(ed.id('action-0'), 'data-type', 'decide');
    await ed.id('action-table-0').selectOption(TABLE.key);
    await ed.id('assign-add-0').click();
    await ed.id('assign-field-0-0').selectOption('tier');
    await ed.id('assign-output-0-0').selectOption('tier');
    expect(await ed.id('assign-field-0-0').inputValue()).toBe('tier');
    expect(await ed.id('assign-output-0-0').inputValue()).toBe('tier');
    actionId = await ed.id('action-id-0').inputValue();
    expect(actionId).toMatch(/^[a-z][a-z0-9_]*$/);
    await ed.noProblems();

    // Dry run. `assign` writes to the triggering record, so the sample record needs an id.
    const result = await ed.runConsole({ record: { id: 1, customer: pass.customer, amount: 20000 } });
    await attrIs(result, 'data-state', 'ok');
    await attrIs(result, 'data-matched', 'true');
    await textIs(ed.id('console-matched'), pass.ui.matched);
    await attrIs(ed.id(`console-action-${actionId}`), 'data-ran', 'true');
    // The table matched its second row…
    const table = await api.call<{ definition: { rows: { id: string }[] } }>('GET', `/api/apps/${pass.app}/rules/${TABLE.key}`);
    await textIs(ed.id(`console-table-${actionId}`), new RegExp(`\\b${table.definition.rows[1].id}\\b`));
    // …and the effect is one update of the order: tier = "silver".
    await expect.poll(() => ed.id('console-effects').locator(':scope > li').count()).toBe(1);
    const effect = ed.id('console-effect-0');
    await attrIs(effect, 'data-type', 'update');
    await textIs(effect.locator(':scope > div > strong'), new RegExp(`^${L({ 'zh-CN': '修改 订单 的记录 1', en: 'Update Orders record 1' })}$`));
    await expect.poll(() => effect.locator('.effect-values > li').count()).toBe(1);
    await textIs(effect.locator('.effect-values > li'), 'tier = "silver"');
    await shot(page, `rules-${tag}-02-trigger-console`);

    expect(await ed.save()).toBe(pass.ui.saved);
  });

  step('publishes the app from the rule editor', async () => {
    const { page } = studio;
    expect(await ed.publish()).toMatch(pass.ui.published);
    await shot(page, `rules-${tag}-03-published`);

    // What was published is what was built.
    const meta = await api.call<{ version: number; rules: Record<string, Record<string, unknown>> }>('GET', `/api/apps/${pass.app}`);
    expect(meta.version).toBe(2);
    expect(Object.keys(meta.rules).sort()).toEqual([TRIGGER.key, TABLE.key]);
    expect(meta.rules[TRIGGER.key]).toMatchObject({
      type: 'trigger',
      title: TRIGGER.title,
      trigger: { event: 'record.created', form: FORM },
      condition: CONDITION,
      actions: [{ id: actionId, type: 'decide', table: TABLE.key, assign: { tier: 'tier' } }],
    });
    expect(meta.rules[TABLE.key]).toMatchObject({ type: 'table', hitPolicy: 'first' });
  });

  step('an operator creates an order in /app and sees the tier the rule wrote', async () => {
    const { context, page } = await freshPage(pass.lang);
    try {
      await page.goto('/app/login');
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId(`lang-${pass.lang}`).click();
      await page.getByTestId(`app-${pass.app}`).click();
      await page.getByTestId(`form-${FORM}`).click();
      await page.getByTestId('records-new').click();
      await page.getByTestId('field-customer').fill(pass.customer);
      await page.getByTestId('field-amount').fill('600');
      await shot(page, `rules-${tag}-04-operator-new-order`);

      const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/apps/${pass.app}/forms/${FORM}/records`);
      await page.getByTestId('form-submit').click();
      const res = await created;
      expect(res.status(), await res.text()).toBe(201);
      orderId = ((await res.json()) as { id: number }).id;

      // Back on the list: the order carries the tier the rule assigned in the same transaction.
      await page.getByTestId('flash').waitFor();
      await page.getByTestId(`record-row-${orderId}`).waitFor();
      const cell = (key: string) => page.getByTestId(`cell-${orderId}-${key}`);
      await textIs(cell('customer'), pass.customer);
      await textIs(cell('amount'), '¥600.00');
      await textIs(cell('tier'), 'gold');
      await shot(page, `rules-${tag}-05-operator-records`);

      // And in the record's own page.
      await page.getByTestId(`record-edit-${orderId}`).click();
      await expect.poll(() => page.getByTestId('field-tier').inputValue()).toBe('gold');
      expect(await page.getByTestId('field-amount').inputValue()).toBe('600.00');
      await shot(page, `rules-${tag}-06-operator-record`);
    } finally {
      await context.close();
    }
  });

  step('the API returns the stored tier; other amounts land on the other rows', async () => {
    const rec = await api.call<Record<string, unknown>>('GET', `/api/apps/${pass.app}/forms/${FORM}/records/${orderId}`);
    expect(rec).toMatchObject({ id: orderId, customer: pass.customer, amount: 60000, tier: 'gold' });
    for (const [amount, tier] of [
      [9999, 'bronze'],
      [10000, 'silver'],
      [49999, 'silver'],
      [50000, 'gold'],
    ] as const) {
      const { id } = await api.call<{ id: number }>('POST', `/api/apps/${pass.app}/forms/${FORM}/records`, { customer: `${pass.customer} ${amount}`, amount }, 201);
      const stored = await api.call<Record<string, unknown>>('GET', `/api/apps/${pass.app}/forms/${FORM}/records/${id}`);
      expect(stored.tier, `amount ${amount}`).toBe(tier);
    }
  });

  step("the studio's recent runs show the published rule's evaluations", async () => {
    const { page } = studio;
    await ed.id('console-tab-traces').click();
    await ed.id('traces').waitFor();
    // Five orders were created (one in /app, four through the API): five runs, newest first.
    // Traces are written after each write's transaction: reload until the last one is listed.
    await expect
      .poll(
        async () => {
          if (!(await ed.id('trace-4').count())) await ed.id('traces-reload').click();
          return page.locator('[data-testid^="trace-"][data-ok]').count();
        },
        { timeout: WAIT_MS, interval: 500 },
      )
      .toBe(5);
    for (let i = 0; i < 5; i++) await attrIs(ed.id(`trace-${i}`), 'data-ok', 'true');
    // The oldest is the operator's order: its facts and the tier it wrote.
    await ed.id('trace-4').locator('.trace-head').click();
    const details = ed.id('trace-details-4');
    await textIs(details, new RegExp(`"customer": "${pass.customer}"`));
    await textIs(details, /"amount": 60000/);
    await textIs(details, /"tier": "gold"/);
    await shot(page, `rules-${tag}-07-traces`);
  });
});
