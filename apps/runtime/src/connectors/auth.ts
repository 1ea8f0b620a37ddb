import { createHash, randomUUID } from 'node:crypto';
import type { AuthConfig } from '@kiln/engine-connectors';
import type { KilnContext } from '../context.js';
import { AuthFailure, hasLogin, login } from './logins.js';
import { aliyunSignUrl, hmacSignature } from './signing.js';
import { dropToken, getToken, putToken, type CachedSession } from './tokens.js';

/** Everything an authenticator needs about one connector installation. */
export interface AuthEnv {
  ctx: KilnContext;
  appId: number;
  connector: string;
  auth: AuthConfig | undefined;
  baseUrl: string;
  secrets: Record<string, string>;
  timeoutMs: number;
}

/** The API version an `aliyun` request is signed with when its step sets none (Dysmsapi `SendSms`). */
export const ALIYUN_DEFAULT_VERSION = '2017-05-25';

/** A request on its way out: the authenticator adds headers and query parameters. */
export interface OutgoingRequest {
  /** Signed by some schemes (Alibaba Cloud's StringToSign starts with it). */
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Sets a header, replacing any other-case spelling of its name. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
  headers[name] = value;
}

// Logins under way in this process, by app, connector and settings fingerprint: deliveries sent
// side by side with no cached session wait for one login instead of each starting its own.
const pending = new WeakMap<KilnContext, Map<string, Promise<CachedSession>>>();

/**
 * Adds a connector's credentials to its requests, per {@link AuthConfig}: static secrets
 * (apiKey, basic, bearer, hmac, aliyun request signing) or a login's session/token (oauth2, kingdee, yonyou, wechat),
 * cached for every process in `connector_tokens` and here (concurrent calls in one process
 * share one login). `reauthenticate()` drops the cached session and logs in again (the engine
 * calls it once when a step says `expired`).
 * Every secret and token it handles is listed in `sensitive` so logs can be redacted.
 */
export class Authenticator {
  /** Secret values and session tokens seen (for redaction). */
  readonly sensitive = new Set<string>();
  private session: CachedSession | null = null;
  private readonly fp: string;

  constructor(private readonly env: AuthEnv) {
    for (const v of Object.values(env.secrets)) if (v) this.sensitive.add(v);
    const secretsHash = createHash('sha256').update(JSON.stringify(Object.entries(env.secrets).sort())).digest('hex');
    // Keys sorted: a definition read back from jsonb has its keys in another order than the same one sent by the studio.
    const auth = env.auth ? Object.fromEntries(Object.entries(env.auth).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : null;
    this.fp = createHash('sha256').update(JSON.stringify([auth, env.baseUrl, secretsHash])).digest('hex').slice(0, 32);
  }

  /** Checks that the secrets are set and logs in when the auth type needs it (throws AuthFailure / TransportError). */
  async prepare(): Promise<void> {
    const a = this.env.auth;
    if (!a || a.type === 'none') return;
    if (hasLogin(a)) {
      await this.ensureSession();
      return;
    }
    this.staticSecret(a);
  }

  /** Drops the cached session and logs in again. */
  async reauthenticate(): Promise<void> {
    if (!hasLogin(this.env.auth)) return;
    this.session = null;
    await dropToken(this.env.ctx, this.env.appId, this.env.connector);
    await this.ensureSession();
  }

  /** The request with credentials added. */
  async apply(req: OutgoingRequest): Promise<OutgoingRequest> {
    const a = this.env.auth;
    if (!a || a.type === 'none') return req;
    const headers = { ...req.headers };
    const url = new URL(req.url);
    if (hasLogin(a)) {
      const s = await this.ensureSession();
      for (const [k, v] of Object.entries(s.headers ?? {})) setHeader(headers, k, v);
      for (const [k, v] of Object.entries(s.query ?? {})) url.searchParams.set(k, v);
      return { method: req.method, url: url.toString(), headers, body: req.body };
    }
    const secret = this.staticSecret(a);
    switch (a.type) {
      case 'apiKey':
        if (a.in === 'header') setHeader(headers, a.name, secret);
        else url.searchParams.set(a.name, secret);
        break;
      case 'basic': {
        const basic = Buffer.from(`${a.username}:${secret}`).toString('base64');
        this.sensitive.add(basic);
        setHeader(headers, 'authorization', `Basic ${basic}`);
        break;
      }
      case 'bearer':
        setHeader(headers, 'authorization', `Bearer ${secret}`);
        break;
      case 'hmac': {
        const ts = String(Math.floor(this.env.ctx.clock.now().getTime() / 1000));
        setHeader(headers, a.timestampHeader ?? 'X-Kiln-Timestamp', ts);
        setHeader(headers, a.header, hmacSignature(secret, ts, req.body ?? ''));
        break;
      }
      case 'aliyun': {
        // RPC signature v1 over the whole query (the step's parameters are already on the URL); a fresh nonce per send, so a re-sent step is signed anew.
        const signed = aliyunSignUrl({ method: req.method, url: url.toString(), accessKeyId: a.accessKeyId, accessKeySecret: secret, nonce: randomUUID(), now: this.env.ctx.clock.now(), defaultVersion: ALIYUN_DEFAULT_VERSION });
        this.sensitive.add(secret);
        this.sensitive.add(signed.signature);
        return { method: req.method, url: signed.url, headers, body: req.body };
      }
    }
    return { method: req.method, url: url.toString(), headers, body: req.body };
  }

  private staticSecret(a: Extract<AuthConfig, { type: 'apiKey' | 'basic' | 'bearer' | 'hmac' | 'aliyun' }>): string {
    const name = a.type === 'apiKey' ? 'apiKey' : a.type === 'basic' ? 'password' : a.type === 'bearer' ? 'token' : a.type === 'aliyun' ? 'accessKeySecret' : 'hmacSecret';
    const v = this.env.secrets[name];
    if (!v) throw new AuthFailure('CONNECTOR_SECRET_MISSING', `The connector's secret "${name}" is not set (settings).`);
    return v;
  }

  private async ensureSession(): Promise<CachedSession> {
    const { ctx, appId, connector } = this.env;
    const now = ctx.clock.now();
    if (this.session && this.session.expiresAt > now.toISOString()) return this.session;
    let s = await getToken(ctx, appId, connector, this.fp);
    if (!s) {
      let m = pending.get(ctx);
      if (!m) pending.set(ctx, (m = new Map()));
      const k = `${appId}:${connector}:${this.fp}`;
      let p = m.get(k);
      if (!p) {
        const running = m;
        p = this.newSession(now).finally(() => running.delete(k));
        m.set(k, p);
      }
      s = await p;
    }
    for (const v of [...Object.values(s.headers ?? {}), ...Object.values(s.query ?? {})]) {
      this.sensitive.add(v);
      // Cookie headers: each cookie value on its own too.
      for (const part of v.split(';')) {
        const val = part.split('=').slice(1).join('=').trim();
        if (val.length >= 6) this.sensitive.add(val);
      }
    }
    this.session = s;
    return s;
  }

  private async newSession(now: Date): Promise<CachedSession> {
    const r = await login(this.env.auth as Parameters<typeof login>[0], { baseUrl: this.env.baseUrl, secrets: this.env.secrets, timeoutMs: this.env.timeoutMs, now });
    // Renew a minute early so a token does not expire between check and use.
    const ttl = Math.max(30, r.ttlSeconds - 60);
    const s: CachedSession = { fp: this.fp, headers: r.headers, query: r.query, expiresAt: new Date(now.getTime() + ttl * 1000).toISOString() };
    await putToken(this.env.ctx, this.env.appId, this.env.connector, s);
    return s;
  }
}
