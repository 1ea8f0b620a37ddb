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
