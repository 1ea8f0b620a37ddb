/**
 * The Alibaba Cloud SMS fake: Dysmsapi `SendSms` (API 2017-05-25) in the RPC style — every
 * parameter in the query (or an `application/x-www-form-urlencoded` body), signed with RPC
 * signature v1 — with the gateway's checks (key, timestamp window, signature, nonce replay) and
 * SendSms' own (numbers, signature name, template, `TemplateParam`, per-number flow control).
 * Gateway refusals are 4xx, SendSms refusals HTTP 200; both `{RequestId, Code, Message}`
 * (see docs/connector-protocols.md).
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AliyunSmsFake, AliyunSmsMessage, AliyunSmsOptions, AliyunSmsTemplate } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, tryParseJson } from './json.js';
import { MinuteWindow } from './outbound.js';

const VERSION = '2017-05-25';
const HOST_ID = 'dysmsapi.aliyuncs.com';
/** Mainland mobile numbers: 11 digits starting with 1, optionally prefixed +86 or 0086. */
const MOBILE = /^(?:\+86|0086)?(1\d{10})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MAX_NUMBERS = 1000;
const COMMON = ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Action', 'Version'] as const;

const DEFAULT_TEMPLATES: Record<string, AliyunSmsTemplate> = {
  SMS_000001: { content: '您的验证码为：${code}，5分钟内有效，请勿泄露于他人。' },
  SMS_000002: { content: '您的订单${billNo}已由${company}发出，请注意查收。' },
};

/** RFC 3986 percent-encoding (only A–Z a–z 0–9 - _ . ~ unencoded), written here from the protocol. */
const pct = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `METHOD&%2F&pct(canonical query)`: every parameter but Signature, sorted by encoded name. */
function stringToSign(method: string, params: Array<[string, string]>): string {
  const canonical = params
    .filter(([k]) => k !== 'Signature')
    .map(([k, v]) => [pct(k), pct(v)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${method.toUpperCase()}&${pct('/')}&${pct(canonical)}`;
}

const hmac = (secret: string, text: string): string => createHmac('sha1', `${secret}&`).update(text).digest('base64');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The parameters of a request as the gateway reads them: the query, then a form body's. */
function paramsOf(req: FakeRequest): Array<[string, string]> {
  const out: Array<[string, string]> = [...req.url.searchParams.entries()];
  if (/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '') && req.body) out.push(...new URLSearchParams(req.body).entries());
  return out;
}

const requestId = (): string => randomUUID().toUpperCase();

/** A gateway refusal (signature, key, parameters): HTTP 4xx. */
const gateway = (status: number, Code: string, Message: string): FakeReply =>
  json(status, { RequestId: requestId(), HostId: HOST_ID, Code, Message, Recommend: `https://api.aliyun.com/troubleshoot?q=${Code}&product=Dysmsapi` });

/** A SendSms refusal: HTTP 200 with `Code` ≠ "OK". */
const refused = (Code: string, Message: string): FakeReply => json(200, { RequestId: requestId(), Code, Message });

/** The `${name}` variables of a template. */
const variables = (content: string): string[] => [...content.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);

/** Starts the Alibaba Cloud SMS fake. */
export async function startAliyunSms(opts: AliyunSmsOptions = {}): Promise<AliyunSmsFake> {
  const keys = new Map((opts.accessKeys ?? [{ accessKeyId: 'LTAI-demo', accessKeySecret: 'demo-access-key-secret' }]).map((k) => [k.accessKeyId, k.accessKeySecret]));
  const signNames = new Set(opts.signNames ?? ['Kiln']);
  const templates = opts.templates ?? DEFAULT_TEMPLATES;
  const skewMs = opts.skewMs ?? 15 * 60_000;
  const limiter = new MinuteWindow(opts.perNumberPerMinute ?? 1);
  // Nonces seen, by key, with when: a nonce is unique within the timestamp window.
  const nonces = new Map<string, number>();
  let messages: AliyunSmsMessage[] = [];
  let seq = 0;

  /** The gateway: common parameters, key, timestamp, signature, nonce. Null when the request may go on. */
  const checkGateway = (req: FakeRequest, params: Array<[string, string]>, get: (n: string) => string | undefined): FakeReply | null => {
    for (const name of COMMON) if (!get(name)) return gateway(400, `Missing${name}`, `${name} is mandatory for this action.`);
    if (get('SignatureMethod') !== 'HMAC-SHA1' || get('SignatureVersion') !== '1.0') return gateway(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards (SignatureMethod HMAC-SHA1, SignatureVersion 1.0).');
    if (get('Format') !== 'JSON') return gateway(400, 'InvalidParameter.Format', 'This fake answers Format=JSON only (Alibaba Cloud would answer XML).');
    const keyId = get('AccessKeyId')!;
    const secret = keys.get(keyId);
    if (secret === undefined) return gateway(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const ts = get('Timestamp')!;
    const at = TIMESTAMP.test(ts) ? Date.parse(ts) : NaN;
    if (Number.isNaN(at)) return gateway(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    const now = Date.now();
    if (Math.abs(now - at) > skewMs) return gateway(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const toSign = stringToSign(req.method, params);
    if (!same(get('Signature')!, hmac(secret, toSign))) return gateway(400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${toSign}`);
    for (const [n, t] of nonces) if (now - t > 2 * skewMs) nonces.delete(n);
    const nonce = `${keyId}:${get('SignatureNonce')}`;
    if (nonces.has(nonce)) return gateway(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.set(nonce, now);
    if (get('Action') !== 'SendSms') return gateway(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    if (get('Version') !== VERSION) return gateway(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    return null;
  };

  const sendSms = (req: FakeRequest): FakeReply => {
    const params = paramsOf(req);
    const get = (name: string): string | undefined => params.find(([k]) => k === name)?.[1];
    const bad = checkGateway(req, params, get);
    if (bad) return bad;
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) if (!get(name)) return gateway(400, `Missing${name}`, `${name} is mandatory for this action.`);
    const list = get('PhoneNumbers')!.split(',').map((p) => p.trim());
    if (list.length > MAX_NUMBERS) return refused('isv.MOBILE_COUNT_OVER_LIMIT', `手机号码数量超过限制（最多 ${MAX_NUMBERS} 个）`);
    const phones: string[] = [];
    for (const p of list) {
      const m = MOBILE.exec(p);
      if (!m) return refused('isv.MOBILE_NUMBER_ILLEGAL', `非法手机号：${p}`);
      phones.push(m[1]!);
    }
    const signName = get('SignName')!;
    if (!signNames.has(signName)) return refused('isv.SMS_SIGNATURE_ILLEGAL', `该账号下找不到对应签名：${signName}`);
    const templateCode = get('TemplateCode')!;
    const template = Object.hasOwn(templates, templateCode) ? templates[templateCode] : undefined;
    if (!template) return refused('isv.SMS_TEMPLATE_ILLEGAL', `该账号下找不到对应模板：${templateCode}`);
    const raw = get('TemplateParam');
    const parsed = raw === undefined ? {} : tryParseJson(raw);
    if (!isObject(parsed) || Object.values(parsed).some((v) => typeof v !== 'string' && typeof v !== 'number')) return refused('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    const values = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    const missing = variables(template.content).filter((v) => !Object.hasOwn(values, v));
    if (missing.length) return refused('isv.TEMPLATE_MISSING_PARAMETERS', `模板变量缺少对应参数值：${missing.join(', ')}`);
    if (req.fault?.kind === 'reject') return refused('isv.AMOUNT_NOT_ENOUGH', '账户余额不足（fake reject）');
    if (phones.some((p) => !limiter.available(p))) return refused('isv.BUSINESS_LIMIT_CONTROL', `触发分钟级流控Permits:${opts.perNumberPerMinute ?? 1}`);
    for (const p of phones) limiter.take(p);
    seq += 1;
    const bizId = `9006197469${String(seq).padStart(8, '0')}^0`;
    const RequestId = requestId();
    const content = `【${signName}】${template.content.replace(/\$\{(\w+)\}/g, (_m, v: string) => values[v] ?? '')}`;
    const at = new Date().toISOString();
    for (const phone of phones) {
      messages.push({ phone, signName, templateCode, params: values, content, outId: get('OutId') ?? null, accessKeyId: get('AccessKeyId')!, bizId, requestId: RequestId, at });
    }
    return json(200, { Message: 'OK', RequestId, Code: 'OK', BizId: bizId });
  };

  const spec: FakeSpec = {
    faults: ['500', 'down', 'timeout', 'reject'],
    classify: (_m, url) => (url.pathname === '/' ? 'business' : 'none'),
    handle: (req) => {
      if (req.url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST')) return gateway(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
      return sendSms(req);
    },
    state: () => ({ messages: structuredClone(messages), nonces: nonces.size }),
    reset: () => {
      messages = [];
      seq = 0;
      nonces.clear();
      limiter.clear();
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    messages: (phone?: string) => structuredClone(phone === undefined ? messages : messages.filter((m) => m.phone === phone)),
    sign: (method: string, params: Record<string, string>, accessKeySecret: string) => hmac(accessKeySecret, stringToSign(method, Object.entries(params))),
  }) satisfies AliyunSmsFake;
}
