import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS } from './studio';

/** A user as `GET /api/users` returns it. */
export interface ApiUser {
  id: number;
  email: string;
  role: string;
  displayName: string | null;
  disabled: boolean;
  groups: string[];
  managerId: number | null;
}

/** What the "new user" dialog is filled with. */
export interface NewUserForm {
  email: string;
  password: string;
  name: string;
  role: string;
}

/**
 * The studio's users page (`/studio/users`) and its dialogs, driven through the test ids of
 * `apps/studio/TESTIDS.md` (section "Users").
 */
export class UsersPage {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The table row of the user with `email`. */
  row(email: string): Locator {
    return this.page.locator(`[data-testid^="user-row-"][data-email="${email}"]`);
  }

  /** The dialog open now (new or edit). */
  dialog(): Locator {
    return this.page.locator('[data-testid="user-new-dialog"], [data-testid="user-edit-dialog"]');
  }

  /** Opens "new user" and fills email, password, name and role. */
  async openNew(u: NewUserForm): Promise<void> {
    await this.id('user-new').click();
    await this.id('user-new-dialog').waitFor();
    await this.id('user-email').fill(u.email);
    await this.id('user-password').fill(u.password);
    await this.id('user-name').fill(u.name);
    await this.id('user-role').selectOption(u.role);
  }

  /** Types `key` into the groups input and presses Enter; waits for its chip. */
  async addGroup(key: string): Promise<void> {
    await this.id('user-groups-input').fill(key);
    await this.id('user-groups-input').press('Enter');
    await this.id(`user-group-${key}`).waitFor();
    await expect.poll(() => this.id('user-groups-input').inputValue(), { timeout: WAIT_MS }).toBe('');
  }

  /** The chips of the dialog's groups input, in order. */
  async chips(): Promise<string[]> {
    return this.id('user-groups').evaluate((box) =>
      [...box.querySelectorAll<HTMLElement>('[data-testid^="user-group-"]')]
        .map((el) => el.dataset.testid!)
        .filter((id) => !id.startsWith('user-group-remove-'))
        .map((id) => id.slice('user-group-'.length)),
    );
  }

  /** Narrows the manager list with `search` and picks user `id`. */
  async pickManager(search: string, id: number): Promise<void> {
    await this.id('user-manager-search').fill(search);
    await this.id('user-manager-select').selectOption(String(id));
    expect(await this.id('user-manager-select').inputValue()).toBe(String(id));
  }

  /** Clicks save and returns the status of the create / update request it sent. */
  async save(): Promise<number> {
    const answered = this.page.waitForResponse((r) => ['POST', 'PATCH'].includes(r.request().method()) && /\/api\/users(\/\d+)?$/.test(new URL(r.url()).pathname));
    await this.id('user-save').click();
    return (await answered).status();
  }
}

/** The user with `email` as the API lists it. */
export async function apiUser(api: { call<T>(method: string, path: string): Promise<T> }, email: string): Promise<ApiUser> {
  const { items } = await api.call<{ items: ApiUser[] }>('GET', '/api/users');
  const user = items.find((u) => u.email === email);
  if (!user) throw new Error(`GET /api/users has no ${email}`);
  return user;
}
