import { createHmac } from 'node:crypto';
import { connectorFromPreset } from '@kiln/engine-connectors';
import { startAliyunSms, type AliyunSmsFake } from '@kiln/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunCanonicalQuery, aliyunPercentEncode, aliyunRpcSignature, aliyunSignUrl, aliyunTimestamp } from '../src/connectors/signing.js';
import { configure, deliveries, delivery, describeConnectors, drain } from './helpers/connectors.js';
import { PHONE, PHONE2, customersForm as customers, promoterRole as promoter, t } from './helpers/portal-app.js';

/**
 * The `aliyun-sms` preset end to end: the portal's sign-in code goes through the app's `sms`
 * connector (operation `send_code`), signed with Alibaba Cloud's RPC signature v1 by the
 * runtime and verified by the fake over real HTTP; plus the pure signing helper.
 */

// Written here from the protocol, independently of signing.ts.
const pct = (s: string) => encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sign = (method: string, p: Record<string, string>, secret: string) => {
  const canonical = Object.keys(p).sort().map((k) => `${pct(k)}=${pct(p[k]!)}`).join('&');
  return { canonical, signature: createHmac('sha1', `${secret}&`).update(`${method}&%2F&${pct(canonical)}`).digest('base64') };
};

describe('Alibaba Cloud RPC signature v1 (signing.ts)', () => {
  it('percent-encodes per RFC 3986 and writes the timestamp without milliseconds', () => {
    expect(aliyunPercentEncode("a b*(~)!'+/=中")).toBe('a%20b%2A%28~%29%21%27%2B%2F%3D%E4%B8%AD');
    expect(aliyunTimestamp(new Date('2024-05-01T02:03:04.567Z'))).toBe('2024-05-01T02:03:04Z');
  });

  it('reproduces the published vectors (DescribeRegions, SendSms)', () => {
    const regions: Array<[string, string]> = [
      ['Version', '2014-05-26'], ['AccessKeyId', 'testid'], ['Action', 'DescribeRegions'], ['Format', 'XML'], ['SignatureMethod', 'HMAC-SHA1'],
      ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'], ['SignatureVersion', '1.0'], ['Timestamp', '2016-02-23T12:46:24Z'],
    ];
    const r = aliyunRpcSignature('GET', regions, 'testsecret');
    expect(r.signature).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(r.stringToSign).toBe('GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26');
    const sms = Object.entries({
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou', SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0', TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
    });
    expect(aliyunRpcSignature('GET', sms, 'testSecret').signature).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    // Signature itself is never signed.
    expect(aliyunRpcSignature('GET', [...sms, ['Signature', 'x']], 'testSecret').signature).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('signs a step URL with the common parameters, a fixed nonce and time (vector computed with node:crypto)', () => {
    const now = new Date('2024-05-01T02:00:00.123Z');
    const nonce = '0b6e0d0c-3c5e-4a52-9a8f-6f1d9d1f0b2a';
    const step = 'http://127.0.0.1:4107/?Action=SendSms&Version=2017-05-25&PhoneNumbers=13800000001&SignName=Kiln&TemplateCode=SMS_000001&TemplateParam=%7B%22code%22%3A%22012345%22%7D&OutId=KLNshopD7';
    const out = aliyunSignUrl({ method: 'POST', url: step, accessKeyId: 'LTAI-demo', accessKeySecret: 'demo-access-key-secret', nonce, now, defaultVersion: '2017-05-25' });
    const expected = sign('POST', {
      Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800000001', SignName: 'Kiln', TemplateCode: 'SMS_000001', TemplateParam: '{"code":"012345"}', OutId: 'KLNshopD7',
      AccessKeyId: 'LTAI-demo', Format: 'JSON', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: nonce, Timestamp: '2024-05-01T02:00:00Z',
    }, 'demo-access-key-secret');
    expect(out.signature).toBe(expected.signature);
    expect(out.url).toBe(`http://127.0.0.1:4107/?${expected.canonical}&Signature=${pct(expected.signature)}`);
    expect(out.stringToSign).toBe(`POST&%2F&${pct(expected.canonical)}`);
    // What a server decodes is exactly what was signed.
    const decoded = [...new URL(out.url).searchParams.entries()];
    expect(aliyunCanonicalQuery(decoded)).toBe(expected.canonical);
    expect(decoded.find(([k]) => k === 'Signature')?.[1]).toBe(expected.signature);
  });

  it('adds Version only when missing, replaces stale common parameters and a previous Signature', () => {
    const base = { method: 'GET', accessKeyId: 'AK', accessKeySecret: 'S', nonce: 'n-1', now: new Date('2024-01-01T00:00:00Z'), defaultVersion: '2017-05-25' };
    const params = (url: string) => new URL(aliyunSignUrl({ ...base, url }).url).searchParams;
    expect(params('https://dysmsapi.aliyuncs.com/?Action=QuerySendDetails').get('Version')).toBe('2017-05-25');
    expect(params('https://ecs.aliyuncs.com/?Action=DescribeRegions&Version=2014-05-26').getAll('Version')).toEqual(['2014-05-26']);
    const p = params('https://ecs.aliyuncs.com/?Action=X&Version=1&Timestamp=old&SignatureNonce=old&AccessKeyId=other&Format=XML&Signature=old');
    expect([p.getAll('Timestamp'), p.getAll('SignatureNonce'), p.getAll('AccessKeyId'), p.getAll('Format')]).toEqual([['2024-01-01T00:00:00Z'], ['n-1'], ['AK'], ['JSON']]);
    expect(p.getAll('Signature')).toHaveLength(1);
    expect(p.get('Signature')).not.toBe('old');
    // Another nonce, another signature.
    expect(aliyunSignUrl({ ...base, url: 'https://a.example/?Action=X' }).signature).not.toBe(aliyunSignUrl({ ...base, nonce: 'n-2', url: 'https://a.example/?Action=X' }).signature);
  });
});

const SECRET = 'demo-access-key-secret';

let sms: AliyunSmsFake;
beforeAll(async () => {
  sms = await startAliyunSms();
});
afterAll(async () => {
  await sms?.close();
});

describeConnectors('aliyun-sms preset: portal sign-in codes through the Alibaba Cloud SMS fake', (h) => {
  const APP = 'portal';
  const anon = (method: string, url: string, payload?: unknown) => h().req({ method, url, payload, headers: { authorization: '' } } as never);
  const ok = async (o: { method: string; url: string; payload?: unknown }) => {
    const r = await h().req(o as never);
    if (r.status >= 300) throw new Error(`${o.method} ${o.url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** The newest delivery of the `sms` connector, with its attempts. */
  const latestDelivery = async () => {
    const page = await deliveries(h(), APP, 'sms', 'limit=1');
    expect(page.items).toHaveLength(1);
    return delivery(h(), APP, 'sms', page.items[0].id);
  };

  beforeAll(async () => {
    sms.reset();
    await ok({ method: 'POST', url: '/api/apps', payload: { key: APP, name: t('门户', 'Portal') } });
    await ok({ method: 'PUT', url: `/api/apps/${APP}/forms/customers`, payload: customers });
    await ok({ method: 'PUT', url: `/api/apps/${APP}/roles/promoter`, payload: promoter });
    await ok({ method: 'PUT', url: `/api/apps/${APP}/connectors/sms`, payload: connectorFromPreset('aliyun-sms', 'sms') });
    await ok({ method: 'POST', url: `/api/apps/${APP}/publish` });
    const settings = await configure(h(), APP, 'sms', { baseUrl: sms.url, secrets: { accessKeySecret: SECRET } });
    expect(JSON.stringify(settings)).not.toContain(SECRET);
    for (const [name, phone] of [['张三', PHONE], ['李四', PHONE2]]) await ok({ method: 'POST', url: `/api/apps/${APP}/forms/customers/records`, payload: { name, phone } });
  });

  it('the settings API knows the accessKeySecret and refuses other secret names', async () => {
    const r = await h().req({ method: 'PUT', url: `/api/apps/${APP}/connectors/sms/settings`, payload: { secrets: { password: 'x' } } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'CONNECTOR_SETTINGS_INVALID', details: { errors: [{ path: '/secrets/password' }] } });
    expect(r.body.error.message).toContain('accessKeySecret');
  });

  it('delivers send_code for real: the fake verifies the signature and receives the phone and the code', async () => {
    expect((await anon('POST', '/api/auth/code', { phone: PHONE, app: APP })).status).toBe(202);
    await drain(h());
    const code = (await anon('GET', `/api/_test/login-codes?phone=${PHONE}`)).body.code as string;
    expect(code).toMatch(/^\d{6}$/);

    const d = await latestDelivery();
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.operation).toBe('send_code');
    expect(d.attempts).toHaveLength(1);

    const sent = sms.messages(PHONE);
    expect(sent).toEqual([{
      phone: PHONE, signName: 'Kiln', templateCode: 'SMS_000001', params: { code }, content: `【Kiln】您的验证码为：${code}，5分钟内有效，请勿泄露于他人。`,
      outId: d.idempotencyKey, accessKeyId: 'LTAI-demo', bizId: expect.any(String), requestId: expect.any(String), at: expect.any(String),
    }]);
    expect(d.result).toEqual({ bizId: sent[0]!.bizId, requestId: sent[0]!.requestId });

    // On the wire: POST /, every parameter in the query, signed with the runtime clock's time and a UUID nonce.
    const req = sms.requests.at(-1)!;
    expect(req.method).toBe('POST');
    const q = new URL(req.path, sms.url).searchParams;
    expect(q.get('Timestamp')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(q.get('Timestamp')!) - h().ctx.clock.now().getTime())).toBeLessThan(2000);
    expect(q.get('SignatureNonce')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([q.get('AccessKeyId'), q.get('Format'), q.get('SignatureMethod'), q.get('SignatureVersion'), q.get('Version')]).toEqual(['LTAI-demo', 'JSON', 'HMAC-SHA1', '1.0', '2017-05-25']);
    const { Signature, ...rest } = Object.fromEntries(q.entries());
    expect(Signature).toBe(sign('POST', rest, SECRET).signature);

    // Neither the secret, the signature nor the code reaches the stored log or the monitor.
    const text = JSON.stringify(d);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Signature);
    expect(d.input).toMatchObject({ phone: PHONE, code: '•••' });
    expect(text).not.toContain(code);
    expect(JSON.stringify(await deliveries(h(), APP, 'sms', 'limit=5'))).not.toContain(code);
  });

  it('a wrong secret: SignatureDoesNotMatch makes the delivery dead at once and sends nothing', async () => {
    await configure(h(), APP, 'sms', { secrets: { accessKeySecret: 'not-the-secret' } });
    expect((await anon('POST', '/api/auth/code', { phone: PHONE2, app: APP })).status).toBe(202);
    await drain(h());
    const d = await latestDelivery();
    expect(d.state).toBe('dead');
    expect(d.attempts).toHaveLength(1);
    expect(d.error).toMatchObject({ code: 'CONNECTOR_HTTP_ERROR', details: { step: 'send', permanent: true } });
    expect(d.error.details.messages.join(' ')).toContain('SignatureDoesNotMatch');
    expect(d.attempts[0].steps[0].response.status).toBe(400);
    expect(sms.messages(PHONE2)).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('not-the-secret');
  });

  it('with the secret set right again the next code goes out; the per-number limit of the SMS side is retried, not dead', async () => {
    await configure(h(), APP, 'sms', { secrets: { accessKeySecret: SECRET } });
    // Past the runtime's own one-code-a-minute limit (well within the fake's 15 min timestamp window).
    await h().req({ method: 'POST', url: '/api/_test/clock', payload: { advance: 'PT61S' } });
    // The fake's own per-number limit runs on the real clock: PHONE got a message moments ago.
    expect((await anon('POST', '/api/auth/code', { phone: PHONE, app: APP })).status).toBe(202);
    await drain(h());
    const limited = await latestDelivery();
    expect(limited.state).toBe('pending');
    expect(limited.error).toMatchObject({ code: 'CONNECTOR_REJECTED', details: { permanent: false } });
    expect(limited.error.details.messages[0]).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(sms.messages(PHONE)).toHaveLength(1);

    expect((await anon('POST', '/api/auth/code', { phone: PHONE2, app: APP })).status).toBe(202);
    await drain(h());
    const code = (await anon('GET', `/api/_test/login-codes?phone=${PHONE2}`)).body.code as string;
    expect(sms.messages(PHONE2).map((m) => m.params.code)).toEqual([code]);
    expect((await anon('POST', '/api/auth/code/verify', { phone: PHONE2, code, app: APP })).status).toBe(200);
  });
});
