import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { shot } from '../support/browser';
import { browserSession, type Lang } from '../support/session';
import { ADMIN } from '../support/env';
import { Designer, attrIs, textIs, fillStudioLogin } from '../support/studio';

/**
 * Acceptance: a builder designs a form in the studio (drag and drop + property panel), publishes
 * it with a public page, an anonymous visitor fills and submits it on `/f/{slug}`, and an
 * operator finds the record in `/app`; the API confirms the exact stored values.
 * Runs once with the UI in 简体中文 and once in English.
 */


interface Pass {
  lang: Lang;
  app: string;
  appName: { zh: string; en: string };
  slug: string;
  /** Texts a person reads in this language. */
  ui: { signIn: string; published: RegExp };
  labels: Record<'name' | 'mobile' | 'level' | 'deposit' | 'address' | 'customer' | 'items' | 'sku' | 'qty', { zh: string; en: string }>;
  visitor: { name: string; sku: [string, string] };
}

const LABELS: Pass['labels'] = {
  name: { zh: '姓名', en: 'Full name' },
  mobile: { zh: '手机', en: 'Mobile' },
  level: { zh: '会员等级', en: 'Membership' },
  deposit: { zh: '定金', en: 'Deposit' },
  address: { zh: '收货地区', en: 'Delivery region' },
  customer: { zh: '推荐客户', en: 'Referred by' },
  items: { zh: '订购明细', en: 'Order lines' },
  sku: { zh: '商品编码', en: 'SKU' },
  qty: { zh: '数量', en: 'Quantity' },
};
const LEVELS = [
  { value: 'gold', zh: '金卡', en: 'Gold' },
  { value: 'silver', zh: '银卡', en: 'Silver' },
];

const PASSES: Pass[] = [
  {
    lang: 'zh-CN',
    app: 'shop_zh',
    appName: { zh: '门店', en: 'Shop' },
    slug: 'signup-zh',
    ui: { signIn: '登录', published: /^已发布版本 \d+$/ },
    labels: LABELS,
    visitor: { name: '张三', sku: ['SKU-甲', 'SKU-乙'] },
  },
  {
    lang: 'en',
    app: 'shop_en',
    appName: { zh: '商店', en: 'Store' },
    slug: 'signup-en',
    ui: { signIn: 'Sign in', published: /^Published version \d+$/ },
    labels: LABELS,
    visitor: { name: 'Jane Doe', sku: ['SKU-A', 'SKU-B'] },
  },
];

const FORM = 'signup';
const TARGET = 'customers';
const REGION = { province: '320000', city: '320100', district: '320102', name: '江苏省 南京市 玄武区' };
const MOBILE = '13800138000';

const baseUrl = inject('baseUrl');
const { freshPage, steps } = browserSession(baseUrl);

describe.each(PASSES)('form designer → public page → operator UI [$lang]', (pass) => {
  const L = (k: keyof Pass['labels']) => (pass.lang === 'en' ? pass.labels[k].en : pass.labels[k].zh);
  const tag = pass.lang === 'en' ? 'en' : 'zh';
  // The steps build on each other: after a failure, the rest of this pass is skipped.
  const step = steps(`${tag}`);
  let studio: { context: BrowserContext; page: Page };
  let api: Api;
  let customerId: number;
  let recordId: number;

  beforeAll(async () => {
    api = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    studio = await freshPage(pass.lang);
  });
  afterAll(async () => {
    await studio?.context.close();
  });

  step('logs in to the studio in the chosen language', async () => {
    const { page } = studio;
    await fillStudioLogin(page, pass.lang, pass.ui.signIn, ADMIN);
    await shot(page, `${tag}-01-studio-login`);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-create').waitFor();
  });

  step('creates an app', async () => {
    const { page } = studio;
    await page.getByTestId('app-create').click();
    await page.getByTestId('app-key').fill(pass.app);
    await page.getByTestId('app-name-zh').fill(pass.appName.zh);
    await page.getByTestId('app-name-en').fill(pass.appName.en);
    await page.getByTestId('app-create-submit').click();
    await page.getByTestId('form-create').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/studio/apps/${pass.app}`);
  });

  step('creates and publishes the form a relation will point at', async () => {
    const { page } = studio;
    const d = new Designer(page);
    await page.getByTestId('form-create').click();
    await page.getByTestId('form-key').fill(TARGET);
    await page.getByTestId('form-title-zh').fill('客户');
    await page.getByTestId('form-title-en').fill('Customers');
    await page.getByTestId('form-create-submit').click();
    await page.getByTestId('palette').waitFor();
    await d.clickPalette('text');
    await d.name('text_1', { key: 'name', zh: '客户名称', en: 'Customer name' });
    expect(await d.publish()).toMatch(pass.ui.published);
    // A customer the public submission will reference (through a link parameter).
    const created = await api.call<{ id: number }>('POST', `/api/apps/${pass.app}/forms/${TARGET}/records`, { name: `Acme ${tag}` }, 201);
    customerId = created.id;
    await page.getByTestId('designer-back').click();
    await page.getByTestId(`form-row-${TARGET}`).waitFor();
  });

  step('designs the form with drag and drop and the property panel, and publishes it', async () => {
    const { page } = studio;
    const d = new Designer(page);
    await page.getByTestId('form-create').click();
    await page.getByTestId('form-key').fill(FORM);
    await page.getByTestId('form-title-zh').fill('会员报名');
    await page.getByTestId('form-title-en').fill('Member sign-up');
    await page.getByTestId('form-create-submit').click();
    const canvas = page.getByTestId('canvas');
    await canvas.waitFor();

    // text: dragged onto the empty canvas.
    await d.dragFromPalette('text', canvas);
    await d.name('text_1', { key: 'name', zh: LABELS.name.zh, en: LABELS.name.en });
    await page.getByTestId('prop-required').check();

    // phone: dragged onto the lower half of "name" → inserted after it.
    await d.dragFromPalette('phone', page.getByTestId('canvas-field-name'), 'after');
    await d.name('phone_1', { key: 'mobile', zh: LABELS.mobile.zh, en: LABELS.mobile.en });

    // select: clicked (appended), two options.
    await d.clickPalette('select');
    await d.name('select_1', { key: 'level', zh: LABELS.level.zh, en: LABELS.level.en });
    await d.options(LEVELS);

    // money: dragged onto the upper half of "level" → inserted before it.
    await d.dragFromPalette('money', page.getByTestId('canvas-field-level'), 'before');
    await d.name('money_1', { key: 'deposit', zh: LABELS.deposit.zh, en: LABELS.deposit.en });

    // region: clicked, district level.
    await d.clickPalette('region');
    await d.name('region_1', { key: 'address', zh: LABELS.address.zh, en: LABELS.address.en });
    await page.getByTestId('prop-level').selectOption('district');

    // relation: clicked, pointing at the customers form, filled from the link parameter `ref`.
    await d.clickPalette('relation');
    await d.name('relation_1', { key: 'customer', zh: LABELS.customer.zh, en: LABELS.customer.en });
    await page.getByTestId('prop-target').selectOption(TARGET);
    await page.getByTestId('prop-display').selectOption('name');
    await page.getByTestId('prop-link-param').fill('ref');

    // sub-table: dragged after "customer"; its columns dragged / clicked into it.
    await d.dragFromPalette('subtable', page.getByTestId('canvas-field-customer'), 'after');
    await d.name('subtable_1', { key: 'items', zh: LABELS.items.zh, en: LABELS.items.en });
    await page.getByTestId('palette-text').dragTo(page.getByTestId('subtable-drop-items'));
    await d.name('text_1', { key: 'sku', zh: LABELS.sku.zh, en: LABELS.sku.en });
    await page.getByTestId('canvas-field-items').locator(':scope > .cfield-head').click();
    await d.selected('items');
    await d.clickPalette('number');
    await d.name('number_1', { key: 'qty', zh: LABELS.qty.zh, en: LABELS.qty.en });
    await page.getByTestId('prop-integer').check();

    expect(await d.rootKeys()).toEqual(['name', 'mobile', 'deposit', 'level', 'address', 'customer', 'items']);
    for (const key of ['name', 'mobile', 'deposit', 'level', 'address', 'customer', 'items', 'sku', 'qty'] as const) {
      await textIs(page.getByTestId(`canvas-field-${key}`).locator(':scope > .cfield-head .cfield-label'), new RegExp(`^${L(key)}\\*?$`));
    }
    expect(await d.subKeys('items')).toEqual(['sku', 'qty']);
    await attrIs(page.getByTestId('problems'), 'data-count', '0');

    // The public page.
    await page.getByTestId('settings-public').check();
    await page.getByTestId('settings-slug').fill(pass.slug);
    await page.getByTestId('settings-public-link').waitFor();
    await shot(page, `${tag}-02-designer`);

    expect(await d.publish()).toMatch(pass.ui.published);
    await shot(page, `${tag}-03-published`);

    // What was published is what was designed.
    const meta = await api.call<{ forms: Record<string, { fields: { key: string; type: string; fields?: { key: string; type: string }[] }[]; public?: { enabled: boolean; slug: string } }> }>('GET', `/api/apps/${pass.app}`);
    const form = meta.forms[FORM];
    for (const f of form.fields as unknown as { key: keyof Pass['labels']; label: Record<string, string>; fields?: { key: keyof Pass['labels']; label: Record<string, string> }[] }[]) {
      for (const g of [f, ...(f.fields ?? [])]) expect(g.label, g.key).toEqual({ 'zh-CN': LABELS[g.key].zh, en: LABELS[g.key].en });
    }
    expect(form.fields.map((f) => [f.key, f.type])).toEqual([
      ['name', 'text'],
      ['mobile', 'phone'],
      ['deposit', 'money'],
      ['level', 'select'],
      ['address', 'region'],
      ['customer', 'relation'],
      ['items', 'subtable'],
    ]);
    expect(form.fields[6].fields?.map((f) => [f.key, f.type])).toEqual([
      ['sku', 'text'],
      ['qty', 'number'],
    ]);
    expect(form.public).toMatchObject({ enabled: true, slug: pass.slug });

    await page.getByTestId('designer-back').click();
    await page.getByTestId(`form-public-${FORM}`).waitFor();
  });

  step('an anonymous visitor fills and submits the public page', async () => {
    const { context, page } = await freshPage(pass.lang);
    try {
      await page.goto(`/f/${pass.slug}?ref=${customerId}`);
      await page.getByTestId(`lang-${pass.lang}`).click();
      await textIs(page.getByTestId('f-title'), pass.lang === 'en' ? 'Member sign-up' : '会员报名');

      await page.getByTestId('field-name').fill(pass.visitor.name);
      await page.getByTestId('field-mobile').fill(MOBILE);
      await page.getByTestId('field-deposit').fill('12.5');
      await page.getByTestId('field-level').selectOption('gold');
      await page.getByTestId('field-address-province').selectOption(REGION.province);
      await page.getByTestId('field-address-city').selectOption(REGION.city);
      await page.getByTestId('field-address-district').selectOption(REGION.district);
      await attrIs(page.getByTestId('field-address'), 'data-value', REGION.district);
      // The relation came from the link (?ref=…).
      await attrIs(page.getByTestId('field-customer'), 'data-value', String(customerId));
      await page.getByTestId(`field-customer-chip-${customerId}`).waitFor();
      for (const [i, sku] of pass.visitor.sku.entries()) {
        await page.getByTestId('field-items-add').click();
        await page.getByTestId(`field-items-${i}-sku`).fill(sku);
        await page.getByTestId(`field-items-${i}-qty`).fill(String(i + 2));
      }
      await shot(page, `${tag}-04-public-filled`);

      const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/public/forms/${pass.slug}/submissions`);
      await page.getByTestId('form-submit').click();
      const res = await submitted;
      expect(res.status(), await res.text()).toBe(201);
      const success = page.getByTestId('f-success');
      await success.waitFor();
      recordId = Number(await success.getAttribute('data-record-id'));
      expect(recordId).toBe(((await res.json()) as { id: number }).id);
      await shot(page, `${tag}-05-public-success`);
    } finally {
      await context.close();
    }
  });

  step('an operator sees the record in /app', async () => {
    const { context, page } = await freshPage(pass.lang);
    try {
      await page.goto('/app');
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId(`lang-${pass.lang}`).click();
      await page.getByTestId(`app-${pass.app}`).click();
      await page.getByTestId(`form-${FORM}`).click();
      await page.getByTestId('records-table').waitFor();
      await page.getByTestId(`record-row-${recordId}`).waitFor();
      const cell = (key: string) => page.getByTestId(`cell-${recordId}-${key}`);
      await textIs(cell('id'), String(recordId));
      await textIs(cell('name'), pass.visitor.name);
      await textIs(cell('mobile'), MOBILE);
      await textIs(cell('deposit'), '¥12.50');
      await textIs(cell('level'), pass.lang === 'en' ? 'Gold' : '金卡');
      await textIs(cell('address'), REGION.name);
      await textIs(cell('customer'), `Acme ${tag}`);
      await textIs(cell('items'), /2/);
      // Column headers in the operator's language.
      for (const key of ['name', 'deposit', 'level', 'address'] as const) await textIs(page.getByTestId(`sort-${key}`), new RegExp(`^${L(key)}`));
      await shot(page, `${tag}-06-operator-records`);
    } finally {
      await context.close();
    }
  });

  step('the API returns the exact stored values', async () => {
    const page = await api.call<{ items: Record<string, unknown>[] }>('GET', `/api/apps/${pass.app}/forms/${FORM}/records`);
    const rec = page.items.find((r) => r.id === recordId);
    expect(rec).toMatchObject({
      id: recordId,
      name: pass.visitor.name,
      mobile: MOBILE,
      deposit: 1250,
      level: 'gold',
      address: REGION.district,
      customer: customerId,
      items: [
        { sku: pass.visitor.sku[0], qty: 2 },
        { sku: pass.visitor.sku[1], qty: 3 },
      ],
    });
    expect(page.items).toHaveLength(1);
  });

  step('an operator edits the record: amount, relation picked by search, one sub-table row removed', async () => {
    const other = await api.call<{ id: number }>('POST', `/api/apps/${pass.app}/forms/${TARGET}/records`, { name: `Beta ${tag}` }, 201);
    const { context, page } = await freshPage(pass.lang);
    try {
      await page.goto('/app/login');
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId(`app-${pass.app}`).waitFor();
      await page.goto(`/app/${pass.app}/${FORM}`);
      await page.getByTestId(`lang-${pass.lang}`).click();
      await page.getByTestId(`record-edit-${recordId}`).click();

      // The stored record comes back into the form as it was entered.
      await expect.poll(() => page.getByTestId('field-deposit').inputValue()).toBe('12.50');
      expect(await page.getByTestId('field-name').inputValue()).toBe(pass.visitor.name);
      expect(await page.getByTestId('field-level').inputValue()).toBe('gold');
      expect(await page.getByTestId('field-address-province').inputValue()).toBe(REGION.province);
      expect(await page.getByTestId('field-address-city').inputValue()).toBe(REGION.city);
      expect(await page.getByTestId('field-address-district').inputValue()).toBe(REGION.district);
      await textIs(page.getByTestId(`field-customer-chip-${customerId}`), new RegExp(`^Acme ${tag}`));
      await attrIs(page.getByTestId('field-items'), 'data-rows', '2');
      expect(await page.getByTestId('field-items-1-sku').inputValue()).toBe(pass.visitor.sku[1]);

      await page.getByTestId('field-deposit').fill('1,234.5');
      await page.getByTestId('field-customer-change').click();
      await page.getByTestId('field-customer-search').fill('Beta');
      await page.getByTestId(`field-customer-option-${other.id}`).click();
      await attrIs(page.getByTestId('field-customer'), 'data-value', String(other.id));
      await page.getByTestId('field-items-1-remove').click();
      await attrIs(page.getByTestId('field-items'), 'data-rows', '1');
      await shot(page, `${tag}-07-operator-edit`);

      const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.endsWith(`/records/${recordId}`));
      await page.getByTestId('form-submit').click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('flash').waitFor();
      const cell = (key: string) => page.getByTestId(`cell-${recordId}-${key}`);
      await textIs(cell('deposit'), '¥1,234.50');
      await textIs(cell('customer'), `Beta ${tag}`);

      const rec = await api.call<Record<string, unknown>>('GET', `/api/apps/${pass.app}/forms/${FORM}/records/${recordId}`);
      expect(rec).toMatchObject({ deposit: 123450, customer: other.id, address: REGION.district, level: 'gold', name: pass.visitor.name, mobile: MOBILE });
      expect(rec.items).toEqual([{ sku: pass.visitor.sku[0], qty: 2 }]);
    } finally {
      await context.close();
    }
  });
});
