import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, describeFakes, startAllFakes, startKingdee, type AllFakes } from '../src/index.js';
import { startReceiver, type Receiver } from './helpers.js';

let all: AllFakes;
let kiln: Receiver;

beforeAll(async () => {
  kiln = await startReceiver((r) => ({ status: 200, body: r.url.endsWith('/channels') || r.url.includes('/channels?') ? 'success' : '{"code":0,"msg":"success"}' }));
  all = await startAllFakes({ kiln: `${kiln.url}/`, ephemeral: true });
});
afterAll(async () => {
  await all.close();
  await kiln.close();
});

describe('startAllFakes', () => {
  it('points the push fakes at the app hooks of the given Kiln', async () => {
    expect(all.kingdee.callback).toEqual({ url: `${kiln.url}/api/hooks/livestream/erp_events`, secret: 'demo-callback-secret' });
    expect(all.douyin.target).toBe(`${kiln.url}/api/hooks/livestream/douyin`);
    expect(all.channels.target).toBe(`${kiln.url}/api/hooks/livestream/channels`);
    const ports = [all.kingdee, all.yonyou, all.wecom, all.douyin, all.channels, all.rest, all.aliyunSms].map((f) => f.port);
    expect(new Set(ports).size).toBe(7);
    expect(Object.values(DEFAULT_PORTS)).toEqual([4101, 4102, 4103, 4104, 4105, 4106, 4107]);
    expect(ports.some((p) => Object.values(DEFAULT_PORTS).includes(p as never))).toBe(false);
  });

  it('the Kingdee fake ships to erp_events with the demo secret', async () => {
    const login = await fetch(`${all.kingdee.apiBase}Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc`, {
      method: 'POST',
      body: JSON.stringify({ acctID: 'kiln-demo', username: 'demo', password: 'demo-pass', lcid: 2052 }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const model = { FBillNo: 'LV-000001', FCustId: { FNumber: 'C1' }, FSaleOrderEntry: [{ FMaterialId: { FNumber: 'M1' }, FQty: 1 }] };
    await fetch(`${all.kingdee.apiBase}Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ formid: 'SAL_SaleOrder', data: { Model: model } }) });
    expect((await all.kingdee.ship('LV-000001')).status).toBe(200);
    const got = kiln.received.at(-1)!;
    expect(got.url).toBe('/api/hooks/livestream/erp_events');
    const ts = got.headers['x-kiln-timestamp'] as string;
    expect(got.headers['x-kiln-signature']).toBe(createHmac('sha256', 'demo-callback-secret').update(`${ts}.${got.body}`).digest('hex'));
  });

  it('describeFakes lists every URL, the demo credentials and control calls', () => {
    const text = describeFakes(all);
    for (const f of [all.kingdee, all.yonyou, all.wecom, all.douyin, all.channels, all.rest, all.aliyunSms]) expect(text).toContain(f.url);
    expect(text).toContain(`curl -X POST ${all.kingdee.url}/_fake/ship -H 'Content-Type: application/json' -d '{"billNo":"LV-000001"}'`);
    for (const s of ['kiln-demo', 'demo-pass', 'kiln_app_secret', 'demo_secret', 'demo-robot-key', 'demo_app_secret', 'wx_demo_secret', 'wx_demo_token', 'demo-token', 'LTAI-demo', 'demo-access-key-secret', '/_fake/fault']) {
      expect(text).toContain(s);
    }
  });

  it('closes what it started when one fake cannot start', async () => {
    const busy = await startReceiver();
    const free = await startReceiver();
    const freePort = Number(new URL(free.url).port);
    await free.close();
    await expect(startAllFakes({ ephemeral: true, ports: { kingdee: freePort, yonyou: Number(new URL(busy.url).port) } })).rejects.toThrow(/EADDRINUSE/);
    // The Kingdee fake that did start was closed again: its port is free.
    const again = await startKingdee({ port: freePort });
    await again.close();
    await busy.close();
  });
});
