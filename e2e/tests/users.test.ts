import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from '../support/api';
import { shot } from '../support/browser';
import { ADMIN } from '../support/env';
import { browserSession, type Lang } from '../support/session';
import { attrIs, textIs, fillStudioLogin } from '../support/studio';
import { UsersPage, apiUser, type ApiUser } from '../support/users';

/**
 * Acceptance: an admin manages the people approval flows assign by group (position) and
 * escalate along the manager chain, in the studio's users page. They create a user with groups
 * (typed, picked from the suggestions of `/api/groups`, comma-separated) and a manager, after
 * the server refused a short password next to its field; the API confirms what was stored and
 * the new user can sign in. They edit the user's groups, then try to make the new user the
 * manager of their own manager: the server refuses the loop and the dialog says so under the
 * manager field, and nothing changes. A user locked out by failed sign-ins shows as locked until
 * the admin unlocks them. Runs once with the UI in 简体中文 and once in English.
 */

interface Pass {
  lang: Lang;
  tag: string;
  /** The existing manager, created through the API. */
  boss: { email: string; name: string };
  /** The user created in the UI. */
  lead: { email: string; name: string; password: string };
  /** Texts a person reads in this language. */
  ui: { signIn: string; nav: string; title: string; passwordError: string; loopError: string };
}

const PASSES: Pass[] = [
  {
    lang: 'zh-CN',
    tag: 'zh',
    boss: { email: 'boss-zh@e2e.local', name: '王经理' },
    lead: { email: 'lead-zh@e2e.local', name: '李组长', password: 'lead-zh-password' },
    ui: { signIn: '登录', nav: '用户', title: '用户', passwordError: '密码需为 8 到 200 个字符。', loopError: '设置此上级会使上级链绕回到该用户本人。' },
  },
  {
    lang: 'en',
    tag: 'en',
    boss: { email: 'boss-en@e2e.local', name: 'Bianca Boss' },
    lead: { email: 'lead-en@e2e.local', name: 'Lena Lead', password: 'lead-en-password' },
    ui: {
      signIn: 'Sign in',
      nav: 'Users',
      title: 'Users',
      passwordError: 'The password needs 8 to 200 characters.',
      loopError: 'This manager would make the manager chain loop back to this user.',
    },
  },
];

const baseUrl = inject('baseUrl');
// The short password (POST) and the loop (PATCH) are refused on purpose; the steps check both answers.
const { freshPage, steps } = browserSession(baseUrl, {
  expectedFailures: [
    { url: /\/api\/users$/, status: 400 },
    { url: /\/api\/users\/\d+$/, status: 400 },
  ],
});

describe.each(PASSES)('users page: groups and manager chain [$lang]', (pass) => {
  // The steps build on each other: after a failure, the rest of this pass is skipped.
  const step = steps(`users-${pass.tag}`);
  let studio: { context: BrowserContext; page: Page };
  let ui: UsersPage;
  let api: Api;
  let boss: ApiUser;
  let lead: ApiUser;

  beforeAll(async () => {
    api = await Api.login(baseUrl, ADMIN.email, ADMIN.password);
    // The manager exists already; `finance` is then a known group the input suggests.
    await api.call('POST', '/api/users', { email: pass.boss.email, password: 'boss-password-1', role: 'operator', displayName: pass.boss.name, groups: ['finance'] }, 201);
    boss = await apiUser(api, pass.boss.email);
    studio = await freshPage(pass.lang);
    ui = new UsersPage(studio.page);
  });
  afterAll(async () => {
    await studio?.context.close();
  });

  step('an admin signs in and opens Users from the header', async () => {
    const { page } = studio;
    await fillStudioLogin(page, pass.lang, pass.ui.signIn, ADMIN);
    await page.getByTestId('login-submit').click();
    await textIs(ui.id('nav-users'), pass.ui.nav);
    await ui.id('nav-users').click();
    await ui.id('users-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/studio/users');
    await textIs(page.locator('[data-testid="users-page"] h1'), pass.ui.title);
    await ui.row(ADMIN.email).waitFor();
    await ui.row(pass.boss.email).waitFor();
    await textIs(ui.id(`user-groups-${boss.id}`), 'finance');
  });

  step('creates a user with groups and a manager; a refused password is shown next to its field', async () => {
    await ui.openNew({ email: pass.lead.email, password: 'short', name: pass.lead.name, role: 'operator' });

    // Groups: typed + Enter, picked from the suggestions, and comma-separated.
    await ui.addGroup('sales_lead');
    await ui.id('user-groups-input').fill('fin');
    await ui.id('user-group-suggestion-finance').click();
    await ui.id('user-group-finance').waitFor();
    await ui.id('user-groups-input').fill('warehouse,');
    await ui.id('user-group-warehouse').waitFor();
    // A group with a space cannot become a chip, and the dialog cannot save meanwhile.
    await ui.id('user-groups-input').fill('night shift');
    await ui.id('user-groups-invalid').waitFor();
    expect(await ui.id('user-save').isDisabled()).toBe(true);
    await ui.id('user-groups-input').fill('');
    await expect.poll(() => ui.id('user-save').isDisabled()).toBe(false);
    expect(await ui.chips()).toEqual(['sales_lead', 'finance', 'warehouse']);

    await ui.pickManager(pass.boss.name, boss.id);

    // The server refuses the 5-character password: the message sits under the password field.
    expect(await ui.save()).toBe(400);
    const pwError = ui.id('user-error-password');
    await textIs(pwError, pass.ui.passwordError);
    await attrIs(pwError, 'data-code', 'INVALID_USER');
    expect(await ui.id('user-error-email').count()).toBe(0);

    await ui.id('user-password').fill(pass.lead.password);
    expect(await ui.save()).toBe(201);
    await ui.id('user-new-dialog').waitFor({ state: 'detached' });
    await ui.row(pass.lead.email).waitFor();
    await shot(studio.page, `users-${pass.tag}-01-created`);
  });

  step('the API has the user with those groups and manager, and the user can sign in', async () => {
    lead = await apiUser(api, pass.lead.email);
    expect(lead).toMatchObject({ role: 'operator', displayName: pass.lead.name, disabled: false, groups: ['sales_lead', 'finance', 'warehouse'], managerId: boss.id });
    await Api.login(baseUrl, pass.lead.email, pass.lead.password);
    // The row shows the same.
    await attrIs(ui.id(`user-groups-${lead.id}`), 'data-groups', 'sales_lead,finance,warehouse');
    await textIs(ui.id(`user-manager-${lead.id}`), pass.boss.name);
  });

  step("edits the user's groups", async () => {
    await ui.id(`user-edit-${lead.id}`).click();
    await ui.id('user-edit-dialog').waitFor();
    expect(await ui.chips()).toEqual(['sales_lead', 'finance', 'warehouse']);
    expect(await ui.id('user-manager-select').inputValue()).toBe(String(boss.id));
    // Nobody manages themselves: the user is not among the choices.
    expect(await ui.id('user-manager-select').locator(`option[value="${lead.id}"]`).count()).toBe(0);

    await ui.id('user-group-remove-finance').click();
    await ui.addGroup('qa.team');
    expect(await ui.chips()).toEqual(['sales_lead', 'warehouse', 'qa.team']);
    expect(await ui.save()).toBe(200);
    await ui.id('user-edit-dialog').waitFor({ state: 'detached' });

    await attrIs(ui.id(`user-groups-${lead.id}`), 'data-groups', 'sales_lead,warehouse,qa.team');
    const stored = await apiUser(api, pass.lead.email);
    expect(stored.groups).toEqual(['sales_lead', 'warehouse', 'qa.team']);
    expect(stored.managerId).toBe(boss.id);
  });

  step('a user locked out by failed sign-ins shows as locked; Unlock lets them sign in again', async () => {
    const attempt = (password: string) => fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: pass.lead.email, password }) });
    for (let i = 0; i < 5; i++) await attempt('wrong-password');
    expect((await attempt(pass.lead.password)).status).toBe(423);
    await studio.page.reload();
    await ui.id('users-page').waitFor();
    await ui.id(`user-locked-${lead.id}`).waitFor();
    await ui.id(`user-unlock-${lead.id}`).click();
    await ui.id(`user-locked-${lead.id}`).waitFor({ state: 'detached' });
    expect(await ui.id(`user-unlock-${lead.id}`).count()).toBe(0);
    expect((await attempt(pass.lead.password)).status).toBe(200);
  });

  step('refuses a manager chain that loops, with the error under the manager field', async () => {
    // The new user's manager is the boss: making the new user the boss' manager would loop.
    await ui.id(`user-edit-${boss.id}`).click();
    await ui.id('user-edit-dialog').waitFor();
    await ui.pickManager(pass.lead.name, lead.id);
    expect(await ui.save()).toBe(400);

    const error = ui.id('user-error-managerId');
    await textIs(error, pass.ui.loopError);
    await attrIs(error, 'data-code', 'INVALID_USER');
    // The dialog stays open with the choice, so the admin can pick someone else.
    expect(await ui.id('user-manager-select').inputValue()).toBe(String(lead.id));
    await shot(studio.page, `users-${pass.tag}-02-loop-refused`);

    await ui.id('user-cancel').click();
    await ui.id('user-edit-dialog').waitFor({ state: 'detached' });
    expect((await apiUser(api, pass.boss.email)).managerId).toBeNull();
    await textIs(ui.id(`user-manager-${boss.id}`), '—');
  });
});
