import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, shot } from './browser';

/** The UI languages the acceptance tests run in. */
export type Lang = 'zh-CN' | 'en';

/** A request a test makes fail on purpose (e.g. a save the server must refuse). */
export interface ExpectedFailure {
  /** Matches the request's URL. */
  url: RegExp;
  /** The HTTP status it is refused with. */
  status: number;
}

/**
 * One Chromium for a test file, with fresh contexts per user, screenshots of every open page
 * when a step fails, and a check that no page logged an uncaught exception or console error.
 * Chromium logs every 4xx answer as a console error ("Failed to load resource"); the
 * `expectedFailures` a test provokes on purpose (and checks itself) are not counted.
 * Call at the top level of a test file (it registers beforeAll/afterAll hooks).
 *
 * @example browserSession(baseUrl, { expectedFailures: [{ url: /\/api\/users\/\d+$/, status: 400 }] })
 */
export function browserSession(baseUrl: string, opts: { expectedFailures?: ExpectedFailure[] } = {}) {
  let browser: Browser;
  const openPages = new Set<Page>();
  const browserErrors: string[] = [];
  const expected = (url: string, text: string) =>
    (opts.expectedFailures ?? []).some((f) => f.url.test(url) && text.startsWith(`Failed to load resource: the server responded with a status of ${f.status} `));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    expect(browserErrors).toEqual([]);
  });

  /** A new browser context (no token, no stored language) with a page, in `lang`. */
  async function freshPage(lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: baseUrl, locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1440, height: 1000 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    openPages.add(page);
    page.on('close', () => openPages.delete(page));
    page.on('pageerror', (e) => browserErrors.push(`${page.url()}: uncaught ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon\.ico/.test(m.location().url) && !expected(m.location().url, m.text())) browserErrors.push(`${page.url()}: console.error ${m.text()}`);
    });
    return { context, page };
  }

  /**
   * A `step(name, fn)` factory for one describe block whose steps build on each other: after a
   * failure the rest are skipped, and every open page is screenshotted as `<prefix>-FAILED-<name>`.
   */
  function steps(prefix: string) {
    let broken = false;
    return (name: string, fn: () => Promise<void>) =>
      it(name, async (ctx) => {
        if (broken) ctx.skip();
        try {
          await fn();
        } catch (e) {
          broken = true;
          for (const p of openPages) if (!p.isClosed()) await shot(p, `${prefix}-FAILED-${name.replace(/\W+/g, '-')}`).catch(() => {});
          throw e;
        }
      });
  }

  return { freshPage, steps };
}
