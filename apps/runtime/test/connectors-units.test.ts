import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yonyouSignature } from '../src/connectors/logins.js';
import { MASK, redact } from '../src/connectors/redact.js';
import { backoffMs, retryPolicy } from '../src/connectors/retry.js';
import { decrypt, encrypt, keyFromSetting, secretKey } from '../src/connectors/secrets.js';
import { douyinSign, hmacSignature, verifyInbound, wechatSignature } from '../src/connectors/signing.js';

/** The runtime's connector building blocks that need no database: signatures, encryption, redaction, backoff. */

const DOUYIN_BODY = '[{"tag":"101","msg_id":"7001","data":"{\\"p_id\\":4837328765348566675,\\"pay_amount\\":1990,\\"order_status\\":2}"}]';

describe('signatures (domain vectors)', () => {
  it('Yonyou token signature: URL-encoded Base64 HmacSHA256', () => {
    expect(yonyouSignature('demo_secret', '41832a3d2df94989b500da6a22268747', '1568098531823')).toBe('QBNLGo%2BuLU50LtDm%2BklHX6gvP4Gt9VKuTc5rSd82eM8%3D');
  });

  it('Douyin event-sign: md5(app_key + body + app_secret)', () => {
    expect(douyinSign('demo_app_key', DOUYIN_BODY, 'demo_app_secret')).toBe('92bcbcf4799245cea7c52b6e648a3b89');
    const cfg = { scheme: 'douyin', appKey: 'demo_app_key' } as const;
    const secrets = { appSecret: 'demo_app_secret' };
    const now = new Date();
    const ok = verifyInbound(cfg, { rawBody: DOUYIN_BODY, headers: { 'app-id': 'demo_app_key', 'event-sign': '92bcbcf4799245cea7c52b6e648a3b89' }, query: {} }, secrets, now);
    expect(ok).toBeNull();
    const tampered = verifyInbound(cfg, { rawBody: DOUYIN_BODY.replace('1990', '1') , headers: { 'app-id': 'demo_app_key', 'event-sign': '92bcbcf4799245cea7c52b6e648a3b89' }, query: {} }, secrets, now);
    expect(tampered?.code).toBe('HOOK_SIGNATURE_INVALID');
    const otherApp = verifyInbound(cfg, { rawBody: DOUYIN_BODY, headers: { 'app-id': 'someone_else', 'event-sign': '92bcbcf4799245cea7c52b6e648a3b89' }, query: {} }, secrets, now);
    expect(otherApp?.code).toBe('HOOK_SIGNATURE_INVALID');
    expect(verifyInbound(cfg, { rawBody: DOUYIN_BODY, headers: {}, query: {} }, {}, now)).toMatchObject({ code: 'CONNECTOR_SECRET_MISSING', secret: 'appSecret' });
  });

  it('WeChat: sha1 of the sorted token, timestamp and nonce', () => {
    const sig = wechatSignature('wx_demo_token', '1714528860', 'n0nce');
    expect(sig).toMatch(/^[0-9a-f]{40}$/);
    // Order of the inputs does not matter: they are sorted first.
    expect(wechatSignature('1714528860', 'n0nce', 'wx_demo_token')).toBe(sig);
    const cfg = { scheme: 'wechat' } as const;
    const req = (signature: string) => ({ rawBody: '{}', headers: {}, query: { signature, timestamp: '1714528860', nonce: 'n0nce' } });
    expect(verifyInbound(cfg, req(sig), { token: 'wx_demo_token' }, new Date())).toBeNull();
    expect(verifyInbound(cfg, req(sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0')), { token: 'wx_demo_token' }, new Date())?.code).toBe('HOOK_SIGNATURE_INVALID');
  });

  it('generic hmac-sha256: signature over "<ts>.<raw body>", timestamp within the window of the runtime clock', () => {
    const cfg = { scheme: 'hmac-sha256', header: 'X-Sig', timestampHeader: 'X-Ts', windowSeconds: 300 } as const;
    const now = new Date('2026-01-05T01:00:00Z');
    const ts = String(now.getTime() / 1000);
    const body = '{"event":"shipped"}';
    const sig = hmacSignature('s3cret', ts, body);
    const req = (headers: Record<string, string>) => ({ rawBody: body, headers, query: {} });
    expect(verifyInbound(cfg, req({ 'x-sig': sig, 'x-ts': ts }), { inboundSecret: 's3cret' }, now)).toBeNull();
    expect(verifyInbound(cfg, req({ 'x-sig': `sha256=${sig}`, 'x-ts': ts }), { inboundSecret: 's3cret' }, now)).toBeNull();
    expect(verifyInbound(cfg, req({ 'x-sig': sig, 'x-ts': ts }), { inboundSecret: 'other' }, now)?.code).toBe('HOOK_SIGNATURE_INVALID');
    const old = String(now.getTime() / 1000 - 301);
    expect(verifyInbound(cfg, req({ 'x-sig': hmacSignature('s3cret', old, body), 'x-ts': old }), { inboundSecret: 's3cret' }, now)?.code).toBe('HOOK_TIMESTAMP_INVALID');
    expect(verifyInbound({ scheme: 'token', header: 'X-Token' }, req({ 'x-token': 'abc' }), { inboundToken: 'abc' }, now)).toBeNull();
    expect(verifyInbound({ scheme: 'token', header: 'X-Token' }, req({ 'x-token': 'abd' }), { inboundToken: 'abc' }, now)?.code).toBe('HOOK_SIGNATURE_INVALID');
  });
});

describe('secrets at rest', () => {
  it('reads KILN_SECRET_KEY as hex, base64 or a passphrase', () => {
    const raw = randomBytes(32);
    expect(keyFromSetting(raw.toString('hex')).equals(raw)).toBe(true);
    expect(keyFromSetting(raw.toString('base64')).equals(raw)).toBe(true);
    const pass = keyFromSetting('correct horse battery staple');
    expect(pass.length).toBe(32);
    expect(keyFromSetting('correct horse battery staple').equals(pass)).toBe(true);
  });

  it('AES-256-GCM: round trip, a fresh IV each time, bound to its place, tamper-evident', () => {
    const key = randomBytes(32);
    const a = encrypt(key, '{"password":"demo-pass"}', 'settings:1:kingdee');
    const b = encrypt(key, '{"password":"demo-pass"}', 'settings:1:kingdee');
    expect(a).not.toBe(b);
    expect(a).not.toContain('demo-pass');
    expect(decrypt(key, a, 'settings:1:kingdee')).toBe('{"password":"demo-pass"}');
    expect(() => decrypt(key, a, 'settings:2:kingdee')).toThrow();
    expect(() => decrypt(randomBytes(32), a, 'settings:1:kingdee')).toThrow();
    const parts = a.split(':');
    const flipped = Buffer.from(parts[3]!, 'base64');
    flipped[0] ^= 1;
    expect(() => decrypt(key, [...parts.slice(0, 3), flipped.toString('base64')].join(':'), 'settings:1:kingdee')).toThrow();
  });

  it('without KILN_SECRET_KEY keeps a 0600 key file next to the data directory (memory:// → per process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiln-key-'));
    const logs: string[] = [];
    const k1 = secretKey({ dataDir: join(dir, 'data'), secretKey: undefined }, (m) => logs.push(m));
    const file = join(dir, 'secret.key');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(keyFromSetting(readFileSync(file, 'utf8')).equals(k1)).toBe(true);
    expect(logs.join('\n')).toMatch(/KILN_SECRET_KEY is not set/);
    const m1 = secretKey({ dataDir: 'memory://x', secretKey: undefined });
    expect(m1.length).toBe(32);
    expect(secretKey({ dataDir: 'memory://x', secretKey: undefined }).equals(m1)).toBe(true);
  });
});

describe('redaction of call logs', () => {
  it('masks credential headers, secret query parameters and every known secret value', () => {
    const log = [{
      step: 'send',
      request: { method: 'POST', url: 'http://x/cgi-bin/webhook/send?key=demo-robot-key&access_token=tok123456&page=2', headers: { Authorization: 'Bearer abc', 'Idempotency-Key': 'KLN1D2' }, json: { note: 'password is demo-pass', password: 'x' } },
      response: { status: 200, headers: { 'set-cookie': 'kdservice-sessionid=s1' }, body: { echo: 'sid-0123456789' } },
    }];
    const out = redact(log, ['demo-pass', 'sid-0123456789']);
    const text = JSON.stringify(out);
    for (const secret of ['demo-robot-key', 'tok123456', 'Bearer abc', 'demo-pass', 'sid-0123456789', 'kdservice-sessionid=s1']) expect(text).not.toContain(secret);
    expect(out[0]!.request.headers['Idempotency-Key']).toBe('KLN1D2');
    expect(out[0]!.request.url).toContain('page=2');
    expect(out[0]!.request.url).toContain(`key=${MASK}`);
    expect(out[0]!.request.json.password).toBe(MASK);
    expect(log[0]!.request.headers.Authorization).toBe('Bearer abc'); // the input is not changed
  });
});

describe('retry policy', () => {
  it('exponential backoff capped at maxDelay, with 50–100 % jitter', () => {
    const p = retryPolicy({ retry: { maxAttempts: 5, initialDelay: 'PT30S', maxDelay: 'PT2M' } });
    expect(p).toEqual({ maxAttempts: 5, initialDelayMs: 30_000, maxDelayMs: 120_000 });
    expect(retryPolicy(undefined)).toEqual({ maxAttempts: 8, initialDelayMs: 30_000, maxDelayMs: 3_600_000 });
    expect(backoffMs(p, 1, () => 1)).toBe(30_000);
    expect(backoffMs(p, 1, () => 0)).toBe(15_000);
    expect(backoffMs(p, 2, () => 1)).toBe(60_000);
    expect(backoffMs(p, 3, () => 1)).toBe(120_000);
    expect(backoffMs(p, 9, () => 1)).toBe(120_000);
    for (let i = 0; i < 50; i++) {
      const d = backoffMs(p, 2);
      expect(d).toBeGreaterThanOrEqual(30_000);
      expect(d).toBeLessThanOrEqual(60_000);
    }
  });
});
