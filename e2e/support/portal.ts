import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Api } from './api';
import { WAIT_MS } from './studio';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws unless `bytes` start like a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The latest sign-in code sent to `phone` (test clock runtimes only). The answer's exact shape
 * is the server's; the code is the six-digit `code` in it.
 */
export async function latestLoginCode(api: Api, phone: string): Promise<string> {
  const body = await api.call<unknown>('GET', `/api/_test/login-codes?phone=${encodeURIComponent(phone)}`);
  type Sent = { code?: unknown; createdAt?: string; at?: string; sentAt?: string };
  const one = body as Sent | undefined;
  if (typeof one?.code === 'string' || typeof one?.code === 'number') return String(one.code);
  const list = (Array.isArray(body) ? body : (body as { items?: unknown })?.items) as Sent[] | undefined;
  if (Array.isArray(list) && list.length) {
    const when = (i: Sent) => Date.parse(i.createdAt ?? i.at ?? i.sentAt ?? '') || 0;
    const latest = list.reduce((a, b) => (when(b) > when(a) ? b : a));
    if (latest.code !== undefined) return String(latest.code);
  }
  throw new Error(`no sign-in code for ${phone} in ${JSON.stringify(body)}`);
}

/**
 * The promoter portal `/p/{app}`, driven through the test ids listed at the top of
 * `apps/runtime/web/src/p/main.tsx`.
 */
export class PortalPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly app: string,
  ) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async open(section = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/p/${this.app}${section ? `/${section}` : ''}`);
  }

  /** Opens a tab and waits for its page. */
  async tab(name: 'home' | 'downline' | 'ledger' | 'withdraw'): Promise<void> {
    await this.id(`p-tab-${name}`).click();
    await this.id(`p-${name}`).waitFor();
    await expect.poll(() => this.id(`p-tab-${name}`).getAttribute('aria-current'), { timeout: WAIT_MS }).toBe('page');
  }

  /** A number-valued data attribute of a test id (`data-fen`, `data-count`). */
  async num(testId: string, attr: string): Promise<number> {
    return Number(await this.id(testId).getAttribute(attr));
  }

  /** Ids of the rows whose test id starts with `prefix` (e.g. `p-ledger-row-`). */
  async rowIds(prefix: string): Promise<number[]> {
    const ids = await this.page.locator(`[data-testid^="${prefix}"]`).evaluateAll((els, p) => els.map((e) => (e as HTMLElement).dataset.testid!.slice(p.length)), prefix);
    return ids.filter((s) => /^\d+$/.test(s)).map(Number);
  }

  /** Every ledger row id, clicking "load more" until the end. */
  async allLedgerIds(): Promise<number[]> {
    await this.page.locator('[data-testid="p-ledger-list"], [data-testid="p-ledger-empty"]').first().waitFor();
    for (let i = 0; i < 50 && (await this.id('p-ledger-more').count()); i++) {
      const before = (await this.rowIds('p-ledger-row-')).length;
      await this.id('p-ledger-more').click();
      await expect.poll(async () => (await this.rowIds('p-ledger-row-')).length > before || (await this.id('p-ledger-more').count()) === 0, { timeout: WAIT_MS }).toBe(true);
    }
    return this.rowIds('p-ledger-row-');
  }
}
