import { createHmac } from 'node:crypto';
import type { AuthConfig } from '@kiln/engine-connectors';
import { httpRequest, joinUrl, type RawResponse } from './http.js';

/** A login that did not give a session: the delivery fails with this code (retried later). */
export class AuthFailure extends Error {
  constructor(readonly code: 'CONNECTOR_LOGIN_FAILED' | 'CONNECTOR_SECRET_MISSING', message: string, readonly details?: string[]) {
    super(message);
    this.name = 'AuthFailure';
  }
}

/** What a login yields: what to add to every request, and for how long (seconds). */
export interface LoginResult {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  ttlSeconds: number;
}

/** Where and how a login runs. */
export interface LoginEnv {
  baseUrl: string;
  secrets: Record<string, string>;
  timeoutMs: number;
  now: Date;
}

type LoginAuth = Extract<AuthConfig, { type: 'oauth2' | 'kingdee' | 'yonyou' | 'wechat' }>;

/**
 * YonBIP's self-app token signature: URL-encoded Base64 of HmacSHA256(appSecret,
 * `appKey<appKey>timestamp<ms>`). Domain vector: `demo_secret`, `41832a3d2df94989b500da6a22268747`,
 * `1568098531823` → `QBNLGo%2BuLU50LtDm%2BklHX6gvP4Gt9VKuTc5rSd82eM8%3D`.
 */
export function yonyouSignature(appSecret: string, appKey: string, timestamp: string): string {
  return encodeURIComponent(createHmac('sha256', appSecret).update(`appKey${appKey}timestamp${timestamp}`).digest('base64'));
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);

function need(secrets: Record<string, string>, name: string): string {
  const v = secrets[name];
  if (!v) throw new AuthFailure('CONNECTOR_SECRET_MISSING', `The connector's secret "${name}" is not set (settings).`);
  return v;
}

function refused(what: string, res: RawResponse, message?: string): never {
  const msg = message ?? (typeof res.body === 'string' ? res.body.slice(0, 200) : `HTTP ${res.status}`);
  throw new AuthFailure('CONNECTOR_LOGIN_FAILED', `${what} failed: ${msg}`, [msg]);
}

async function kingdee(a: Extract<AuthConfig, { type: 'kingdee' }>, env: LoginEnv): Promise<LoginResult> {
  const lcid = a.lcid ?? 2052;
  const byApp = Boolean(a.appId);
  const path = byApp ? 'Kingdee.BOS.WebApi.ServicesStub.AuthService.LoginByAppSecret.common.kdsvc' : 'Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc';
  const body = byApp
    ? { parameters: [a.acctId, a.username, a.appId, need(env.secrets, 'appSecret'), lcid] }
    : { acctID: a.acctId, username: a.username, password: need(env.secrets, 'password'), lcid };
  const res = await httpRequest('POST', joinUrl(env.baseUrl, path), { 'content-type': 'application/json' }, JSON.stringify(body), env.timeoutMs);
  const b = obj(res.body);
  if (res.status !== 200 || Number(b.LoginResultType) !== 1) refused('Kingdee login', res, str(b.Message) ?? (res.status !== 200 ? `HTTP ${res.status}` : `LoginResultType ${String(b.LoginResultType)}`));
  const cookies = res.setCookies.map((c) => c.split(';')[0]!.trim()).filter((c) => c.includes('='));
  const sid = str(b.KDSVCSessionId);
  if (!cookies.length && sid) cookies.push(`kdservice-sessionid=${sid}`);
  if (!cookies.length) refused('Kingdee login', res, 'no session cookie in the answer');
  return { headers: { cookie: cookies.join('; ') }, ttlSeconds: 15 * 60 };
}

async function yonyou(a: Extract<AuthConfig, { type: 'yonyou' }>, env: LoginEnv): Promise<LoginResult> {
  const ts = String(env.now.getTime());
  const secret = need(env.secrets, 'appSecret');
  const url = `${joinUrl(env.baseUrl, 'open-auth/selfAppAuth/getAccessToken')}?appKey=${encodeURIComponent(a.appKey)}&timestamp=${ts}&signature=${yonyouSignature(secret, a.appKey, ts)}`;
  const res = await httpRequest('GET', url, {}, undefined, env.timeoutMs);
  const b = obj(res.body);
  const data = obj(b.data);
  const token = str(data.access_token);
  if (res.status !== 200 || str(b.code) !== '00000' || !token) refused('YonBIP token', res, str(b.message) ? `${str(b.code)} ${str(b.message)}` : undefined);
  return { query: { access_token: token }, ttlSeconds: Number(data.expire ?? 7200) };
}

async function wechat(a: Extract<AuthConfig, { type: 'wechat' }>, env: LoginEnv): Promise<LoginResult> {
  const secret = need(env.secrets, 'appSecret');
  const url = `${joinUrl(env.baseUrl, 'cgi-bin/token')}?grant_type=client_credential&appid=${encodeURIComponent(a.appId)}&secret=${encodeURIComponent(secret)}`;
  const res = await httpRequest('GET', url, {}, undefined, env.timeoutMs);
  const b = obj(res.body);
  const token = str(b.access_token);
  if (res.status !== 200 || !token) refused('WeChat token', res, b.errcode !== undefined ? `${String(b.errcode)} ${str(b.errmsg) ?? ''}`.trim() : undefined);
  return { query: { access_token: token }, ttlSeconds: Number(b.expires_in ?? 7200) };
}

async function oauth2(a: Extract<AuthConfig, { type: 'oauth2' }>, env: LoginEnv): Promise<LoginResult> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: a.clientId, client_secret: need(env.secrets, 'clientSecret') });
  if (a.scope) form.set('scope', a.scope);
  const res = await httpRequest('POST', joinUrl(env.baseUrl, a.tokenUrl), { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, form.toString(), env.timeoutMs);
  const b = obj(res.body);
  const token = str(b.access_token);
  if (res.status < 200 || res.status >= 300 || !token) refused('OAuth2 token', res, [str(b.error), str(b.error_description)].filter(Boolean).join(': ') || undefined);
  return { headers: { authorization: `Bearer ${token}` }, ttlSeconds: Number(b.expires_in ?? 3600) };
}

/** Logs in for an auth type with a login step (oauth2, kingdee, yonyou, wechat); throws AuthFailure or TransportError. */
export function login(auth: LoginAuth, env: LoginEnv): Promise<LoginResult> {
  switch (auth.type) {
    case 'kingdee':
      return kingdee(auth, env);
    case 'yonyou':
      return yonyou(auth, env);
    case 'wechat':
      return wechat(auth, env);
    case 'oauth2':
      return oauth2(auth, env);
  }
}

/** Whether an auth type logs in (and so caches a session and can re-login). */
export const hasLogin = (auth: AuthConfig | undefined): auth is LoginAuth => auth?.type === 'oauth2' || auth?.type === 'kingdee' || auth?.type === 'yonyou' || auth?.type === 'wechat';
