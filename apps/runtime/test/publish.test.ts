import { expect, it } from 'vitest';
import { describeBackends } from './helpers/harness.js';
import { leadsForm, setupApp, t } from './fixtures.js';

const recs = '/api/apps/p/forms/leads/records';

describeBackends('publish, versions and rollback', (h) => {
  it('refuses invalid drafts with problems and paths, publishing nothing', async () => {
    const bad = leadsForm();
    (bad.fields as any[])[3] = { id: 'f_qty', key: 'qty', type: 'number', min: 5, max: 1, label: t('数量', 'Quantity') };
    (bad.fields as any[]).push({ id: 'f_rel', key: 'rel', type: 'relation', target: 'nowhere', label: t('关联', 'Rel') });
    const r = await setupApp(h().req, 'p', [bad]);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PUBLISH_INVALID');
    const paths = r.body.error.details.problems.map((p: any) => p.path);
    expect(paths.some((p: string) => p.startsWith('/fields/3'))).toBe(true);
    expect(paths.some((p: string) => p.startsWith('/fields/8'))).toBe(true);
    const versions = await h().req({ method: 'GET', url: '/api/apps/p/versions' });
    expect(versions.body.items).toEqual([]);
  });

  it('publishes, keeps removed fields’ data, refuses incompatible type changes with the count, rolls back', async () => {
    expect((await h().req({ method: 'PUT', url: '/api/apps/p/forms/leads', payload: leadsForm() })).status).toBe(200);
    expect((await h().req({ method: 'POST', url: '/api/apps/p/publish' })).body.version).toBe(1);
    for (const [i, note] of ['12', 'abc', '7', 'x'].entries()) {
      expect((await h().req({ method: 'POST', url: recs, payload: { name: 'N' + note, phone: `1380000000${i}`, note } })).status).toBe(201);
    }
    // note: text → number is refused: two records hold non-numbers.
    const changed = leadsForm();
    (changed.fields as any[])[7] = { id: 'f_note', key: 'note', type: 'number', label: t('备注', 'Note') };
    await h().req({ method: 'PUT', url: '/api/apps/p/forms/leads', payload: changed });
    const refused = await h().req({ method: 'POST', url: '/api/apps/p/publish' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PUBLISH_INCOMPATIBLE');
    expect(refused.body.error.details.incompatible).toEqual([expect.objectContaining({ form: 'leads', field: 'note', change: 'type', from: 'text', to: 'number', affected: 2 })]);
    expect((await h().req({ method: 'GET', url: '/api/apps/p' })).body.version).toBe(1);

    // remove the field: its data is kept and comes back on rollback.
    const removed = leadsForm();
    (removed.fields as any[]).splice(7, 1);
    await h().req({ method: 'PUT', url: '/api/apps/p/forms/leads', payload: removed });
    expect((await h().req({ method: 'POST', url: '/api/apps/p/publish' })).body.version).toBe(2);
    const v2 = await h().req({ method: 'GET', url: `${recs}?sort=name` });
    expect(v2.body.items[0]).not.toHaveProperty('note');
    expect(v2.body.items).toHaveLength(4);

    const rb = await h().req({ method: 'POST', url: '/api/apps/p/rollback', payload: { version: 1 } });
    expect(rb.status).toBe(200);
    expect(rb.body.version).toBe(3);
    const app = await h().req({ method: 'GET', url: '/api/apps/p' });
    expect(app.body.version).toBe(3);
    expect(app.body.forms.leads.fields.map((f: any) => f.key)).toContain('note');
    const v3 = await h().req({ method: 'GET', url: `${recs}?sort=name` });
    expect(v3.body.items.map((r: any) => r.note)).toEqual(['12', '7', 'abc', 'x']);
    const draft = await h().req({ method: 'GET', url: '/api/apps/p/forms/leads' });
    expect(draft.body.definition.fields).toHaveLength(8);
    const versions = await h().req({ method: 'GET', url: '/api/apps/p/versions' });
    expect(versions.body.items.map((v: any) => v.version)).toEqual([3, 2, 1]);
    expect((await h().req({ method: 'POST', url: '/api/apps/p/rollback', payload: { version: 99 } })).status).toBe(404);
  });

  it('converts compatible type changes and records remember their form version', async () => {
    await h().req({ method: 'DELETE', url: `${recs}/1` });
    const list = await h().req({ method: 'GET', url: `${recs}?limit=100` });
    for (const r of list.body.items) if (!/^\d+$/.test(r.note)) await h().req({ method: 'DELETE', url: `${recs}/${r.id}` });
    const changed = leadsForm();
    (changed.fields as any[])[7] = { id: 'f_note', key: 'note', type: 'number', label: t('备注', 'Note') };
    await h().req({ method: 'PUT', url: '/api/apps/p/forms/leads', payload: changed });
    const ok = await h().req({ method: 'POST', url: '/api/apps/p/publish' });
    expect(ok.status).toBe(200);
    const after = await h().req({ method: 'GET', url: `${recs}?sort=note` });
    expect(after.body.items.map((r: any) => r.note)).toEqual([7]);
    expect(after.body.items[0].formVersion).toBe(1); // written under v1, untouched since
    const created = await h().req({ method: 'POST', url: recs, payload: { name: 'new', phone: '13800000009', note: 5 } });
    expect(created.body.formVersion).toBe(ok.body.version);
  });

  it('refuses making a field unique while duplicates exist', async () => {
    const f = leadsForm();
    (f.fields as any[])[0] = { ...(f.fields as any[])[0], unique: true };
    await h().req({ method: 'POST', url: recs, payload: { name: 'same', phone: '13800000010' } });
    await h().req({ method: 'POST', url: recs, payload: { name: 'same', phone: '13800000011' } });
    await h().req({ method: 'PUT', url: '/api/apps/p/forms/leads', payload: f });
    const r = await h().req({ method: 'POST', url: '/api/apps/p/publish' });
    expect(r.status).toBe(409);
    expect(r.body.error.details.incompatible[0]).toMatchObject({ field: 'name', change: 'unique', affected: 1 });
  });
});
