import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKingdee, type KingdeeFake } from '../src/index.js';
import { postJson, startReceiver, type Receiver } from './helpers.js';

const SVC = 'Kingdee.BOS.WebApi.ServicesStub.';
const LOGIN = `${SVC}AuthService.ValidateUser.common.kdsvc`;
const LOGIN_APP = `${SVC}AuthService.LoginByAppSecret.common.kdsvc`;
const op = (name: string) => `${SVC}DynamicFormService.${name}.common.kdsvc`;

const model = (billNo?: string, over: Record<string, unknown> = {}) => ({
  ...(billNo ? { FBillNo: billNo } : {}),
  FBillTypeID: { FNUMBER: 'XSDD01_SYS' },
  FDate: '2024-06-18',
  FSaleOrgId: { FNumber: '100' },
  FCustId: { FNumber: 'CUST-LIVE' },
  FSalerId: { FNumber: 'SALER01' },
  FSaleOrderFinance: { FSettleCurrId: { FNumber: 'PRE001' }, FIsIncludedTax: true },
  FSaleOrderEntry: [{ FMaterialId: { FNumber: 'SKU-1' }, FQty: 2, FPrice: 442.477876, FTaxPrice: 500, FEntryTaxRate: 13 }],
  ...over,
});

let k: KingdeeFake;
let cookie = '';

async function login(): Promise<string> {
  const r = await postJson(k.apiBase + LOGIN, { acctID: 'kiln-demo', username: 'demo', password: 'demo-pass', lcid: 2052 });
  expect(r.json.LoginResultType).toBe(1);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
const call = (name: string, body: unknown, c = cookie) => postJson(k.apiBase + op(name), body, c ? { cookie: c } : {});
const save = (m: unknown, c = cookie) => call('Save', { formid: 'SAL_SaleOrder', data: { Model: m } }, c);
const status = (r: { json: any }) => r.json.Result.ResponseStatus;

beforeAll(async () => {
  k = await startKingdee();
});
afterAll(() => k.close());
beforeEach(async () => {
  k.reset();
  cookie = await login();
});

describe('Kingdee login', () => {
  it('ValidateUser (object form) sets both cookies and answers LoginResultType 1', async () => {
    const r = await postJson(k.apiBase + LOGIN, { acctID: 'kiln-demo', username: 'demo', password: 'demo-pass', lcid: 2052 });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ LoginResultType: 1, MessageCode: 'CheckPasswordPolicy', Context: { UserName: 'demo', DBid: 'kiln-demo' } });
    const cookies = r.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith(`kdservice-sessionid=${r.json.KDSVCSessionId}; path=/`))).toBe(true);
    expect(cookies.some((c) => c.startsWith('ASP.NET_SessionId='))).toBe(true);
  });

  it('ValidateUser (parameters form) and LoginByAppSecret', async () => {
    const a = await postJson(k.apiBase + LOGIN, { parameters: ['kiln-demo', 'demo', 'demo-pass', 2052] });
    expect(a.json.LoginResultType).toBe(1);
    const b = await postJson(k.apiBase + LOGIN_APP, { parameters: ['kiln-demo', 'demo', 'kiln_app', 'kiln_app_secret', 2052] });
    expect(b.json.LoginResultType).toBe(1);
    const c = b.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
    expect(status(await save(model('LV-APP'), c)).IsSuccess).toBe(true);
  });

  it('refuses wrong credentials with HTTP 200 and LoginResultType 0', async () => {
    const a = await postJson(k.apiBase + LOGIN, { acctID: 'kiln-demo', username: 'demo', password: 'nope', lcid: 2052 });
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ LoginResultType: 0, Message: '用户名或密码错误' });
    expect(a.headers.getSetCookie()).toEqual([]);
    const b = await postJson(k.apiBase + LOGIN_APP, { parameters: ['kiln-demo', 'demo', 'kiln_app', 'wrong', 2052] });
    expect(b.json.LoginResultType).toBe(0);
  });
});

describe('Kingdee session', () => {
  it('answers MsgCode 1 without a session cookie, and for an unknown one', async () => {
    for (const c of ['', 'kdservice-sessionid=nope']) {
      const r = await save(model('LV-1'), c);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }], MsgCode: 1 } } });
    }
    expect(k.orders()).toEqual([]);
  });

  it('expireSessions ends every session; a new login works', async () => {
    k.expireSessions();
    expect(status(await save(model('LV-1'))).MsgCode).toBe(1);
    cookie = await login();
    expect(status(await save(model('LV-1'))).IsSuccess).toBe(true);
  });

  it('a session lapses after sessionTtlMs of idleness', async () => {
    const short = await startKingdee({ sessionTtlMs: 60 });
    try {
      const r = await postJson(short.apiBase + LOGIN, { parameters: ['kiln-demo', 'demo', 'demo-pass', 2052] });
      const c = r.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
      const q = { data: { FormId: 'SAL_SaleOrder', FieldKeys: 'FID', FilterString: '' } };
      expect((await postJson(short.apiBase + op('ExecuteBillQuery'), q, { cookie: c })).json).toEqual([]);
      await new Promise((res) => setTimeout(res, 120));
      const lost = await postJson(short.apiBase + op('ExecuteBillQuery'), q, { cookie: c });
      expect(lost.json[0][0].Result.ResponseStatus.MsgCode).toBe(1);
    } finally {
      await short.close();
    }
  });

  it('the expire fault reports the session lost once and ends it', async () => {
    k.fault({ kind: 'expire', count: 1 });
    expect(status(await save(model('LV-1'))).MsgCode).toBe(1);
    expect(status(await save(model('LV-1'))).MsgCode).toBe(1); // the session is gone, not just one reply
    cookie = await login();
    expect(status(await save(model('LV-1'))).IsSuccess).toBe(true);
  });
});

describe('Kingdee sales orders', () => {
  it('Save answers Id 100001 and the client FBillNo; a second save of that number is refused', async () => {
    const r = await save(model('LV-000001'));
    expect(r.json).toEqual({
      Result: {
        ResponseStatus: { ErrorCode: 0, IsSuccess: true, Errors: [], SuccessEntitys: [{ Id: 100001, Number: 'LV-000001', DIndex: 0 }], SuccessMessages: [], MsgCode: 0 },
        Id: 100001,
        Number: 'LV-000001',
        NeedReturnData: [],
      },
    });
    const dup = status(await save(model('LV-000001')));
    expect(dup.IsSuccess).toBe(false);
    expect(dup.ErrorCode).toBe(500);
    expect(dup.Errors[0].FieldName).toBe('FBillNo');
    expect(dup.Errors[0].Message).toContain('已存在');
    expect(k.orders()).toHaveLength(1);
  });

  it('generates XSDD numbers when FBillNo is absent; data may be a JSON string', async () => {
    const a = await save(model());
    expect(a.json.Result.Number).toBe('XSDD000001');
    const b = await call('Save', { formid: 'SAL_SaleOrder', data: JSON.stringify({ Model: model() }) });
    expect(b.json.Result).toMatchObject({ Id: 100002, Number: 'XSDD000002' });
    expect(k.orders().map((o) => [o.id, o.number, o.status])).toEqual([
      [100001, 'XSDD000001', 'A'],
      [100002, 'XSDD000002', 'A'],
    ]);
  });

  it('refuses a model without customer, lines, material or a positive quantity, naming the field', async () => {
    const noCust = status(await save(model('X1', { FCustId: undefined })));
    expect(noCust.IsSuccess).toBe(false);
    expect(noCust.Errors.map((e: any) => e.FieldName)).toEqual(['FCustId']);
    expect(status(await save(model('X2', { FSaleOrderEntry: [] }))).Errors[0].FieldName).toBe('FSaleOrderEntry');
    const bad = status(await save(model('X3', { FSaleOrderEntry: [{ FMaterialId: { FNumber: '' }, FQty: 0 }] })));
    expect(bad.Errors.map((e: any) => e.FieldName)).toEqual(['FMaterialId', 'FQty']);
    expect(k.orders()).toEqual([]);
  });

  it('goes A → B → C through Submit and Audit; out of order is refused', async () => {
    await save(model('LV-000001'));
    const early = status(await call('Audit', { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } }));
    expect(early.IsSuccess).toBe(false);
    expect(k.orders()[0]?.status).toBe('A');
    const sub = await call('Submit', { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } });
    expect(status(sub)).toMatchObject({ IsSuccess: true, SuccessEntitys: [{ Id: 100001, Number: 'LV-000001', DIndex: 0 }] });
    expect(k.orders()[0]?.status).toBe('B');
    expect(status(await call('Submit', { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } })).IsSuccess).toBe(false);
    expect(status(await call('Audit', { formid: 'SAL_SaleOrder', data: { Ids: '100001' } })).IsSuccess).toBe(true);
    expect(k.orders()[0]?.status).toBe('C');
    expect(status(await call('Audit', { formid: 'SAL_SaleOrder', data: { Ids: '100001' } })).IsSuccess).toBe(false);
    expect(status(await call('Submit', { formid: 'SAL_SaleOrder', data: { Numbers: ['NOPE'] } })).Errors[0].Message).toContain('不存在');
  });

  it('ExecuteBillQuery answers rows in FieldKeys order, [] when none, entry rows, in/like/or filters', async () => {
    await save(model('LV-000001'));
    await save(model('LV-000002', { FSaleOrderEntry: [{ FMaterialId: { FNumber: 'SKU-1' }, FQty: 1 }, { FMaterialId: { FNumber: 'SKU-2' }, FQty: 3 }] }));
    await call('Submit', { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } });
    await call('Audit', { formid: 'SAL_SaleOrder', data: { Numbers: ['LV-000001'] } });
    const q = (FilterString: string, FieldKeys = 'FID,FBillNo,FDocumentStatus', extra: Record<string, unknown> = {}) =>
      call('ExecuteBillQuery', { data: { FormId: 'SAL_SaleOrder', FieldKeys, FilterString, TopRowCount: 0, Limit: 0, ...extra } }).then((r) => r.json);
    expect(await q("FBillNo='LV-000001'")).toEqual([[100001, 'LV-000001', 'C']]);
    expect(await q("FBillNo='LV-404'")).toEqual([]);
    expect(await q("FBillNo in ('LV-000001','LV-000002')", 'FBillNo', { OrderString: 'FID DESC' })).toEqual([['LV-000002'], ['LV-000001']]);
    expect(await q("FBillNo like 'LV-%' and FDocumentStatus='A' or FID=100001", 'FID')).toEqual([[100001], [100002]]);
    expect(await q('FID=100002', 'FBillNo,FMaterialId.FNumber,FQty')).toEqual([
      ['LV-000002', 'SKU-1', 1],
      ['LV-000002', 'SKU-2', 3],
    ]);
    const bad = await q("FBillNo = 'x' and", 'FID');
    expect(bad[0][0].Result.ResponseStatus.IsSuccess).toBe(false);
    const lost = await call('ExecuteBillQuery', { data: { FormId: 'SAL_SaleOrder', FieldKeys: 'FID', FilterString: '' } }, '');
    expect(lost.json).toEqual([[{ Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }], MsgCode: 1 } } }]]);
  });
});

describe('Kingdee faults', () => {
  it('reject → IsSuccess false with an Errors entry, nothing stored; login is not affected', async () => {
    k.fault({ kind: 'reject', count: 1 });
    await login(); // does not consume the fault
    const r = status(await save(model('LV-1')));
    expect(r).toMatchObject({ IsSuccess: false, ErrorCode: 500 });
    expect(r.Errors).toHaveLength(1);
    expect(k.orders()).toEqual([]);
    expect(status(await save(model('LV-1'))).IsSuccess).toBe(true);
  });

  it('500 and down apply to login too', async () => {
    k.fault({ kind: '500', count: 1 });
    const r = await postJson(k.apiBase + LOGIN, { parameters: ['kiln-demo', 'demo', 'demo-pass', 2052] });
    expect(r.status).toBe(500);
    expect(r.text).toContain('<html>');
    k.fault({ kind: 'down', count: 1 });
    await expect(save(model('LV-1'))).rejects.toThrow();
    expect(k.orders()).toEqual([]);
    expect(status(await save(model('LV-1'))).IsSuccess).toBe(true);
  });

  it('timeout: the order is saved although the client gave up', async () => {
    k.fault({ kind: 'timeout', count: 1, delayMs: 2000 });
    const started = Date.now();
    await expect(
      fetch(k.apiBase + op('Save'), { method: 'POST', headers: { cookie }, body: JSON.stringify({ formid: 'SAL_SaleOrder', data: { Model: model('LV-T') } }), signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(k.orders().map((o) => o.number)).toEqual(['LV-T']);
  });
});

describe('Kingdee shipment callback', () => {
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver((r) => ({ status: r.url === '/hook' ? 200 : 404, body: '{"ok":true}' }));
  });
  afterAll(() => rx.close());

  it('posts the event signed with HMAC-SHA256 of `${ts}.${body}`', async () => {
    k.setCallback({ url: `${rx.url}/hook`, secret: 'demo-callback-secret' });
    await save(model('LV-000001'));
    const reply = await k.ship('LV-000001', 'shipped');
    expect(reply).toEqual({ status: 200, body: '{"ok":true}' });
    const got = rx.received.at(-1)!;
    const ts = got.headers['x-kiln-timestamp'] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    expect(got.headers['x-kiln-signature']).toBe(createHmac('sha256', 'demo-callback-secret').update(`${ts}.${got.body}`).digest('hex'));
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ event: 'shipped', billNo: 'LV-000001', logistics: { company: 'SF' } });
    expect(new Date(body.at).toISOString()).toBe(body.at);
    expect(body.logistics.trackingNo).toMatch(/^SF\d+$/);
  });

  it('POST /_fake/ship does the same over HTTP; unknown bills are refused', async () => {
    k.setCallback({ url: `${rx.url}/hook`, secret: 's3' });
    await save(model('LV-000002'));
    const r = await postJson(`${k.url}/_fake/ship`, { billNo: 'LV-000002', event: 'delivered' });
    expect(r.json).toEqual({ status: 200, body: '{"ok":true}' });
    expect(JSON.parse(rx.received.at(-1)!.body).event).toBe('delivered');
    expect((await postJson(`${k.url}/_fake/ship`, { billNo: 'NOPE' })).status).toBe(404);
    await expect(k.ship('NOPE')).rejects.toThrow(/no sales order/);
  });
});
