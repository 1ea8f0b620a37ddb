/**
 * The generic REST fake (an "ERP" with configurable auth and `Idempotency-Key`): collections of
 * JSON resources under `/api/{collection}` (see docs/connector-protocols.md). Its auth modes
 * (bearer, basic, API key, HMAC request signing, OAuth2 client credentials) are checked here with
 * `node:crypto`, independently of Kiln's own code.
 */
import { createHmac, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FaultKind, RestAuth, RestFake, RestOptions } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, parseJson } from './json.js';

type Item = Record<string, unknown> & { id: string };

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const TOKEN_PATH = '/oauth/token';

/** Equal strings, compared in constant time (hashing first evens out the lengths). */
function same(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const h = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(h(given), h(expected));
}

/** The credentials of an `Authorization` header for a scheme (case-insensitive), else undefined. */
function credentials(header: string | undefined, scheme: string): string | undefined {
  const m = /^([A-Za-z]+) +(\S+) *$/.exec(header ?? '');
  return m && m[1]!.toLowerCase() === scheme ? m[2] : undefined;
}

/** `user:password` of HTTP Basic credentials (split at the first colon), or null when malformed. */
function basicPair(b64: string | undefined): [string, string] | null {
  if (b64 === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const text = Buffer.from(b64, 'base64').toString('utf8');
  const i = text.indexOf(':');
  return i < 0 ? null : [text.slice(0, i), text.slice(i + 1)];
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding. */
function formDecode(v: string): string | null {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const str = (v: unknown): v is string => typeof v === 'string';
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';
const posInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** The auth mode from the options, defaults filled in; throws TypeError for a malformed one. */
function resolveAuth(opts: RestOptions): RestAuth {
  if (opts.auth !== undefined && opts.token !== undefined) throw new TypeError('startRest: give `token` or `auth`, not both');
  if (opts.auth === undefined) return opts.token === null ? { kind: 'none' } : { kind: 'bearer', token: opts.token ?? 'demo-token' };
  const a = opts.auth as unknown;
  const bad = (what: string): never => {
    throw new TypeError(`startRest: auth ${what}`);
  };
  if (!isObject(a)) return bad('is an object {kind, …}');
  const allowed: Record<string, string[]> = {
    none: [], bearer: ['token'], basic: ['username', 'password'], apiKey: ['in', 'name', 'key'],
    hmac: ['secret', 'header', 'timestampHeader', 'windowSeconds'], oauth2: ['clientId', 'clientSecret', 'tokenTtlSeconds'],
  };
  const fields = str(a.kind) && Object.hasOwn(allowed, a.kind) ? allowed[a.kind]! : bad(`kind ${JSON.stringify(a.kind)} is not one of ${Object.keys(allowed).join(', ')}`);
  for (const k of Object.keys(a)) if (k !== 'kind' && !fields.includes(k)) bad(`${a.kind as string} takes no "${k}"`);
  switch (a.kind) {
    case 'none':
      return { kind: 'none' };
    case 'bearer':
      return str(a.token) ? { kind: 'bearer', token: a.token } : bad('bearer needs a token');
    case 'basic':
      if (!str(a.username) || a.username.includes(':') || !str(a.password)) bad('basic needs a username (without ":") and a password');
      return { kind: 'basic', username: a.username as string, password: a.password as string };
    case 'apiKey':
      if ((a.in !== 'header' && a.in !== 'query') || !nonEmpty(a.name) || !nonEmpty(a.key)) bad('apiKey needs in (header | query), name and key');
      if (a.in === 'header' && !HEADER_NAME.test(a.name as string)) bad('apiKey name is not a header name');
      return { kind: 'apiKey', in: a.in as 'header' | 'query', name: a.name as string, key: a.key as string };
    case 'hmac': {
      const header = a.header ?? 'X-Kiln-Signature';
      const timestampHeader = a.timestampHeader ?? 'X-Kiln-Timestamp';
      const windowSeconds = a.windowSeconds ?? 300;
      if (!nonEmpty(a.secret)) bad('hmac needs a secret');
      if (!str(header) || !HEADER_NAME.test(header) || !str(timestampHeader) || !HEADER_NAME.test(timestampHeader)) bad('hmac header / timestampHeader are header names');
      if (!posInt(windowSeconds)) bad('hmac windowSeconds is a positive integer');
      return { kind: 'hmac', secret: a.secret as string, header: header as string, timestampHeader: timestampHeader as string, windowSeconds: windowSeconds as number };
    }
    default: {
      const tokenTtlSeconds = a.tokenTtlSeconds ?? 3600;
      if (!nonEmpty(a.clientId) || !nonEmpty(a.clientSecret)) bad('oauth2 needs clientId and clientSecret');
      if (!posInt(tokenTtlSeconds)) bad('oauth2 tokenTtlSeconds is a positive integer');
      return { kind: 'oauth2', clientId: a.clientId as string, clientSecret: a.clientSecret as string, tokenTtlSeconds: tokenTtlSeconds as number };
    }
  }
}

/**
 * Checks the credentials of an `/api/*` request; null when they are good, else the 401 reply.
 * `tokens` is the oauth2 token table (token → expiry, epoch ms); an `expire` fault ends the token in use.
 */
function authenticate(auth: RestAuth, req: FakeRequest, tokens: Map<string, number>): FakeReply | null {
  const refuse = (error: string, challenge?: string, description?: string) =>
    json(401, { error, ...(description ? { error_description: description } : {}) }, challenge ? { 'www-authenticate': challenge } : undefined);
  switch (auth.kind) {
    case 'none':
      return null;
    case 'bearer':
      return same(credentials(req.headers.authorization, 'bearer'), auth.token) ? null : refuse('unauthorized');
    case 'basic': {
      const pair = basicPair(credentials(req.headers.authorization, 'basic'));
      // Both compared, whatever the first gives, so that timing tells nothing.
      const ok = [same(pair?.[0], auth.username), same(pair?.[1], auth.password)].every(Boolean);
      return ok ? null : refuse('unauthorized', 'Basic realm="kiln-fake", charset="UTF-8"');
    }
    case 'apiKey': {
      const given = auth.in === 'header' ? req.headers[auth.name.toLowerCase()] : req.url.searchParams.get(auth.name);
      return same(given, auth.key) ? null : refuse('unauthorized', undefined, `API key expected in ${auth.in} "${auth.name}"`);
    }
    case 'hmac': {
      const ts = req.headers[auth.timestampHeader!.toLowerCase()];
      const sig = req.headers[auth.header!.toLowerCase()];
      if (!ts || !sig) return refuse('missing_signature', undefined, `headers ${auth.header} and ${auth.timestampHeader} are required`);
      if (!/^\d{1,12}$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > auth.windowSeconds!) return refuse('invalid_timestamp', undefined, `${auth.timestampHeader} is not within ${auth.windowSeconds} s of now`);
      // Over the body as received (the server hands it over as UTF-8 text).
      const want = createHmac('sha256', auth.secret).update(`${ts}.${req.body}`, 'utf8').digest('hex');
      return /^[0-9a-f]{64}$/.test(sig) && same(sig, want) ? null : refuse('invalid_signature', undefined, `${auth.header} is not HMAC-SHA256(secret, timestamp + "." + body) in lowercase hex`);
    }
    case 'oauth2': {
      const token = credentials(req.headers.authorization, 'bearer');
      if (token === undefined) return refuse('unauthorized', 'Bearer realm="kiln-fake"');
      const until = tokens.get(token);
      if (until === undefined || until <= Date.now() || req.fault?.kind === 'expire') {
        tokens.delete(token);
        return refuse('invalid_token', 'Bearer realm="kiln-fake", error="invalid_token"', 'the access token is unknown or expired');
      }
      return null;
    }
  }
}

/**
 * `POST /oauth/token`, client credentials grant (RFC 6749 §4.4): a form body, the client
 * authenticated by `client_id` / `client_secret` in the form or by HTTP Basic (not both).
 */
function tokenEndpoint(auth: Extract<RestAuth, { kind: 'oauth2' }>, req: FakeRequest, tokens: Map<string, number>): FakeReply {
  const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>) => json(status, { error, error_description: description }, { 'cache-control': 'no-store', ...headers });
  if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'the token endpoint takes POST');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return oauthError(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
  const form = new URLSearchParams(req.body);
  const grant = form.get('grant_type');
  if (grant === null) return oauthError(400, 'invalid_request', 'grant_type is missing');
  if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const viaBasic = credentials(req.headers.authorization, 'basic');
  if (viaBasic !== undefined) {
    if (secret !== null) return oauthError(400, 'invalid_request', 'use one client authentication method, not both');
    const pair = basicPair(viaBasic);
    const basicId = pair ? formDecode(pair[0]) : null;
    if (id !== null && id !== basicId) return oauthError(400, 'invalid_request', 'client_id differs from the Basic credentials');
    id = basicId;
    secret = pair ? formDecode(pair[1]) : null;
  }
  const ok = [same(id, auth.clientId), same(secret, auth.clientSecret)].every(Boolean);
  if (!ok) return oauthError(401, 'invalid_client', 'client authentication failed', viaBasic !== undefined ? { 'www-authenticate': 'Basic realm="kiln-fake"' } : undefined);
  const token = randomBytes(20).toString('hex');
  const ttl = auth.tokenTtlSeconds ?? 3600;
  tokens.set(token, Date.now() + ttl * 1000);
  const scope = form.get('scope');
  return json(200, { access_token: token, token_type: 'Bearer', expires_in: ttl, ...(scope ? { scope } : {}) }, { 'cache-control': 'no-store', pragma: 'no-cache' });
}

/**
 * Starts the REST fake. `POST /api/{collection}` → 201 `{id, …body}` (a repeated
 * `Idempotency-Key` → 200 with the first result, nothing new stored); `GET /api/{collection}`
 * (an array) and `GET /api/{collection}/{id}`; `PATCH` (merge) / `PUT` (replace) / `DELETE`
 * `/api/{collection}/{id}`. Every `/api/*` request is authenticated per `opts.auth` (default
 * bearer `demo-token`; see {@link RestAuth}): 401 `{"error": …}` when the credentials are wrong
 * or missing (`unauthorized`; HMAC `missing_signature` / `invalid_timestamp` /
 * `invalid_signature`; OAuth2 `invalid_token`). With `oauth2` it also serves `POST /oauth/token`.
 * The `reject` fault answers 422; `expire` (oauth2 only) ends the token of the next API call.
 * Throws TypeError for a malformed `auth`.
 */
export async function startRest(opts: RestOptions = {}): Promise<RestFake> {
  const auth = Object.freeze(resolveAuth(opts));
  let tokens = new Map<string, number>();
  let collections = new Map<string, Map<string, Item>>();
  let idempotent = new Map<string, FakeReply>();
  let seq = 0;

  const coll = (name: string): Map<string, Item> => {
    let c = collections.get(name);
    if (!c) collections.set(name, (c = new Map()));
    return c;
  };

  const handle = (req: FakeRequest): FakeReply => {
    const parts = req.url.pathname.split('/').slice(2).map(decodeURIComponent);
    const [name, id, extra] = parts;
    if (!name || !NAME.test(name) || extra !== undefined || (id !== undefined && id === '')) return json(404, { error: 'not found' });
    const refused = authenticate(auth, req, tokens);
    if (refused) return refused;
    if (req.fault?.kind === 'reject') return json(422, { error: 'rejected by the fake (reject fault)' });
    const c = coll(name);
    let body: unknown;
    if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') {
      try {
        body = parseJson(req.body);
      } catch {
        return json(400, { error: 'body is not JSON' });
      }
      if (!isObject(body)) return json(400, { error: 'body must be a JSON object' });
    }
    const fields = body as Record<string, unknown>;
    if (id === undefined) {
      if (req.method === 'GET') return json(200, [...c.values()]);
      if (req.method !== 'POST') return json(405, { error: 'method not allowed' });
      const key = req.headers['idempotency-key'];
      const first = key ? idempotent.get(key) : undefined;
      if (first) return { ...first, status: 200 };
      const item: Item = { ...fields, id: String(++seq) };
      c.set(item.id, item);
      const reply = json(201, item);
      if (key) idempotent.set(key, reply);
      return reply;
    }
    const item = c.get(id);
    if (!item) return json(404, { error: 'not found' });
    switch (req.method) {
      case 'GET':
        return json(200, item);
      case 'PATCH':
      case 'PUT': {
        const next: Item = { ...(req.method === 'PATCH' ? item : {}), ...fields, id };
        c.set(id, next);
        return json(200, next);
      }
      case 'DELETE':
        c.delete(id);
        return { status: 204, body: '' };
      default:
        return json(405, { error: 'method not allowed' });
    }
  };

  const expireTokens = (): void => {
    if (auth.kind !== 'oauth2') throw new TypeError(`expireTokens: this REST fake's auth is ${auth.kind}, not oauth2`);
    tokens = new Map();
  };
  const isToken = (url: URL) => auth.kind === 'oauth2' && url.pathname === TOKEN_PATH;
  const faults: FaultKind[] = ['500', 'down', 'timeout', 'reject', ...(auth.kind === 'oauth2' ? (['expire'] as const) : [])];

  const spec: FakeSpec = {
    faults,
    classify: (_m, url) => (url.pathname.startsWith('/api/') ? 'business' : isToken(url) ? 'auth' : 'none'),
    handle: (req) => {
      if (req.url.pathname.startsWith('/api/')) return handle(req);
      if (auth.kind === 'oauth2' && isToken(req.url)) return tokenEndpoint(auth, req, tokens);
      return json(404, { error: 'not found' });
    },
    control: {
      'expire-tokens': () => {
        try {
          expireTokens();
        } catch (e) {
          return json(400, { error: (e as Error).message });
        }
        return json(200, { ok: true });
      },
    },
    state: () => ({
      auth: auth.kind,
      ...(auth.kind === 'oauth2' ? { tokens: [...tokens.values()].filter((t) => t > Date.now()).length } : {}),
      collections: Object.fromEntries([...collections].map(([k, v]) => [k, [...v.values()]])),
    }),
    reset: () => {
      collections = new Map();
      idempotent = new Map();
      tokens = new Map();
      seq = 0;
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    auth,
    items: (collection: string) => structuredClone([...(collections.get(collection)?.values() ?? [])]),
    expireTokens,
  }) satisfies RestFake;
}
