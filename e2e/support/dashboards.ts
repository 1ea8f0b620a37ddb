import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS } from './studio';

/*
 * The operator's dashboards (`/app/{app}/dashboards/{key}?<param>=<value>`), driven through these
 * test ids (apps/runtime/web/src/app/pages/dashboards/dashboard-page.tsx lists them all):
 *
 * app page   dashboards-section, dashboard-link-<key>; header nav-dashboards, nav-dashboard-<key>
 * page       dashboard (data-wall), dashboard-title, dashboard-not-found, dashboard-grid
 * filters    dashboard-filters, dashboard-filter-<param> (+ -from / -to for a custom date range)
 * refresh    dashboard-refresh, dashboard-updated, dashboard-autorefresh (data-state running |
 *            paused), dashboard-refresh-pause, dashboard-fullscreen
 * card       dashboard-card-<itemId> (data-loading), dashboard-card-title-<itemId>,
 *            report-refresh-<itemId>, report-export-<itemId>, report-view-<itemId> (data-visual)
 * visuals    kpi-value, kpi-change (data-direction up | down | flat), report-table,
 *            report-cell-<row>-<column>, report-pivot, pivot-row-<i>-<dim>, pivot-col-<i>-<dim>,
 *            pivot-total-row, tree-levels, tree-level-<depth>, report-empty; chart drill
 *            buttons report-drill-<rowIndex> (data-label; hidden until focused)
 * drill      drill-breadcrumb, drill-back, drill-level-<n>, drill-current; drill-menu,
 *            drill-menu-next, drill-menu-records; drill-records, drill-records-table,
 *            drill-records-row-<id>, drill-records-count, drill-records-more, drill-records-close
 */

const id = (page: Page, testId: string): Locator => page.getByTestId(testId);

/** Opens a dashboard (with optional filter values in the query) and waits for every card. */
export async function openDashboard(page: Page, baseUrl: string, app: string, key: string, query: Record<string, string> = {}): Promise<void> {
  const qs = new URLSearchParams(query).toString();
  await page.goto(`${baseUrl}/app/${encodeURIComponent(app)}/dashboards/${encodeURIComponent(key)}${qs ? `?${qs}` : ''}`);
  await dashboardLoaded(page);
}

/** Waits until the grid shows and no card is fetching. */
export async function dashboardLoaded(page: Page): Promise<void> {
  await id(page, 'dashboard-grid').waitFor({ timeout: WAIT_MS });
  await expect.poll(() => page.locator('[data-testid^="dashboard-card-"][data-loading="true"]').count(), { timeout: WAIT_MS }).toBe(0);
}

/** Waits until card `itemId` has finished fetching. */
export async function cardLoaded(page: Page, itemId: string): Promise<void> {
  await page.locator(`[data-testid="dashboard-card-${itemId}"][data-loading="false"]`).waitFor({ timeout: WAIT_MS });
}

/** Sets a select / choice / relation / date-range-preset filter and waits for the cards. */
export async function setFilter(page: Page, param: string, value: string): Promise<void> {
  const el = id(page, `dashboard-filter-${param}`);
  if ((await el.evaluate((n) => n.tagName)) === 'SELECT') await el.selectOption(value);
  else {
    await el.fill(value);
    await el.press('Enter');
  }
  await dashboardLoaded(page);
}

/** Sets a date range filter to the custom days `from..to` (YYYY-MM-DD). */
export async function setDateRange(page: Page, param: string, from: string, to: string): Promise<void> {
  await id(page, `dashboard-filter-${param}`).selectOption('custom');
  await id(page, `dashboard-filter-${param}-from`).fill(from);
  await id(page, `dashboard-filter-${param}-to`).fill(to);
  await dashboardLoaded(page);
}

/**
 * Clicks the group labelled `label` in card `itemId`: a chart's bar / slice through its drill
 * button (the same as a click on the canvas), or a table / pivot dimension cell.
 */
export async function clickGroup(page: Page, itemId: string, label: string): Promise<void> {
  const view = id(page, `report-view-${itemId}`);
  const chartButton = view.locator(`[data-testid^="report-drill-"][data-label="${label}"]`);
  const cellButton = view.locator('button.kr-drill', { hasText: label });
  // After a drill the card refetches: wait until the group is drawn (as a bar or a cell) before
  // choosing how to click it — counting at once can see the previous level.
  await chartButton.or(cellButton).first().waitFor({ state: 'attached', timeout: WAIT_MS });
  if (await chartButton.count()) {
    await chartButton.first().focus();
    await chartButton.first().click();
  } else await cellButton.first().click();
}

/** After `clickGroup` on a level that offers both: picks "drill into next" or "show records". */
export async function chooseDrill(page: Page, choice: 'next' | 'records'): Promise<void> {
  await id(page, `drill-menu-${choice}`).click();
}

/** The breadcrumb's text ("All ▸ Campaign: Spring"), or '' when not drilled. */
export async function drillPath(page: Page, itemId: string): Promise<string> {
  const crumb = id(page, `dashboard-card-${itemId}`).getByTestId('drill-breadcrumb');
  if (!(await crumb.count())) return '';
  return ((await crumb.textContent()) ?? '').replace('‹', '').replace(/\s+/g, ' ').trim();
}

/** The record ids listed in the open records panel (after its first page loaded). */
export async function drillRecordIds(page: Page): Promise<number[]> {
  const panel = id(page, 'drill-records');
  await panel.waitFor({ timeout: WAIT_MS });
  await panel.locator('[data-testid="drill-records-table"], .empty').first().waitFor({ timeout: WAIT_MS });
  const ids = await panel.locator('[data-testid^="drill-records-row-"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')!.slice('drill-records-row-'.length))));
  return ids;
}

/** Exports card `itemId` as CSV and returns the file's name and text (BOM removed). */
export async function exportCsv(page: Page, itemId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), id(page, `report-export-${itemId}`).click()]);
  const path = await download.path();
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), text };
}

/** The KPI card's big number as shown (e.g. "¥25,000.00"). */
export async function kpiValue(page: Page, itemId: string): Promise<string> {
  return ((await id(page, `report-view-${itemId}`).getByTestId('kpi-value').textContent()) ?? '').trim();
}
