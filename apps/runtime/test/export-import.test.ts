import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { exportApp, exportAppTo, importApp, installTemplate, readFileTree } from '../src/templates/index.js';
import { describeBackends, startHarness, type Harness } from './helpers/harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiln-export-'));
  dirs.push(d);
  return d;
};

/** The published metadata as the API shows it. */
async function published(h: Harness, app: string) {
  const r = await h.req({ method: 'GET', url: `/api/apps/${app}` });
  expect(r.status).toBe(200);
  return r.body;
}

describeBackends('export / import', (h, kind) => {
  it('round-trips both templates into a fresh database with identical metadata', async () => {
    await installTemplate(h().ctx, 'referral-marketing', { userId: null, demoData: true });
    await installTemplate(h().ctx, 'livestream-erp', { userId: null });
    // Unpublished work travels too: one changed draft, one new draft, one deleted draft.
    const customers = (await h().req({ method: 'GET', url: '/api/apps/referral/forms/customers' })).body.definition;
    customers.title = { 'zh-CN': '会员', en: 'Members' };
    expect((await h().req({ method: 'PUT', url: '/api/apps/referral/forms/customers', payload: customers })).status).toBe(200);
    expect((await h().req({ method: 'PUT', url: '/api/apps/referral/forms/notes', payload: { formatVersion: 1, title: { 'zh-CN': '备注', en: 'Notes' }, fields: [{ id: 'f_text', key: 'text', type: 'textarea', label: { 'zh-CN': '内容', en: 'Text' } }] } })).status).toBe(200);
    expect((await h().req({ method: 'DELETE', url: '/api/apps/referral/forms/leads' })).status).toBe(200);

    const dirs = { referral: tempDir(), livestream: tempDir() };
    for (const app of ['referral', 'livestream'] as const) await exportAppTo(h().ctx, app, dirs[app]);
    const files = readFileTree(dirs.referral);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['app.yaml', 'forms/customers.yaml', 'forms/join.yaml', 'drafts/forms/customers.yaml', 'drafts/forms/notes.yaml']));
    expect(files['drafts/forms/orders.yaml']).toBeUndefined();
    expect(files['app.yaml']).toContain('removedDrafts: [ forms/leads ]');
    expect(files['forms/customers.yaml']).toMatch(/^formatVersion: 1\nkey: customers\ntitle: \{ zh-CN: 客户, en: Customers \}\n/);

    const fresh = await startHarness(kind);
    try {
      for (const app of ['referral', 'livestream'] as const) {
        const r = await importApp(fresh.ctx, dirs[app], { userId: null, locale: 'en' });
        expect(r).toEqual({ app, version: 1 });
        const [before, after] = [await published(h(), app), await published(fresh, app)];
        expect(JSON.stringify(after)).toBe(JSON.stringify(before));
        expect(after).toEqual(before);
        // Re-exporting gives the same bytes: the export is deterministic.
        expect(await exportApp(fresh.ctx, app)).toEqual(await exportApp(h().ctx, app));
      }
      const drafts = (await fresh.req({ method: 'GET', url: '/api/apps/referral/forms' })).body.items.map((d: any) => d.key);
      expect(drafts).toContain('notes');
      expect(drafts).not.toContain('leads');
      expect((await fresh.req({ method: 'GET', url: '/api/apps/referral/forms/customers' })).body.definition.title.en).toBe('Members');
      // The imported app works: its public form takes submissions, and its intake rule makes the draft order.
      expect((await fresh.req({ method: 'POST', url: '/api/apps/livestream/forms/products/records', payload: { sku: 'TEA-001', name: '茶', price: 1000 } })).status).toBe(201);
      const s = await fresh.req({ method: 'POST', url: '/api/public/forms/live/submissions?code=LIVE888&channel=douyin', headers: { authorization: '' }, payload: { name: '甲', phone: '13600000009', sku: 'TEA-001' } });
      expect(s.status, JSON.stringify(s.body)).toBe(201);
      const orders = (await fresh.req({ method: 'GET', url: '/api/apps/livestream/forms/orders/records' })).body.items;
      expect(orders).toEqual([expect.objectContaining({ status: 'pending_review', lines: [{ sku: 'TEA-001', qty: 1, unit_price: 1000 }], total: 1000 })]);
      // Importing again is refused, and a broken export changes nothing.
      await expect(importApp(fresh.ctx, dirs.referral, { userId: null })).rejects.toMatchObject({ code: 'APP_EXISTS' });
      const broken = { ...readFileTree(dirs.livestream), 'forms/orders.yaml': readFileSync(join(dirs.livestream, 'forms/orders.yaml'), 'utf8').replace('target: customers', 'target: nowhere') };
      await expect(importApp(fresh.ctx, broken, { userId: null, app: 'broken' })).rejects.toMatchObject({ code: 'PUBLISH_INVALID' });
      expect((await fresh.req({ method: 'GET', url: '/api/apps/broken' })).status).toBe(404);
      await expect(importApp(fresh.ctx, { 'forms/x.yaml': 'a: [' }, { userId: null })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    } finally {
      await fresh.close();
    }
  });

  it('re-exporting into the same folder removes files of deleted items', async () => {
    const dir = tempDir();
    await installTemplate(h().ctx, 'livestream-erp', { userId: null, app: 'ls_tmp' });
    await exportAppTo(h().ctx, 'ls_tmp', dir);
    const meta = await published(h(), 'ls_tmp');
    const { leads: _gone, ...forms } = meta.forms;
    // The leads form goes with the report on it and the dashboard showing that report (publish would refuse otherwise).
    expect(readFileTree(dir)['reports/rep_conversion.yaml']).toBeDefined();
    for (const path of ['forms/leads', 'reports/rep_conversion', 'dashboards/live_room']) await h().req({ method: 'DELETE', url: `/api/apps/ls_tmp/${path}` });
    expect((await h().req({ method: 'POST', url: '/api/apps/ls_tmp/publish' })).status).toBe(200);
    await exportAppTo(h().ctx, 'ls_tmp', dir);
    const files = readFileTree(dir);
    expect(files['forms/leads.yaml']).toBeUndefined();
    expect(files['reports/rep_conversion.yaml']).toBeUndefined();
    expect(files['dashboards/live_room.yaml']).toBeUndefined();
    expect(files['reports/review_states.yaml']).toBeDefined();
    expect(Object.keys(files).filter((f) => f.startsWith('forms/')).length).toBe(Object.keys(forms).length);
    expect(files['app.yaml']).toContain('version: 2');
  });
});
