import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS, attrIs } from './studio';

/** What the "new connector" dialog asks for. */
export interface NewConnector {
  preset: 'rest' | 'kingdee-k3cloud' | 'yonyou-yonbip' | 'wecom-robot' | 'douyin-shop' | 'wechat-channels' | 'aliyun-sms';
  key: string;
  zh: string;
  en: string;
}

/** How long the outbox may take to act (worker poll, retries): longer than a UI wait. */
export const OUTBOX_MS = 45_000;

/**
 * The connector page of the studio (`/studio/apps/<app>/connectors/<key>`) and the app page's
 * connectors panel, driven through the test ids of `apps/studio/TESTIDS.md`.
 */
export class ConnectorPage {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The editable content of the CodeMirror editor `testId` (mappings and JSON samples). */
  content(testId: string): Locator {
    return this.page.locator(`[data-testid="${testId}"] .cm-content`);
  }

  /** Replaces the text of the CodeMirror editor `testId` and waits until it shows exactly that. */
  async code(testId: string, text: string): Promise<void> {
    const content = this.content(testId);
    await content.fill(text);
    await expect.poll(() => content.textContent(), { timeout: WAIT_MS }).toBe(text.replace(/\n/g, ''));
    await content.blur();
  }

  /** Creates a connector from the app page's panel and waits for its page. */
  async create(c: NewConnector): Promise<void> {
    await this.id('connector-create').click();
    await this.id('connector-create-dialog').waitFor();
    await this.id(`connector-preset-${c.preset}`).click();
    await attrIs(this.id(`connector-preset-${c.preset}`), 'aria-pressed', 'true');
    await this.id('connector-key').fill(c.key);
    await this.id('connector-create-name-zh').fill(c.zh);
    await this.id('connector-create-name-en').fill(c.en);
    await this.id('connector-create-submit').click();
    await this.id('connector-editor').waitFor({ timeout: WAIT_MS });
    await this.page.waitForURL((u) => u.pathname.endsWith(`/connectors/${c.key}`));
  }

  /** Opens a section tab (`setup`, `operations`, `inbound`, `deliveries`). */
  async tab(name: 'setup' | 'operations' | 'inbound' | 'deliveries'): Promise<void> {
    await this.id(`connector-tab-${name}`).click();
    await attrIs(this.id('connector-editor'), 'data-tab', name);
  }

  /** Sets secret `name` in Setup › Credentials and waits until the server says it is set. */
  async secret(name: string, value: string): Promise<void> {
    const input = this.id(`secret-input-${name}`);
    await expect.poll(() => input.isEnabled(), { timeout: WAIT_MS }).toBe(true);
    await input.fill(value);
    const saved = this.page.waitForResponse((r) => r.request().method() === 'PUT' && /\/connectors\/[^/]+\/settings$/.test(new URL(r.url()).pathname));
    await this.id(`secret-save-${name}`).click();
    const res = await saved;
    if (res.status() !== 200) throw new Error(`saving secret ${name} answered ${res.status()}: ${await res.text()}`);
    await attrIs(this.id(`secret-${name}`), 'data-set', 'true');
    expect(await input.inputValue()).toBe('');
  }

  /** Saves the draft (`connector-save`) and waits for the saved state. */
  async save(): Promise<string> {
    return this.persist('connector-save', 'saved', /\/api\/apps\/[^/]+\/connectors\/[^/]+$/, 'PUT');
  }

  /** Saves, then publishes the app (`connector-publish`); waits for the published state. */
  async publish(): Promise<string> {
    return this.persist('connector-publish', 'published', /\/api\/apps\/[^/]+\/publish$/, 'POST');
  }

  private async persist(button: string, state: 'saved' | 'published', url: RegExp, method: string): Promise<string> {
    const done = this.page.waitForResponse((r) => r.request().method() === method && url.test(new URL(r.url()).pathname));
    await this.id(button).click();
    const res = await done;
    if (res.status() !== 200) throw new Error(`${button} answered ${res.status()}: ${await res.text()}`);
    const badge = this.id('connector-result');
    await attrIs(badge, 'data-state', state);
    await attrIs(this.id('connector-dirty'), 'data-dirty', 'false');
    return ((await badge.textContent()) ?? '').trim();
  }

  /** Runs the test call of the open operation; waits for its answer and returns the result box. */
  async testCall(): Promise<Locator> {
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/connectors\/[^/]+\/test$/.test(new URL(r.url()).pathname));
    await this.id('op-test-run').click();
    const res = await answered;
    if (res.status() !== 200) throw new Error(`the test call answered ${res.status()}: ${await res.text()}`);
    const result = this.id('op-test-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: WAIT_MS }).not.toBe('running');
    return result;
  }

  /** The ids of the deliveries listed in the monitor, newest first. */
  async deliveryIds(): Promise<string[]> {
    return this.page.locator('[data-testid^="delivery-row-"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.testid!.slice('delivery-row-'.length)));
  }

  /** Waits (the monitor refreshes itself) until delivery `id` shows `state`. */
  async deliveryState(id: string, state: string, timeout = OUTBOX_MS): Promise<void> {
    await expect.poll(() => this.id(`delivery-row-${id}`).getAttribute('data-state').catch(() => null), { timeout, interval: 500 }).toBe(state);
  }
}
