import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyConfig } from '@kiln/engine-connectors';

/** An inbound request as it arrived: the raw body exactly as sent, lower-case header names. */
export interface SignedRequest {
  rawBody: string;
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** Why an inbound request is refused (nothing is changed). */
export type VerifyFailure =
  | { code: 'HOOK_SIGNATURE_INVALID'; message: string }
  | { code: 'HOOK_TIMESTAMP_INVALID'; message: string }
  | { code: 'CONNECTOR_SECRET_MISSING'; message: string; secret: string };

/** Constant-time string equality (different lengths are unequal without comparing). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Douyin Shop's `event-sign`: lowercase hex md5(appKey + rawBody + appSecret). */
export const douyinSign = (appKey: string, rawBody: string, appSecret: string): string => createHash('md5').update(appKey + rawBody + appSecret).digest('hex');

/** WeChat's URL signature: sha1 of the lexicographically sorted [token, timestamp, nonce] joined. */
export const wechatSignature = (token: string, timestamp: string, nonce: string): string => createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

/** Kiln's generic signature: hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`). */
export const hmacSignature = (secret: string, timestamp: string, rawBody: string): string => createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

/**
 * RFC 3986 percent-encoding as Alibaba Cloud's RPC signature wants it: only `A–Z a–z 0–9 - _ . ~`
 * stay as they are (encodeURIComponent also leaves `!'()*`, so those are encoded here; it never
 * emits `+` and keeps `~`).
 *
 * @example aliyunPercentEncode("a b*(~)") // → 'a%20b%2A%28~%29'
 */
export const aliyunPercentEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An Alibaba Cloud `Timestamp`: ISO 8601 UTC without milliseconds (`2017-07-12T02:42:19Z`). */
export const aliyunTimestamp = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The canonical query of an RPC request: every parameter but `Signature`, sorted by encoded
 * name (then value, for repeated names), each `pct(name)=pct(value)`, joined with `&`.
 */
export function aliyunCanonicalQuery(params: ReadonlyArray<readonly [string, string]>): string {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return params
    .filter(([k]) => k !== 'Signature')
    .map(([k, v]) => [aliyunPercentEncode(k), aliyunPercentEncode(v)] as const)
    .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/**
 * Alibaba Cloud RPC signature v1: Base64 HMAC-SHA1 with key `accessKeySecret + "&"` over
 * `METHOD & pct("/") & pct(canonicalQuery)`. Published vector (DescribeRegions): secret
 * `testsecret`, GET with AccessKeyId `testid`, Format XML, nonce `3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf`,
 * Timestamp `2016-02-23T12:46:24Z`, Version `2014-05-26` → `OLeaidS1JvxuMvnyHOwuJ+uX5qY=`.
 */
export function aliyunRpcSignature(method: string, params: ReadonlyArray<readonly [string, string]>, accessKeySecret: string): { signature: string; stringToSign: string } {
  const stringToSign = `${method.toUpperCase()}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
  return { signature: createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64'), stringToSign };
}

/** What {@link aliyunSignUrl} needs: the request, the key pair, and the nonce and time to sign with (the caller draws them). */
export interface AliyunSignInput {
  method: string;
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  nonce: string;
  now: Date;
  /** `Version` when the URL does not carry one (Dysmsapi: 2017-05-25). */
  defaultVersion: string;
}

/**
 * Signs an RPC-style request (pure: the nonce and the time are inputs). Adds the common
 * parameters `AccessKeyId`, `Format=JSON`, `SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`,
 * `SignatureNonce`, `Timestamp` (replacing any the URL had) and `Version` when missing, then
 * `Signature`. The query of the returned URL is the canonical one, so what the server decodes is
 * exactly what was signed.
 *
 * @example aliyunSignUrl({ method: 'POST', url: 'https://dysmsapi.aliyuncs.com/?Action=SendSms&…', accessKeyId, accessKeySecret, nonce: randomUUID(), now, defaultVersion: '2017-05-25' })
 */
export function aliyunSignUrl(input: AliyunSignInput): { url: string; signature: string; stringToSign: string } {
  const u = new URL(input.url);
  const common: Record<string, string> = {
    AccessKeyId: input.accessKeyId,
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: input.nonce,
    Timestamp: aliyunTimestamp(input.now),
  };
  const params: Array<[string, string]> = [...u.searchParams.entries()].filter(([k]) => k !== 'Signature' && !Object.hasOwn(common, k));
  params.push(...Object.entries(common));
  if (!params.some(([k]) => k === 'Version')) params.push(['Version', input.defaultVersion]);
  const { signature, stringToSign } = aliyunRpcSignature(input.method, params, input.accessKeySecret);
  return { url: `${u.origin}${u.pathname}?${aliyunCanonicalQuery(params)}&Signature=${aliyunPercentEncode(signature)}`, signature, stringToSign };
}

/** The secret a verification scheme needs (names as `secretNames` of the engine lists them). */
export function verifySecretName(cfg: VerifyConfig): string | null {
  switch (cfg.scheme) {
    case 'none':
      return null;
    case 'token':
      return 'inboundToken';
    case 'hmac-sha256':
      return 'inboundSecret';
    case 'douyin':
      return 'appSecret';
    case 'wechat':
      return 'token';
  }
}

/**
 * Checks that an inbound request comes from the platform, per {@link VerifyConfig}. Every
 * comparison is constant-time; the hmac scheme's timestamp must be within `windowSeconds`
 * (default 300) of `now` (the runtime clock). Returns null when the request is genuine.
 */
export function verifyInbound(cfg: VerifyConfig, req: SignedRequest, secrets: Record<string, string>, now: Date): VerifyFailure | null {
  const name = verifySecretName(cfg);
  const secret = name ? secrets[name] : '';
  if (name && !secret) return { code: 'CONNECTOR_SECRET_MISSING', message: `The connector's secret "${name}" is not set (settings).`, secret: name };
  const bad = (message: string): VerifyFailure => ({ code: 'HOOK_SIGNATURE_INVALID', message });
  const header = (h: string) => req.headers[h.toLowerCase()] ?? '';
  switch (cfg.scheme) {
    case 'none':
      return null;
    case 'token':
      return safeEqual(header(cfg.header), secret!) ? null : bad(`The ${cfg.header} header does not match.`);
    case 'hmac-sha256': {
      const ts = header(cfg.timestampHeader);
      const given = header(cfg.header).replace(/^sha256=/i, '').toLowerCase();
      if (!safeEqual(given, hmacSignature(secret!, ts, req.rawBody))) return bad(`The ${cfg.header} signature does not match.`);
      const window = cfg.windowSeconds ?? 300;
      const at = /^\d{1,12}$/.test(ts) ? Number(ts) : NaN;
      if (!Number.isFinite(at) || Math.abs(now.getTime() / 1000 - at) > window) {
        return { code: 'HOOK_TIMESTAMP_INVALID', message: `The ${cfg.timestampHeader} timestamp is not within ${window} s of the server's time.` };
      }
      return null;
    }
    case 'douyin': {
      if (!safeEqual(header('app-id'), cfg.appKey)) return bad('The app-id header is not this connector\'s app key.');
      return safeEqual(header('event-sign').toLowerCase(), douyinSign(cfg.appKey, req.rawBody, secret!)) ? null : bad('The event-sign signature does not match.');
    }
    case 'wechat': {
      const q = req.query;
      const want = wechatSignature(secret!, q.timestamp ?? '', q.nonce ?? '');
      return q.timestamp && q.nonce && safeEqual((q.signature ?? '').toLowerCase(), want) ? null : bad('The signature query parameter does not match.');
    }
  }
}
