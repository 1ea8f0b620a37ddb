import { startKingdee, startRest, startWecom, startYonyou, type KingdeeFake, type RestFake, type WecomFake, type YonyouFake } from '@kiln/fakes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { advance, configure, createOrder, deliveryOf, describeConnectors, drain, record, records, setupConnectorApp } from './helpers/connectors.js';

/**
 * Contract tests of the outbound presets against their fakes over real HTTP: a record created
 * with a `target` fires a rule whose connector action enqueues a delivery; the worker sends it
 * (login, idempotency key, re-login, refusals, timeouts) and writes the result back.
 */

let kingdee: KingdeeFake;
let yonyou: YonyouFake;
let rest: RestFake;
let wecom: WecomFake;

beforeAll(async () => {
  [kingdee, yonyou, rest, wecom] = await Promise.all([startKingdee(), startYonyou(), startRest(), startWecom()]);
});
afterAll(async () => {
  await Promise.all([kingdee?.close(), yonyou?.close(), rest?.close(), wecom?.close()]);
});

const logins = (f: { requests: ReadonlyArray<{ path: string }> }, path: RegExp) => f.requests.filter((r) => path.test(r.path)).length;

describeConnectors('connector presets against their fakes', (h) => {
  const APP = 'shop';

  beforeAll(async () => {
    for (const f of [kingdee, yonyou, rest, wecom]) f.reset();
    await setupConnectorApp(h(), APP);
    await configure(h(), APP, 'kingdee', { baseUrl: kingdee.apiBase, secrets: { password: 'demo-pass' } });
    await configure(h(), APP, 'yonyou', { baseUrl: yonyou.url, secrets: { appSecret: 'demo_secret' } });
    await configure(h(), APP, 'rest', { baseUrl: rest.url, secrets: { token: 'demo-token' } });
    await configure(h(), APP, 'wecom', { baseUrl: wecom.url, secrets: { apiKey: 'demo-robot-key' } });
  });

  it('Kingdee push_order: logs in, query → save → submit → audit, writes back and fires the rule', async () => {
    const o = await createOrder(h(), APP, { bill_no: 'LV-000001', customer: 'CUST0001', amount: 50000, target: 'kingdee', status: 'new' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'kingdee', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.idempotencyKey).toBe('LV-000001');
    expect(d.attempts).toHaveLength(1);
    expect(d.attempts[0].steps.map((s: any) => s.step)).toEqual(['query', 'save', 'submit', 'audit']);
    const orders = kingdee.orders().filter((x) => x.number === 'LV-000001');
    expect(orders).toHaveLength(1);
    expect(orders[0]!.status).toBe('C');
    const entry = (orders[0]!.model.FSaleOrderEntry as any[])[0];
    expect(entry.FTaxPrice).toBe(500);
    expect(entry.FPrice).toBe(442.477876);
    expect(logins(kingdee, /ValidateUser/)).toBe(1);
    const rec = await record(h(), APP, 'orders', o.id);
    expect(rec).toMatchObject({ status: 'synced', erp_bill_no: 'LV-000001', erp_id: String(orders[0]!.id) });
    expect((await records(h(), APP, 'log', { note: 'pushed LV-000001' })).length).toBe(1);
    // The session cookie and the password never reach the log.
    const text = JSON.stringify(d);
    expect(text).not.toContain('demo-pass');
    expect(text).not.toMatch(/kdservice-sessionid=[0-9a-f]/);
  });

  it('Kingdee: a lost session logs in again once and re-sends the step', async () => {
    kingdee.expireSessions();
    const before = logins(kingdee, /ValidateUser/);
    const o = await createOrder(h(), APP, { bill_no: 'LV-000002', customer: 'CUST0001', amount: 1990, target: 'kingdee' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'kingdee', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.attempts).toHaveLength(1);
    expect(d.attempts[0].steps[0]).toMatchObject({ step: 'query', relogin: true });
    expect(logins(kingdee, /ValidateUser/)).toBe(before + 1);
    expect(kingdee.orders().filter((x) => x.number === 'LV-000002')).toHaveLength(1);
  });

  it('Kingdee: IsSuccess:false keeps Kingdee\'s messages; a validation refusal is permanent (dead at once)', async () => {
    const o = await createOrder(h(), APP, { bill_no: 'LV-000003', amount: 1000, target: 'kingdee', status: 'new' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'kingdee', o.id);
    expect(d.state).toBe('dead');
    expect(d.attempts).toHaveLength(1);
    expect(d.error).toMatchObject({ code: 'CONNECTOR_REJECTED', details: { step: 'save', permanent: true } });
    expect(d.error.details.messages.join(' ')).toContain('FCustId');
    expect(d.attempts[0].steps.find((s: any) => s.step === 'save').error.code).toBe('CONNECTOR_REJECTED');
    expect((await record(h(), APP, 'orders', o.id)).status).toBe('new');
    expect(kingdee.orders().some((x) => x.number === 'LV-000003')).toBe(false);
  });

  it('Kingdee: a save whose answer times out is retried without a second order (the query finds it)', async () => {
    // Time out exactly the Save call: the fake saves, then holds its answer past the connector's 1.5 s limit.
    const seen = kingdee.requests as unknown as Array<{ path: string; body: string }>;
    const push = seen.push;
    seen.push = function (...items) {
      const n = push.apply(this, items);
      if (items.some((r) => /DynamicFormService\.Save/.test(r.path) && r.body.includes('LV-000004'))) kingdee.fault({ kind: 'timeout', count: 1, delayMs: 4000 });
      return n;
    };
    try {
      const o = await createOrder(h(), APP, { bill_no: 'LV-000004', customer: 'CUST0002', amount: 2000, target: 'kingdee' });
      await drain(h());
      let d = await deliveryOf(h(), APP, 'kingdee', o.id);
      expect(d.state).toBe('pending');
      expect(d.error.code).toBe('CONNECTOR_TIMEOUT');
      expect(kingdee.orders().filter((x) => x.number === 'LV-000004').map((x) => x.status)).toEqual(['A']);
      await advance(h(), 'PT30S');
      d = await deliveryOf(h(), APP, 'kingdee', o.id);
      expect(d.state, JSON.stringify(d.error)).toBe('delivered');
      expect(d.attempts.map((a: any) => a.ok)).toEqual([false, true]);
      expect(d.attempts[1].steps.find((s: any) => s.step === 'save').skipped).toBe(true);
      expect(kingdee.orders().filter((x) => x.number === 'LV-000004').map((x) => x.status)).toEqual(['C']);
    } finally {
      seen.push = push;
    }
  });

  it('Yonyou: signed token, singleSave with resubmitCheckKey, write back; a replay creates nothing', async () => {
    const o = await createOrder(h(), APP, { bill_no: 'LV-000010', customer: 'CUST0001', amount: 50000, target: 'yonyou' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'yonyou', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.idempotencyKey).toBe('KLNLV-000010');
    const saved = yonyou.orders().filter((x) => x.resubmitCheckKey === 'KLNLV-000010');
    expect(saved).toHaveLength(1);
    expect((saved[0]!.data.orderDetails as any[])[0].oriTaxUnitPrice).toBe(500);
    expect(await record(h(), APP, 'orders', o.id)).toMatchObject({ status: 'synced', erp_bill_no: saved[0]!.code, erp_id: saved[0]!.id });
    expect(JSON.stringify(d)).not.toContain('demo_secret');
    const retry = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/yonyou/deliveries/${d.id}/retry` });
    expect(retry.status).toBe(200);
    expect(retry.body.state).toBe('pending');
    await drain(h());
    const again = await deliveryOf(h(), APP, 'yonyou', o.id);
    expect(again.state).toBe('delivered');
    expect(again.attempts).toHaveLength(2);
    expect(again.result).toEqual(d.result);
    expect(yonyou.orders().filter((x) => x.resubmitCheckKey === 'KLNLV-000010')).toHaveLength(1);
  });

  it('Yonyou: a partial failure (failCount > 0) is a refusal with the messages, retried later', async () => {
    yonyou.fault({ kind: 'partial', count: 1 });
    const o = await createOrder(h(), APP, { bill_no: 'LV-000011', customer: 'CUST0001', amount: 100, target: 'yonyou' });
    await drain(h());
    let d = await deliveryOf(h(), APP, 'yonyou', o.id);
    expect(d.state).toBe('pending');
    expect(d.error.code).toBe('CONNECTOR_REJECTED');
    expect(d.error.details.messages[0]).toContain('部分失败');
    await advance(h(), 'PT30S');
    d = await deliveryOf(h(), APP, 'yonyou', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(yonyou.orders().filter((x) => x.resubmitCheckKey === 'KLNLV-000011')).toHaveLength(1);
  });

  it('Yonyou: code 310036 (invalid token) gets a new token once and re-sends', async () => {
    // Back to real time: the fake checks the token timestamp against its own clock.
    await h().req({ method: 'POST', url: '/api/_test/clock', payload: { set: new Date().toISOString() } });
    yonyou.expireTokens();
    const tokens = logins(yonyou, /getAccessToken/);
    const o = await createOrder(h(), APP, { bill_no: 'LV-000012', customer: 'CUST0001', amount: 100, target: 'yonyou' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'yonyou', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.attempts[0].steps[0].relogin).toBe(true);
    expect(logins(yonyou, /getAccessToken/)).toBe(tokens + 1);
    // The token travels as a query parameter: never in the stored log.
    expect(JSON.stringify(d.attempts)).not.toMatch(/access_token=[0-9a-f]{8}/);
  });

  it('generic REST: bearer token and Idempotency-Key; a replay returns the first result', async () => {
    const o = await createOrder(h(), APP, { bill_no: 'LV-000020', customer: 'ACME', amount: 100000, target: 'rest' });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'rest', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.attempts[0].steps[0].request.headers['idempotency-key']).toBe(d.idempotencyKey);
    expect(JSON.stringify(d)).not.toContain('demo-token');
    const items = rest.items('orders');
    expect(items).toHaveLength(1);
    expect((await record(h(), APP, 'orders', o.id)).erp_id).toBe(items[0]!.id);
    const sent = rest.requests.filter((r) => r.method === 'POST');
    expect(sent[0]!.headers.authorization).toBe('Bearer demo-token');
    await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/rest/deliveries/${d.id}/retry` });
    await drain(h());
    expect((await deliveryOf(h(), APP, 'rest', o.id)).state).toBe('delivered');
    expect(rest.items('orders')).toHaveLength(1);
    expect(new Set(rest.requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('WeCom robot: text cut to 2048 UTF-8 bytes; errcode ≠ 0 on HTTP 200 is a failure', async () => {
    const long = '直播间新订单'.repeat(200); // 3600 bytes
    const o = await createOrder(h(), APP, { bill_no: 'W-1', target: 'wecom', note: long });
    await drain(h());
    const d = await deliveryOf(h(), APP, 'wecom', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    const msg = wecom.messages('demo-robot-key').at(-1)!;
    expect(msg.msgtype).toBe('text');
    expect(Buffer.byteLength(msg.content)).toBeLessThanOrEqual(2048);
    expect(msg.content.startsWith('直播间新订单')).toBe(true);
    expect(JSON.stringify(d)).not.toContain('demo-robot-key');

    wecom.fault({ kind: 'errcode', count: 1 });
    const bad = await createOrder(h(), APP, { bill_no: 'W-2', target: 'wecom', note: 'hello' });
    await drain(h());
    const failed = await deliveryOf(h(), APP, 'wecom', bad.id);
    expect(failed.state).toBe('dead');
    expect(failed.error.code).toBe('CONNECTOR_REJECTED');
    expect(failed.error.details.messages.join(' ')).toContain('93000');
    expect(failed.attempts[0].steps[0].response.status).toBe(200);
  });
});
