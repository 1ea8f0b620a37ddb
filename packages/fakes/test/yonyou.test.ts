import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startYonyou, type YonyouFake } from '../src/index.js';
import { getJson, postJson } from './helpers.js';

const APP_KEY = '41832a3d2df94989b500da6a22268747';
const SECRET = 'demo_secret';
const VECTOR = 'QBNLGo%2BuLU50LtDm%2BklHX6gvP4Gt9VKuTc5rSd82eM8%3D';
// Written here from the protocol, independently of the fake's code.
const signature = (ts: string, secret = SECRET) => encodeURIComponent(createHmac('sha256', secret).update(`appKey${APP_KEY}timestamp${ts}`).digest('base64'));
const tokenUrl = (base: string, ts: string, sig = signature(ts)) => `${base}/open-auth/selfAppAuth/getAccessToken?appKey=${APP_KEY}&timestamp=${ts}&signature=${sig}`;

const order = (key: string, over: Record<string, unknown> = {}) => ({
  data: {
    resubmitCheckKey: key,
    _status: 'Insert',
    vouchdate: '2024-06-18',
    agentId: 'CUST-LIVE',
    salesOrgId: 'ORG1',
    transactionTypeId: 'SO01',
    settlementOrgId: 'ORG1',
    payMoney: 19.9,
    orderDetails: [{ productId: 'SKU-1', qty: 1, oriTaxUnitPrice: 19.9, oriSum: 19.9, taxRate: 13 }],
    ...over,
  },
});

let y: YonyouFake;
let token = '';
const getToken = async (): Promise<string> => {
  const r = await getJson(tokenUrl(y.url, String(Date.now())));
  expect(r.json.code).toBe('00000');
  return r.json.data.access_token;
};
const save = (body: unknown, t = token) => postJson(`${y.url}/yonbip/sd/voucherorder/singleSave?access_token=${t}`, body);

beforeAll(async () => {
  y = await startYonyou();
});
afterAll(() => y.close());
beforeEach(async () => {
  y.reset();
  token = await getToken();
});

describe('Yonyou token', () => {
  it('the domain signature vector: the URL-encoded Base64 arrives decoded once and matches', async () => {
    expect(signature('1568098531823')).toBe(VECTOR);
    const old = await startYonyou({ skewMs: Number.MAX_SAFE_INTEGER });
    try {
      const r = await getJson(tokenUrl(old.url, '1568098531823', VECTOR));
      expect(r.json).toMatchObject({ code: '00000', message: '成功！', data: { expire: 7200 } });
      expect(r.json.data.access_token).toMatch(/^\w{16,}$/);
      // Not URL-encoded: the query's "+" decodes to a space → refused. Encoded twice → refused.
      const raw = decodeURIComponent(VECTOR);
      expect((await getJson(tokenUrl(old.url, '1568098531823', raw))).json.code).toBe('1090003500010');
      expect((await getJson(tokenUrl(old.url, '1568098531823', encodeURIComponent(VECTOR)))).json.code).toBe('1090003500010');
    } finally {
      await old.close();
    }
  });

  it('bad signature and stale timestamp are refused with HTTP 200', async () => {
    const ts = String(Date.now());
    const bad = await getJson(tokenUrl(y.url, ts, signature(ts, 'wrong')));
    expect(bad).toMatchObject({ status: 200, json: { code: '1090003500010', message: '签名错误' } });
    const stale = String(Date.now() - 11 * 60_000);
    const r = await getJson(tokenUrl(y.url, stale));
    expect(r.status).toBe(200);
    expect(r.json.code).not.toBe('00000');
    const fine = String(Date.now() - 9 * 60_000);
    expect((await getJson(tokenUrl(y.url, fine))).json.code).toBe('00000');
  });

  it('expired or invalid tokens answer 310036; the expire fault does once', async () => {
    expect((await save(order('K1'), 'nope')).json).toEqual({ code: '310036', message: '非法token' });
    y.expireTokens();
    expect((await save(order('K1'))).json.code).toBe('310036');
    token = await getToken();
    y.fault({ kind: 'expire', count: 1 });
    expect((await save(order('K1'))).json.code).toBe('310036');
    expect((await save(order('K1'))).json.code).toBe('310036'); // that token is dead now
    token = await getToken();
    expect((await save(order('K1'))).json.code).toBe('200');
    expect(y.orders()).toHaveLength(1);
  });
});

describe('Yonyou singleSave', () => {
  it('saves, and a repeated resubmitCheckKey returns the first order without creating one', async () => {
    const a = await save(order('LV-000001'));
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ code: '200', message: '操作成功', data: { resubmitCheckKey: 'LV-000001' } });
    expect(a.json.data.code).toMatch(/^SO/);
    const b = await save(order('LV-000001', { payMoney: 99 }));
    expect(b.json.data).toEqual(a.json.data);
    expect(y.orders()).toHaveLength(1);
    expect(y.orders()[0]).toMatchObject({ id: a.json.data.id, resubmitCheckKey: 'LV-000001', data: { payMoney: 19.9 } });
    const c = await save(order('LV-000002'));
    expect(c.json.data.id).not.toBe(a.json.data.id);
  });

  it('refuses missing required data with code 999 and a message', async () => {
    const cases: Array<Record<string, unknown>> = [
      { resubmitCheckKey: 'x'.repeat(33) },
      { resubmitCheckKey: '' },
      { vouchdate: undefined },
      { agentId: '' },
      { orderDetails: [] },
      { orderDetails: [{ qty: 1 }] },
      { orderDetails: [{ productId: 'SKU-1', qty: 0 }] },
    ];
    for (const [i, over] of cases.entries()) {
      const r = await save(order(`E${i}`, over));
      expect(r.json.code, JSON.stringify(over)).toBe('999');
      expect(r.json.message.length).toBeGreaterThan(0);
    }
    expect((await save({ nodata: true })).json.code).toBe('999');
    expect(y.orders()).toEqual([]);
  });

  it('rate-limits per app: HTTP 429 over perMinute', async () => {
    const limited = await startYonyou({ perMinute: 3 });
    try {
      const r = await getJson(tokenUrl(limited.url, String(Date.now())));
      const t = r.json.data.access_token;
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await postJson(`${limited.url}/yonbip/sd/voucherorder/singleSave?access_token=${t}`, order(`R${i}`))).status);
      expect(codes).toEqual([200, 200, 200, 429]);
      const over = await postJson(`${limited.url}/yonbip/sd/voucherorder/singleSave?access_token=${t}`, order('R9'));
      expect(over.json).toEqual({ code: '429', message: '调用频率超限' });
      expect(limited.orders()).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });
});

describe('Yonyou faults', () => {
  it('reject → a non-200 code; partial → code 200 with failCount 1; nothing stored', async () => {
    y.fault({ kind: 'reject', count: 1 });
    const r = await save(order('F1'));
    expect(r.json.code).toBe('999');
    y.fault({ kind: 'partial', count: 1 });
    const p = await save(order('F1'));
    expect(p.json).toEqual({ code: '200', message: '操作成功', data: { sucessCount: 0, failCount: 1, messages: [expect.any(String)], infos: [] } });
    expect(y.orders()).toEqual([]);
    expect((await save(order('F1'))).json.data.resubmitCheckKey).toBe('F1');
  });

  it('token calls take only 500/down; timeout holds a done save', async () => {
    y.fault({ kind: 'reject' });
    await getToken(); // not affected
    y.fault({ kind: '500', count: 1 });
    expect((await getJson(tokenUrl(y.url, String(Date.now())))).status).toBe(500);
    y.fault({ kind: 'down', count: 1 });
    await expect(save(order('D1'))).rejects.toThrow();
    y.fault({ kind: 'timeout', count: 1, delayMs: 2000 });
    await expect(
      fetch(`${y.url}/yonbip/sd/voucherorder/singleSave?access_token=${token}`, { method: 'POST', body: JSON.stringify(order('T1')), signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    expect(y.orders().map((o) => o.resubmitCheckKey)).toEqual(['T1']);
    // The retry with the same key returns the same order.
    expect((await save(order('T1'))).json.data.id).toBe(y.orders()[0]?.id);
  });
});
