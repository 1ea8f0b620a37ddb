import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Lang } from './session';

/** Signs in to the operator UI `/app` and switches it to `lang`; waits for the header of a signed-in user. */
export async function loginApp(page: Page, email: string, password: string, lang: Lang): Promise<void> {
  await page.goto('/app/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // Signed in as this user (not still the previous one) before going on.
  await expect.poll(async () => (await page.getByTestId('header-user').getAttribute('title').catch(() => null)) ?? '', { timeout: 15_000 }).toContain(email);
  await page.getByTestId('nav-tasks').waitFor();
  await page.getByTestId(`lang-${lang}`).click();
}
