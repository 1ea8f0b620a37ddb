import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS, attrIs } from './studio';

/** The state of a rule's save / publish badge (`rule-result`'s `data-state`). */
export type RuleResultState = 'saved' | 'published';

/** What the "new rule" dialog asks for. */
export interface NewRule {
  type: 'trigger' | 'table';
  key: string;
  zh: string;
  en: string;
  /** The form an automation starts on. */
  form?: string;
}

/**
 * The rule editor of the studio (`/studio/apps/<app>/rules/<key>`) and the app page's rules
 * panel, driven through the test ids of `apps/studio/TESTIDS.md`.
 */
export class RuleEditor {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The editable content of the CodeMirror expression editor `testId`. */
  exprContent(testId: string): Locator {
    return this.page.locator(`[data-testid="${testId}"] .cm-content`);
  }

  /**
   * Puts `text` into the CodeMirror expression editor `testId` (replacing what it held) and waits
   * until the editor shows exactly that. By default the text is filled in one input event; with
   * `{ keys: true }` it is typed key by key (the way a person types: autocomplete opens and
   * filters as it goes). The editor is then blurred, which closes any completion list it opened.
   */
  async expr(testId: string, text: string, opts: { keys?: boolean } = {}): Promise<void> {
    const content = this.exprContent(testId);
    if (opts.keys) {
      await content.click();
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.type(text, { delay: 20 });
      // Off the editor, so no hover tooltip stays over the controls below it.
      await this.page.mouse.move(1, 1);
    } else {
      await content.fill(text);
    }
    await expect.poll(() => content.textContent(), { timeout: WAIT_MS }).toBe(text);
    await content.blur();
    await expect.poll(() => this.page.locator('.cm-tooltip-autocomplete').count(), { timeout: WAIT_MS }).toBe(0);
  }

  /** Opens the "new rule" dialog on the app page, fills it, and waits for the editor of the new draft. */
  async create(r: NewRule): Promise<void> {
    await this.id('rule-create').click();
    await this.id('rule-create-dialog').waitFor();
    await this.id(`rule-type-${r.type}`).check();
    await this.id('rule-key').fill(r.key);
    await this.id('rule-create-title-zh').fill(r.zh);
    await this.id('rule-create-title-en').fill(r.en);
    if (r.form !== undefined) await this.id('rule-create-form').selectOption(r.form);
    await this.id('rule-create-submit').click();
    await attrIs(this.id('rule-editor'), 'data-rule-type', r.type);
    await this.page.waitForURL((u) => u.pathname.endsWith(`/rules/${r.key}`));
  }

  /** Waits for the live check to have answered the current definition with no problem. */
  async noProblems(): Promise<void> {
    const list = this.id('problem-list');
    await expect
      .poll(async () => `${await list.getAttribute('data-check')}/${await list.getAttribute('data-count')}`, { timeout: WAIT_MS })
      .toBe('done/0');
  }

  /** Replaces the console's facts with `facts` (as JSON), runs the dry run, and waits for its answer. */
  async runConsole(facts: unknown): Promise<Locator> {
    await this.id('console-tab-test').click();
    const area = this.id('console-facts');
    await area.fill(JSON.stringify(facts, null, 2));
    await attrIs(area, 'data-auto', 'false');
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/apps\/[^/]+\/rules\/test$/.test(new URL(r.url()).pathname));
    await this.id('console-run').click();
    const res = await answered;
    if (res.status() !== 200) throw new Error(`the test console's request answered ${res.status()}: ${await res.text()}`);
    const result = this.id('console-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: WAIT_MS }).not.toBe('idle');
    expect(await this.id('console-stale').count()).toBe(0);
    return result;
  }

  /** Saves the draft (`rule-save`), waits for the saved state and returns the badge's text. */
  async save(): Promise<string> {
    return this.persist('rule-save', 'saved', /\/api\/apps\/[^/]+\/rules\/[^/]+$/, 'PUT');
  }

  /** Saves, then publishes the app (`rule-publish`); waits for the published state and returns the badge's text. */
  async publish(): Promise<string> {
    return this.persist('rule-publish', 'published', /\/api\/apps\/[^/]+\/publish$/, 'POST');
  }

  private async persist(button: string, state: RuleResultState, url: RegExp, method: string): Promise<string> {
    const done = this.page.waitForResponse((r) => r.request().method() === method && url.test(new URL(r.url()).pathname));
    await this.id(button).click();
    const res = await done;
    if (res.status() !== 200) throw new Error(`${button} answered ${res.status()}: ${await res.text()}`);
    const badge = this.id('rule-result');
    await attrIs(badge, 'data-state', state);
    await attrIs(this.id('rule-dirty'), 'data-dirty', 'false');
    return ((await badge.textContent()) ?? '').trim();
  }

  /** Back to the app page (its rules panel). */
  async back(): Promise<void> {
    await this.id('rule-back').click();
    await this.id('rules-panel').waitFor();
  }
}
