import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS, attrIs } from './studio';

/*
 * The operator's task inbox, task page, submissions and instance pages (`/app/tasks`,
 * `/app/tasks/{id}`, `/app/submissions`, `/app/instances/{id}`) and the record page's flows
 * section, driven through these test ids (apps/runtime/web/src/app/**):
 *
 * header     nav-tasks (badge nav-tasks-count, overdue nav-tasks-overdue), nav-submissions
 * inbox      tasks-page (data-tab), tasks-tab-open | tasks-tab-done (data-active; counts
 *            tasks-tab-open-count, tasks-tab-done-count, tasks-overdue-count), tasks-table,
 *            task-row-<id> (data-status, data-overdue) with task-record-title, task-node,
 *            task-flow, task-initiator, task-created, task-due (data-overdue, task-overdue tag),
 *            task-status (done tab), task-acted; tasks-empty, tasks-more; flash (text flash-text)
 * task       task-page (data-status, data-task-id), task-title, task-closed (data-status) with
 *            task-status; task-record (data-editable) with KilnForm inputs field-<key>;
 *            task-actions: task-comment, task-approve, task-reject, task-transfer,
 *            task-add-signer, task-return, task-comment-send; error-notice
 * dialogs    task-dialog (data-action transfer | add-signer | return), task-dialog-comment,
 *            task-dialog-submit, task-dialog-cancel; user-picker-search,
 *            user-picker-option-<userId>, user-picker-selected (data-user-id);
 *            signer-position-before | -after; return-target-<nodeId>
 * instance   instance-summary (data-status) with instance-status (data-status), instance-flow,
 *            instance-record, instance-initiator, instance-nodes, instance-link; instance-page
 *            (data-status), instance-title, instance-tasks with instance-task-<id> (data-status)
 * timeline   timeline (data-all), timeline-entry (data-type = history type, data-sla on SLA
 *            events) with timeline-time, timeline-user, timeline-what, timeline-node,
 *            timeline-comment, timeline-sla; timeline-all shows the hidden entered / left entries
 * mine       submissions-page (data-tab), submissions-tab-running | -finished,
 *            submission-row-<id> (data-status) with submission-title, instance-status,
 *            submission-nodes, withdraw; submissions-empty; confirm-dialog, confirm-ok
 * record     record-flows, flow-start-<flowKey>, record-flow-instance-<id> (data-status,
 *            data-flow) with record-flow-open; record-flows-empty, record-flows-flash
 */

/** Which inbox tab. */
export type InboxTab = 'open' | 'done';

const id = (page: Page, testId: string): Locator => page.getByTestId(testId);
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Opens the inbox on `tab` and waits for its list (or its empty state) to show. */
export async function openInbox(page: Page, baseUrl: string, tab: InboxTab = 'open'): Promise<void> {
  await page.goto(`${baseUrl}/app/tasks${tab === 'done' ? '?tab=done' : ''}`);
  await inboxLoaded(page, tab);
}

/** Waits until the inbox shows `tab` with its rows or its empty state. */
export async function inboxLoaded(page: Page, tab: InboxTab = 'open'): Promise<void> {
  await attrIs(id(page, 'tasks-page'), 'data-tab', tab);
  await page.locator('[data-testid="tasks-table"], [data-testid="tasks-empty"]').first().waitFor();
}

/** Switches the inbox to `tab` by clicking it. */
export async function inboxTab(page: Page, tab: InboxTab): Promise<void> {
  await id(page, `tasks-tab-${tab}`).click();
  await inboxLoaded(page, tab);
}

/** The task ids listed in the inbox, top to bottom. */
export async function inboxTaskIds(page: Page): Promise<number[]> {
  const ids = await page.locator('[data-testid^="task-row-"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.testid!.slice('task-row-'.length)));
  return ids.map(Number);
}

/** The inbox row of task `taskId`. */
export const taskRow = (page: Page, taskId: number): Locator => id(page, `task-row-${taskId}`);

/** The counts on the inbox tabs (`overdue` is 0 when no badge shows). */
export async function inboxCounts(page: Page): Promise<{ open: number; done: number; overdue: number }> {
  const num = async (testId: string) => ((await id(page, testId).count()) ? Number(norm(await id(page, testId).textContent()).replace(/\D+/g, '')) : 0);
  return { open: await num('tasks-tab-open-count'), done: await num('tasks-tab-done-count'), overdue: await num('tasks-overdue-count') };
}

/** The header's open-task badge as a number (0 when no badge shows). */
export async function headerTaskCount(page: Page): Promise<number> {
  const badge = id(page, 'nav-tasks-count');
  return (await badge.count()) ? Number(norm(await badge.textContent())) : 0;
}

/**
 * Opens a task page: by clicking its inbox row when the inbox shows it, else by going to
 * `/app/tasks/{id}` (pass `baseUrl`). Waits for the task page of that id.
 */
export async function openTask(page: Page, taskId: number, baseUrl?: string): Promise<void> {
  if (baseUrl !== undefined) await page.goto(`${baseUrl}/app/tasks/${taskId}`);
  else await taskRow(page, taskId).click();
  await attrIs(id(page, 'task-page'), 'data-task-id', String(taskId));
}

/** The status of the task on the page (`open`, `approved`, …). */
export async function taskStatus(page: Page): Promise<string> {
  return (await id(page, 'task-page').getAttribute('data-status')) ?? '';
}

/** Fills the editable field `key` of the task's record (a text-like input). */
export async function fillTaskField(page: Page, key: string, value: string): Promise<void> {
  await id(page, 'task-record').getByTestId(`field-${key}`).fill(value);
}

/** Clicks `button` and waits for the POST to `urlPart` to answer; throws with the body unless it is 2xx. */
async function post(page: Page, button: Locator, urlPart: RegExp): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && urlPart.test(new URL(r.url()).pathname), { timeout: WAIT_MS });
  await button.click();
  const res = await answered;
  if (res.status() < 200 || res.status() >= 300) throw new Error(`${new URL(res.url()).pathname} answered ${res.status()}: ${await res.text()}`);
}

/** Waits for the inbox after an action that closed the task, and returns its flash message. */
async function backInInbox(page: Page): Promise<string> {
  await page.waitForURL((u) => u.pathname === '/app/tasks', { timeout: WAIT_MS });
  await inboxLoaded(page, 'open');
  return norm(await id(page, 'flash-text').textContent());
}

async function complete(page: Page, button: 'task-approve' | 'task-reject', comment?: string): Promise<string> {
  if (comment !== undefined) await id(page, 'task-comment').fill(comment);
  await post(page, id(page, button), /\/api\/tasks\/\d+\/complete$/);
  return backInInbox(page);
}

/** Approves the open task (with `comment`), waits for the inbox and returns the flash text. */
export const approve = (page: Page, comment?: string): Promise<string> => complete(page, 'task-approve', comment);

/** Rejects the open task (with `comment`), waits for the inbox and returns the flash text. */
export const reject = (page: Page, comment?: string): Promise<string> => complete(page, 'task-reject', comment);

/** Picks the user `userId` in an open dialog's user picker, searching for `query` first. */
async function pickUser(page: Page, query: string, userId: number): Promise<void> {
  await id(page, 'user-picker-search').fill(query);
  await id(page, `user-picker-option-${userId}`).click();
  await attrIs(id(page, 'user-picker-selected'), 'data-user-id', String(userId));
}

async function submitDialog(page: Page, action: string, url: RegExp, comment?: string): Promise<void> {
  if (comment !== undefined) await id(page, 'task-dialog-comment').fill(comment);
  await post(page, id(page, 'task-dialog-submit'), url);
  await expect.poll(() => page.locator(`[data-testid="task-dialog"][data-action="${action}"]`).count(), { timeout: WAIT_MS }).toBe(0);
}

/** Transfers the open task to user `userId` (found by `query`); returns the inbox's flash text. */
export async function transfer(page: Page, query: string, userId: number, comment?: string): Promise<string> {
  await id(page, 'task-transfer').click();
  await pickUser(page, query, userId);
  await submitDialog(page, 'transfer', /\/api\/tasks\/\d+\/transfer$/, comment);
  return backInInbox(page);
}

/**
 * Adds user `userId` (found by `query`) as a signer before the open task (it waits for them) or
 * after it (it counts as approved, then they sign). Either way the task leaves the user's hands,
 * so the page goes back to the inbox; its flash text is returned.
 */
export async function addSigner(page: Page, query: string, userId: number, position: 'before' | 'after', comment?: string): Promise<string> {
  await id(page, 'task-add-signer').click();
  await pickUser(page, query, userId);
  await id(page, `signer-position-${position}`).check();
  await submitDialog(page, 'add-signer', /\/api\/tasks\/\d+\/add-signer$/, comment);
  return backInInbox(page);
}

/** Returns the open task to the earlier node `nodeId`; returns the inbox's flash text. */
export async function returnTo(page: Page, nodeId: string, comment?: string): Promise<string> {
  await id(page, 'task-return').click();
  await id(page, `return-target-${nodeId}`).check();
  await submitDialog(page, 'return', /\/api\/tasks\/\d+\/return$/, comment);
  return backInInbox(page);
}

/** Adds a comment to the open task without acting; waits until the timeline shows it. */
export async function commentOnly(page: Page, comment: string): Promise<void> {
  await id(page, 'task-comment').fill(comment);
  await post(page, id(page, 'task-comment-send'), /\/api\/tasks\/\d+\/comment$/);
  await expect.poll(async () => (await timelineTexts(page)).some((t) => t.includes(comment)), { timeout: WAIT_MS }).toBe(true);
}

/** Waits for the timeline; with `all`, also shows its hidden bookkeeping entries (entered / left). */
async function timelineReady(page: Page, all: boolean): Promise<void> {
  await page.locator('[data-testid="timeline"], [data-testid="timeline-empty"]').first().waitFor();
  const toggle = id(page, 'timeline-all');
  if (all && (await toggle.count()) && (await id(page, 'timeline').getAttribute('data-all')) !== 'true') {
    await toggle.click();
    await attrIs(id(page, 'timeline'), 'data-all', 'true');
  }
}

/**
 * The timeline on the page, oldest first, one normalised text per entry ("time who what · node
 * comment"). Entries of a token entering / leaving a node are left out unless `all`.
 */
export async function timelineTexts(page: Page, opts: { all?: boolean } = {}): Promise<string[]> {
  await timelineReady(page, opts.all === true);
  return (await id(page, 'timeline-entry').allTextContents()).map(norm);
}

/** The history types of the timeline on the page, oldest first (`started`, `task.approved`, …); entered / left only with `all`. */
export async function timelineTypes(page: Page, opts: { all?: boolean } = {}): Promise<string[]> {
  await timelineReady(page, opts.all === true);
  return id(page, 'timeline-entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type ?? ''));
}

/** Opens my submissions on `tab` and waits for its list or empty state. */
export async function openSubmissions(page: Page, baseUrl: string, tab: 'running' | 'finished' = 'running'): Promise<void> {
  await page.goto(`${baseUrl}/app/submissions${tab === 'finished' ? '?tab=finished' : ''}`);
  await attrIs(id(page, 'submissions-page'), 'data-tab', tab);
  await page.locator('[data-testid="submissions-table"], [data-testid="submissions-empty"]').first().waitFor();
}

/** Withdraws submission `instanceId` from my submissions (confirming), and waits for its row to leave the running tab. */
export async function withdraw(page: Page, instanceId: number): Promise<void> {
  await id(page, `submission-row-${instanceId}`).getByTestId('withdraw').click();
  await post(page, id(page, 'confirm-ok'), /\/api\/flow-instances\/\d+\/withdraw$/);
  await expect.poll(() => id(page, `submission-row-${instanceId}`).count(), { timeout: WAIT_MS }).toBe(0);
}

/** Opens the instance page of `instanceId` and waits for it. */
export async function openInstance(page: Page, baseUrl: string, instanceId: number): Promise<void> {
  await page.goto(`${baseUrl}/app/instances/${instanceId}`);
  await id(page, 'instance-page').waitFor();
}

/** On a record page: starts the manual flow `flowKey` and returns the instance's id (201 new; 200 a replayed start). */
export async function startFlow(page: Page, flowKey: string): Promise<number> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/flows/${flowKey}/instances`), { timeout: WAIT_MS });
  await id(page, `flow-start-${flowKey}`).click();
  const res = await answered;
  if (res.status() !== 201 && res.status() !== 200) throw new Error(`starting ${flowKey} answered ${res.status()}: ${await res.text()}`);
  const instance = (await res.json()) as { id: number };
  await id(page, `record-flow-instance-${instance.id}`).waitFor();
  return instance.id;
}
