import { connectorFromPreset } from '@kiln/engine-connectors';
import { startKingdee, type KingdeeFake } from '@kiln/fakes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConnectorSettings, saveConnectorSettings } from '../src/connectors/settings.js';
import { person } from './helpers/flows.js';
import { configure, deliveries, describeConnectors, drain, records, setupConnectorApp } from './helpers/connectors.js';

/**
 * Connector settings (base URL override, write-only secrets, encrypted at rest), the publish
 * check of connector drafts, and the studio's test call (real HTTP, nothing enqueued or written).
 */

let kingdee: KingdeeFake;
beforeAll(async () => {
  kingdee = await startKingdee();
});
afterAll(async () => {
  await kingdee?.close();
});

const APP = 'shop';
const url = (c: string, rest = 'settings') => `/api/apps/${APP}/connectors/${c}/${rest}`;

describeConnectors('connector settings and test calls', (h) => {
  beforeAll(async () => {
    kingdee.reset();
    await setupConnectorApp(h(), APP);
  });

  it('GET lists the secrets the definition needs, never their values', async () => {
    const r = await h().req({ method: 'GET', url: url('kingdee') });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      baseUrl: null, effectiveBaseUrl: 'http://127.0.0.1:4101/k3cloud/', updatedAt: null,
      secrets: [{ name: 'password', label: expect.anything(), for: 'auth', set: false }],
    });
    const channels = await h().req({ method: 'GET', url: url('channels') });
    expect(channels.body.secrets.map((s: any) => [s.name, s.for])).toEqual([['appSecret', 'auth'], ['token', 'inbound']]);
  });

  it('PUT sets the base URL and secrets (encrypted in the table); bad input is refused and changes nothing', async () => {
    const saved = await configure(h(), APP, 'kingdee', { baseUrl: kingdee.apiBase, secrets: { password: 'demo-pass' } });
    expect(saved).toMatchObject({ baseUrl: kingdee.apiBase, effectiveBaseUrl: kingdee.apiBase, secrets: [{ name: 'password', set: true }] });
    expect(JSON.stringify(saved)).not.toContain('demo-pass');
    const row = await h().ctx.db.selectFrom('connector_settings').selectAll().where('connector', '=', 'kingdee').executeTakeFirstOrThrow();
    expect(row.secrets).toMatch(/^v1:/);
    expect(row.secrets).not.toContain('demo-pass');
    expect(row.updated_by).toEqual(expect.any(Number));

    const unknown = await h().req({ method: 'PUT', url: url('kingdee'), payload: { secrets: { apiKey: 'x' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('CONNECTOR_SETTINGS_INVALID');
    const ftp = await h().req({ method: 'PUT', url: url('kingdee'), payload: { baseUrl: 'ftp://example.com/' } });
    expect(ftp.status).toBe(400);
    const extra = await h().req({ method: 'PUT', url: url('kingdee'), payload: { baseUrl: kingdee.apiBase, other: 1 } });
    expect(extra.status).toBe(400);
    expect((await h().req({ method: 'GET', url: url('kingdee') })).body.baseUrl).toBe(kingdee.apiBase);
    expect((await h().req({ method: 'GET', url: url('nope') })).body.error.code).toBe('CONNECTOR_NOT_FOUND');
  });

  it('only admins and builders see or change settings', async () => {
    const op = await person(h(), 'op-settings@test.local');
    expect((await op.req({ method: 'GET', url: url('kingdee') })).status).toBe(403);
    expect((await op.req({ method: 'PUT', url: url('kingdee'), payload: { secrets: { password: 'x' } } })).status).toBe(403);
    expect((await op.req({ method: 'POST', url: url('kingdee', 'test'), payload: { operation: 'query_order' } })).status).toBe(403);
  });

  it('saveConnectorSettings / loadConnectorSettings (the template installer\'s entry point): merge, clear, drop the cached session', async () => {
    const app = await h().ctx.db.selectFrom('apps').select('id').where('key', '=', APP).executeTakeFirstOrThrow();
    await saveConnectorSettings(h().ctx, app.id, 'rest', { baseUrl: 'http://127.0.0.1:1/', secrets: { token: 't-1' } }, null);
    await saveConnectorSettings(h().ctx, app.id, 'rest', { secrets: { other: 'o' } }, null);
    expect(await loadConnectorSettings(h().ctx, app.id, 'rest')).toMatchObject({ baseUrl: 'http://127.0.0.1:1/', secrets: { token: 't-1', other: 'o' } });
    await saveConnectorSettings(h().ctx, app.id, 'rest', { baseUrl: null, secrets: { other: null } }, null);
    expect(await loadConnectorSettings(h().ctx, app.id, 'rest')).toMatchObject({ baseUrl: null, secrets: { token: 't-1' } });
    await expect(saveConnectorSettings(h().ctx, app.id, 'rest', { baseUrl: 'javascript:alert(1)' }, null)).rejects.toMatchObject({ code: 'CONNECTOR_SETTINGS_INVALID' });
  });

  it('the test call runs an operation for real: redacted steps, nothing enqueued, nothing written back', async () => {
    const r = await h().req({ method: 'POST', url: url('kingdee', 'test'), payload: { operation: 'push_order', input: { billNo: 'T-1', date: '2026-01-05', customer: 'C1', lines: [{ material: 'M1', qty: 1, taxPrice: 1000 }] } } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, key: 'T-1', result: { billNo: 'T-1' }, durationMs: expect.any(Number) });
    expect(r.body.steps.map((s: any) => s.step)).toEqual(['query', 'save', 'submit', 'audit']);
    expect(kingdee.orders().filter((o) => o.number === 'T-1')).toHaveLength(1);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('demo-pass');
    expect(text).not.toMatch(/kdservice-sessionid=[0-9a-f]/);
    expect((await deliveries(h(), APP, 'kingdee')).items).toEqual([]);
    // The cached session is stored encrypted too.
    const token = await h().ctx.db.selectFrom('connector_tokens').selectAll().where('connector', '=', 'kingdee').executeTakeFirstOrThrow();
    expect(token.value).toMatch(/^v1:/);
    expect(token.value).not.toContain('kdservice');
  });

  it('the test call uses an unsaved definition when given (validated first), else the draft', async () => {
    const def = connectorFromPreset('kingdee-k3cloud', 'kingdee');
    def.operations!.query_order = { ...def.operations!.query_order!, result: '{"asked": input.billNo, "rows": $count(steps.query.body)}' };
    const r = await h().req({ method: 'POST', url: url('kingdee', 'test'), payload: { operation: 'query_order', input: { billNo: 'T-1' }, definition: def } });
    expect(r.body).toMatchObject({ ok: true, result: { asked: 'T-1', rows: 1 } });
    const broken = { ...def, operations: { query_order: { steps: [{ id: 'q', method: 'POST', path: 'x', body: '{"a": ' }] } } };
    const bad = await h().req({ method: 'POST', url: url('kingdee', 'test'), payload: { operation: 'query_order', definition: broken } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('CONNECTOR_INVALID');
    expect(bad.body.error.details.problems[0]).toMatchObject({ code: 'CONNECTOR_EXPRESSION_INVALID', path: expect.stringContaining('/operations/query_order/steps/0') });
    const unknown = await h().req({ method: 'POST', url: url('kingdee', 'test'), payload: { operation: 'nope' } });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'CONNECTOR_OPERATION_UNKNOWN' } });
  });

  it('a refused login is CONNECTOR_LOGIN_FAILED with the system\'s message, never the password', async () => {
    await configure(h(), APP, 'kingdee', { secrets: { password: 'wrong-password' } });
    const r = await h().req({ method: 'POST', url: url('kingdee', 'test'), payload: { operation: 'query_order', input: { billNo: 'T-1' } } });
    expect(r.body.ok).toBe(false);
    expect(r.body.error).toMatchObject({ code: 'CONNECTOR_LOGIN_FAILED', permanent: false });
    expect(r.body.error.message).toContain('用户名或密码错误');
    expect(JSON.stringify(r.body)).not.toContain('wrong-password');
    // A delivery fails the same way (and is retried), its log clean too.
    await h().req({ method: 'POST', url: `/api/apps/${APP}/forms/orders/records`, payload: { bill_no: 'S-1', customer: 'C', amount: 1, target: 'kingdee' } });
    await drain(h());
    const d = (await deliveries(h(), APP, 'kingdee')).items[0];
    expect(d).toMatchObject({ state: 'pending', error: { code: 'CONNECTOR_LOGIN_FAILED' } });
    const detail = await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/kingdee/deliveries/${d.id}` });
    expect(JSON.stringify(detail.body)).not.toContain('wrong-password');
    await configure(h(), APP, 'kingdee', { secrets: { password: 'demo-pass' } });
  });

  it('publish validates connectors against the forms and webhook rules being published', async () => {
    const def = connectorFromPreset('douyin-shop', 'douyin');
    def.inbound!.handlers = [{ action: 'rule', hook: 'no_such_hook' }, { action: 'upsert', form: 'orders', match: ['nope'], values: '{"nope": 1}' }];
    await h().req({ method: 'PUT', url: `/api/apps/${APP}/connectors/douyin`, payload: def as never });
    const pub = await h().req({ method: 'POST', url: `/api/apps/${APP}/publish?locale=en` });
    expect(pub.status).toBe(422);
    const problems = pub.body.error.details.problems.filter((p: any) => p.kind === 'connectors');
    expect(problems.map((p: any) => p.code).sort()).toEqual(['CONNECTOR_FIELD_UNKNOWN', 'CONNECTOR_HOOK_UNKNOWN']);
    expect(problems.every((p: any) => p.key === 'douyin' && p.path.startsWith('/inbound/handlers/'))).toBe(true);
    await h().req({ method: 'PUT', url: `/api/apps/${APP}/connectors/douyin`, payload: connectorFromPreset('douyin-shop', 'douyin') as never });
    expect((await h().req({ method: 'POST', url: `/api/apps/${APP}/publish` })).status).toBe(200);
    expect(await records(h(), APP, 'log', { source: 'nothing' })).toEqual([]);
  });
});
