import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Default timeout of the polling assertions below (Playwright's own waits use the page's). */
export const WAIT_MS = 15_000;

/** Polls until `locator`'s attribute equals `value` (Playwright has no `expect` in playwright-core). */
export async function attrIs(locator: Locator, name: string, value: string): Promise<void> {
  await expect.poll(() => locator.getAttribute(name), { timeout: WAIT_MS }).toBe(value);
}

/**
 * Clicks `locator` until its attribute `name` reads `value`: a click that lands while a drag
 * just ended (dnd-kit swallows the click that follows a drop) is repeated, a real no-op fails.
 */
export async function clickUntil(locator: Locator, name: string, value: string): Promise<void> {
  await expect.poll(async () => {
    if ((await locator.getAttribute(name)) !== value) await locator.click();
    return locator.getAttribute(name);
  }, { timeout: WAIT_MS }).toBe(value);
}

/** Polls until `locator`'s trimmed text equals (string) or matches (RegExp) `text`. */
export async function textIs(locator: Locator, text: string | RegExp): Promise<void> {
  const read = async () => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  if (typeof text === 'string') await expect.poll(read, { timeout: WAIT_MS }).toBe(text);
  else await expect.poll(read, { timeout: WAIT_MS }).toMatch(text);
}

/** Where on the target a drag is released: its upper part (insert before), lower part (after), or middle. */
export type DropAt = 'before' | 'after' | 'center';

/**
 * A real pointer drag: press on `source`, move in steps (dnd-kit activates after 5 px) to a
 * point of `target`, release. The browser sees genuine pointerdown/move/up events.
 */
export async function pointerDrag(page: Page, source: Locator, target: Locator, at: DropAt = 'center'): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  await target.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  const x = to.x + to.width / 2;
  const y = at === 'before' ? to.y + Math.min(8, to.height / 4) : at === 'after' ? to.y + to.height - Math.min(8, to.height / 4) : to.y + to.height / 2;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 6, { steps: 3 });
  await page.mouse.move(x, y, { steps: 12 });
  await page.mouse.up();
}

/** The designer of the form open in `page`. */
export class Designer {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Waits for the field `key` to be the selected one (the property panel shows it). */
  async selected(key: string): Promise<void> {
    await attrIs(this.id('prop-panel'), 'data-field-key', key);
    await attrIs(this.id(`canvas-field-${key}`), 'data-selected', 'true');
  }

  /** Drags palette item `type` onto `target` (the canvas, a field, or a sub-table's zone). */
  async dragFromPalette(type: string, target: Locator, at: DropAt = 'center'): Promise<void> {
    await pointerDrag(this.page, this.id(`palette-${type}`), target, at);
  }

  /** Clicks palette item `type` (appends at the end, or inside the selected sub-table). */
  async clickPalette(type: string): Promise<void> {
    await this.id(`palette-${type}`).click();
  }

  /** Sets the selected field's labels and key in the property panel, and waits for the new key. */
  async name(fromKey: string, p: { key: string; zh: string; en: string }): Promise<void> {
    await this.selected(fromKey);
    await this.id('prop-label-zh').fill(p.zh);
    await this.id('prop-label-en').fill(p.en);
    await this.id('prop-key').fill(p.key);
    await this.selected(p.key);
    // Under heavy load the panel can re-initialise from the store right after a drop and drop a
    // label typed in that instant (a known race, see the closing note of issue 3): re-type it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const zh = this.id('prop-label-zh');
      const en = this.id('prop-label-en');
      if ((await zh.inputValue()) === p.zh && (await en.inputValue()) === p.en) return;
      if ((await zh.inputValue()) !== p.zh) await zh.fill(p.zh);
      if ((await en.inputValue()) !== p.en) await en.fill(p.en);
    }
  }

  /** Replaces the options of the selected select field. */
  async options(options: { value: string; zh: string; en: string }[]): Promise<void> {
    for (const [i, o] of options.entries()) {
      if (!(await this.id(`prop-option-value-${i}`).count())) await this.id('prop-options-add').click();
      await this.id(`prop-option-value-${i}`).fill(o.value);
      await this.id(`prop-option-label-zh-${i}`).fill(o.zh);
      await this.id(`prop-option-label-en-${i}`).fill(o.en);
    }
    while (await this.id(`prop-option-value-${options.length}`).count()) await this.id(`prop-option-remove-${options.length}`).click();
  }

  /** The keys of the canvas' fields, in order, root level only (`[key, [sub keys]]` for sub-tables). */
  async rootKeys(): Promise<string[]> {
    return this.id('canvas').evaluate((canvas) =>
      [...canvas.querySelectorAll<HTMLElement>('[data-testid^="canvas-field-"]')]
        .filter((el) => el.dataset.dropIn === '')
        .map((el) => el.dataset.testid!.slice('canvas-field-'.length)),
    );
  }

  /** The keys of the fields inside sub-table `key`, in order. */
  async subKeys(key: string): Promise<string[]> {
    return this.id(`subtable-drop-${key}`).evaluate((zone) =>
      [...zone.querySelectorAll<HTMLElement>('[data-testid^="canvas-field-"]')].map((el) => el.dataset.testid!.slice('canvas-field-'.length)),
    );
  }

  /** Saves and publishes the app; waits for the success state and returns its text. */
  async publish(): Promise<string> {
    const done = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/apps\/[^/]+\/publish$/.test(new URL(r.url()).pathname));
    await this.id('publish').click();
    const res = await done;
    if (res.status() !== 200) throw new Error(`publish answered ${res.status()}: ${await res.text()}`);
    const badge = this.id('publish-result');
    await attrIs(badge, 'data-state', 'published');
    await attrIs(this.id('dirty-indicator'), 'data-dirty', 'false');
    return ((await badge.textContent()) ?? '').trim();
  }
}

/**
 * Opens the studio's sign-in page in language `lang` (switching if needed, checking the button
 * reads `signIn`) and fills in the credentials; the caller clicks `login-submit`.
 */
export async function fillStudioLogin(page: Page, lang: string, signIn: string, who: { email: string; password: string }): Promise<void> {
  await page.goto('/studio/');
  const switcher = page.getByTestId('lang-switch');
  if ((await switcher.getAttribute('data-locale')) !== lang) await switcher.selectOption(lang);
  await attrIs(switcher, 'data-locale', lang);
  await textIs(page.getByTestId('login-submit'), signIn);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
}
