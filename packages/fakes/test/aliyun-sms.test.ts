import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAliyunSms, type AliyunSmsFake } from '../src/index.js';
import { getJson } from './helpers.js';

const KEY_ID = 'LTAI-demo';
const SECRET = 'demo-access-key-secret';

// Written here from the protocol (Alibaba Cloud RPC signature v1), independently of the fake's code.
const pct = (s: string) => encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const canonical = (p: Record<string, string>) => Object.keys(p).sort().map((k) => `${pct(k)}=${pct(p[k]!)}`).join('&');
const signature = (method: string, p: Record<string, string>, secret = SECRET) => createHmac('sha1', `${secret}&`).update(`${method}&${pct('/')}&${pct(canonical(p))}`).digest('base64');
const stamp = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** SendSms parameters with the common ones; `over` replaces or (undefined) removes any. */
function params(over: Record<string, string | undefined> = {}): Record<string, string> {
  const p: Record<string, string | undefined> = {
    AccessKeyId: KEY_ID, Action: 'SendSms', Version: '2017-05-25', Format: 'JSON', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
    SignatureNonce: randomUUID(), Timestamp: stamp(), PhoneNumbers: '13800000001', SignName: 'Kiln', TemplateCode: 'SMS_000001', TemplateParam: '{"code":"123456"}',
    ...over,
  };
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined));
}

let s: AliyunSmsFake;
/** Signs and sends (POST with the parameters in the query by default). */
async function call(p: Record<string, string>, o: { method?: 'GET' | 'POST'; secret?: string; form?: boolean; sig?: string } = {}) {
  const method = o.method ?? 'POST';
  const q = `${canonical(p)}&Signature=${pct(o.sig ?? signature(method, p, o.secret))}`;
  const res = o.form
    ? await fetch(`${s.url}/`, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: q })
    : await fetch(`${s.url}/?${q}`, { method });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

beforeAll(async () => {
  s = await startAliyunSms();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

describe('Alibaba Cloud SMS signature (RPC v1)', () => {
  it('reproduces the published SendSms vector', () => {
    const doc = {
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou', SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0', TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
    };
    expect(signature('GET', doc, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(s.sign('GET', doc, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('accepts a signed SendSms (query, form body or GET) and records the message', async () => {
    const r = await call(params({ OutId: 'KLNshopD1', TemplateParam: '{"code":"012345"}' }));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ Message: 'OK', RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/), Code: 'OK', BizId: expect.stringMatching(/^\d+\^0$/) });
    expect(s.messages()).toEqual([{
      phone: '13800000001', signName: 'Kiln', templateCode: 'SMS_000001', params: { code: '012345' }, content: '【Kiln】您的验证码为：012345，5分钟内有效，请勿泄露于他人。',
      outId: 'KLNshopD1', accessKeyId: KEY_ID, bizId: r.json.BizId, requestId: r.json.RequestId, at: expect.any(String),
    }]);
    expect((await call(params({ PhoneNumbers: '13800000002' }), { form: true })).json.Code).toBe('OK');
    expect((await call(params({ PhoneNumbers: '13800000003', TemplateParam: '{"code":"a b*(~)!\'"}' }), { method: 'GET' })).json.Code).toBe('OK');
    expect(s.messages('13800000003')[0]!.params.code).toBe("a b*(~)!'");
    expect(s.messages().map((m) => m.phone)).toEqual(['13800000001', '13800000002', '13800000003']);
    const state = await getJson(`${s.url}/_fake/state`);
    expect(state.json.messages).toHaveLength(3);
  });

  it('SignatureDoesNotMatch (HTTP 400) for a wrong secret, a changed parameter or another method; nothing is sent', async () => {
    const wrong = await call(params(), { secret: 'not-the-secret' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ Code: 'SignatureDoesNotMatch', HostId: 'dysmsapi.aliyuncs.com', RequestId: expect.any(String) });
    expect(wrong.json.Message).toContain('server string to sign is:POST&%2F&AccessKeyId%3DLTAI-demo%26Action%3DSendSms');
    const p = params();
    const tampered = await call({ ...p, PhoneNumbers: '13900000009' }, { sig: signature('POST', p) });
    expect(tampered.json.Code).toBe('SignatureDoesNotMatch');
    expect((await call(params(), { sig: signature('GET', p) })).json.Code).toBe('SignatureDoesNotMatch');
    expect(s.messages()).toEqual([]);
  });

  it('InvalidAccessKeyId.NotFound (404) for an unknown key, checked before the signature', async () => {
    const r = await call(params({ AccessKeyId: 'LTAI-nobody' }), { secret: 'whatever' });
    expect(r).toMatchObject({ status: 404, json: { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' } });
  });

  it('refuses a timestamp more than 15 minutes off, or not in YYYY-MM-DDThh:mm:ssZ', async () => {
    expect((await call(params({ Timestamp: stamp(Date.now() - 16 * 60_000) }))).json).toMatchObject({ Code: 'InvalidTimeStamp.Expired' });
    expect((await call(params({ Timestamp: stamp(Date.now() + 16 * 60_000) }))).status).toBe(400);
    expect((await call(params({ Timestamp: stamp(Date.now() - 14 * 60_000) }))).json.Code).toBe('OK');
    expect((await call(params({ Timestamp: new Date().toISOString() }))).json.Code).toBe('InvalidTimeStamp.Format');
    expect(s.messages()).toHaveLength(1);
  });

  it('refuses a reused SignatureNonce (replay), even with a valid signature', async () => {
    const p = params();
    expect((await call(p)).json.Code).toBe('OK');
    const again = await call(p);
    expect(again).toMatchObject({ status: 400, json: { Code: 'SignatureNonceUsed' } });
    expect(s.messages()).toHaveLength(1);
  });

  it('refuses missing common parameters, another signature method, Format other than JSON, another action or version', async () => {
    expect((await call(params({ SignatureNonce: undefined }))).json.Code).toBe('MissingSignatureNonce');
    expect((await call(params({ SignatureMethod: 'HMAC-SHA256' }))).json.Code).toBe('IncompleteSignature');
    expect((await call(params({ Format: 'XML' }))).json.Code).toBe('InvalidParameter.Format');
    expect((await call(params({ Action: 'SendBatchSms' }))).status).toBe(404);
    expect((await call(params({ Version: '2018-01-01' }))).json.Code).toBe('InvalidVersion');
    expect((await fetch(`${s.url}/other`, { method: 'POST' })).status).toBe(404);
  });
});

describe('Alibaba Cloud SMS SendSms', () => {
  it('takes mainland numbers (11 digits from 1, +86 / 0086 allowed), several separated by commas', async () => {
    expect((await call(params({ PhoneNumbers: '+8613800000011' }))).json.Code).toBe('OK');
    expect((await call(params({ PhoneNumbers: '008613800000012,13800000013' }))).json.Code).toBe('OK');
    expect(s.messages().map((m) => m.phone)).toEqual(['13800000011', '13800000012', '13800000013']);
    for (const bad of ['1380000001', '138000000123', '23800000001', '+1 2025550123', '138-0000-0001', '13800000014,abc']) {
      const r = await call(params({ PhoneNumbers: bad }));
      expect(r, bad).toMatchObject({ status: 200, json: { Code: 'isv.MOBILE_NUMBER_ILLEGAL' } });
    }
    expect((await call(params({ PhoneNumbers: undefined }))).json).toMatchObject({ Code: 'MissingPhoneNumbers' });
    expect(s.messages()).toHaveLength(3);
  });

  it('refuses an unknown signature name or template, TemplateParam that is not a JSON object of strings, a missing variable', async () => {
    expect((await call(params({ SignName: 'Other' }))).json.Code).toBe('isv.SMS_SIGNATURE_ILLEGAL');
    expect((await call(params({ TemplateCode: 'SMS_999999' }))).json.Code).toBe('isv.SMS_TEMPLATE_ILLEGAL');
    expect((await call(params({ TemplateParam: 'code=123456' }))).json.Code).toBe('isv.INVALID_JSON_PARAM');
    expect((await call(params({ TemplateParam: '{"code":{"v":1}}' }))).json.Code).toBe('isv.INVALID_JSON_PARAM');
    expect((await call(params({ TemplateParam: '{"other":"1"}' }))).json).toMatchObject({ Code: 'isv.TEMPLATE_MISSING_PARAMETERS', Message: expect.stringContaining('code') });
    expect((await call(params({ TemplateParam: undefined }))).json.Code).toBe('isv.TEMPLATE_MISSING_PARAMETERS');
    expect(s.messages()).toEqual([]);
    const notice = await call(params({ TemplateCode: 'SMS_000002', TemplateParam: JSON.stringify({ billNo: 'LV-000001', company: '顺丰速运' }) }));
    expect(notice.json.Code).toBe('OK');
    expect(s.messages()[0]!.content).toBe('【Kiln】您的订单LV-000001已由顺丰速运发出，请注意查收。');
  });

  it('limits each number to one message a minute (isv.BUSINESS_LIMIT_CONTROL); other numbers go on', async () => {
    expect((await call(params())).json.Code).toBe('OK');
    const again = await call(params());
    expect(again).toMatchObject({ status: 200, json: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' } });
    // A list with one limited number sends to none of them.
    expect((await call(params({ PhoneNumbers: '13800000002,13800000001' }))).json.Code).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect((await call(params({ PhoneNumbers: '13800000002' }))).json.Code).toBe('OK');
    expect(s.messages().map((m) => m.phone)).toEqual(['13800000001', '13800000002']);
    s.reset();
    expect((await call(params())).json.Code).toBe('OK');
  });

  it('takes its configuration: keys, signature names, templates, a per-number limit', async () => {
    const other = await startAliyunSms({ accessKeys: [{ accessKeyId: 'LTAI-2', accessKeySecret: 's2' }], signNames: ['直播'], templates: { SMS_1: { content: '${n}' } }, perNumberPerMinute: 2 });
    try {
      const go = async (p: Record<string, string>, secret: string) => {
        const q = `${canonical(p)}&Signature=${pct(signature('POST', p, secret))}`;
        return ((await (await fetch(`${other.url}/?${q}`, { method: 'POST' })).json()) as { Code: string }).Code;
      };
      const p = () => params({ AccessKeyId: 'LTAI-2', SignName: '直播', TemplateCode: 'SMS_1', TemplateParam: '{"n":7}', SignatureNonce: randomUUID() });
      expect([await go(p(), 's2'), await go(p(), 's2'), await go(p(), 's2')]).toEqual(['OK', 'OK', 'isv.BUSINESS_LIMIT_CONTROL']);
      expect(other.messages()[0]).toMatchObject({ params: { n: '7' }, content: '【直播】7' });
      expect(await go(params(), SECRET)).toBe('InvalidAccessKeyId.NotFound');
    } finally {
      await other.close();
    }
  });
});

describe('Alibaba Cloud SMS faults', () => {
  it('reject → isv.AMOUNT_NOT_ENOUGH (HTTP 200), 500 and down; nothing is sent; partial is not supported', async () => {
    s.fault({ kind: 'reject', count: 1 });
    expect((await call(params())).json).toMatchObject({ Code: 'isv.AMOUNT_NOT_ENOUGH' });
    s.fault({ kind: '500', count: 1 });
    expect((await fetch(`${s.url}/?${canonical(params())}`, { method: 'POST' })).status).toBe(500);
    s.fault({ kind: 'down', count: 1 });
    await expect(call(params())).rejects.toThrow();
    expect(s.messages()).toEqual([]);
    expect((await call(params())).json.Code).toBe('OK');
    expect(() => s.fault({ kind: 'partial' })).toThrow(/does not support/);
  });
});
