import { createHmac } from 'node:crypto';
import { connectorFromPreset, type AuthConfig, type ConnectorDefinition, type StepDefinition } from '@kiln/engine-connectors';
import { startRest, type RestFake, type RestOptions } from '@kiln/fakes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Harness } from './helpers/harness.js';
import { advance, configure, createOrder, delivery, deliveryOf, describeConnectors, drain, FORMS, record, trigger } from './helpers/connectors.js';

/**
 * The generic auth types (apiKey in a header and in the query, basic, hmac request signing,
 * oauth2 client credentials) against the REST fake, which checks every credential with its own
 * crypto, over real HTTP: a created record fires a rule, the outbox delivers, the fake stores.
 *
 * OAuth2 and a 401: the runtime fetches a new token only when the operation's step says the
 * token expired (`expired`, here `response.status = 401`), as for every login type
 * (AuthConfig: "re-login once when an operation step's `expired` expression says so"). Without
 * it a 401 is an ordinary HTTP error (4xx → permanent). The test below pins both behaviours.
 */

const APP = 'authapp';
const KEYS = ['apikey_header', 'apikey_query', 'basic', 'hmac', 'oauth'] as const;
type Key = (typeof KEYS)[number];
const STATIC: Key[] = ['apikey_header', 'apikey_query', 'basic', 'hmac'];

/** The right secret of each connector (its settings name and value) and a wrong one. */
const SECRET: Record<Key, { name: string; value: string; wrong: string }> = {
  apikey_header: { name: 'apiKey', value: 'ak-header-7f3a9c', wrong: 'ak-header-WRONG1' },
  apikey_query: { name: 'apiKey', value: 'ak-query-51d2e8', wrong: 'ak-query-WRONG22' },
  basic: { name: 'password', value: 'basic-pass-c0ffee', wrong: 'basic-pass-WRONG3' },
  hmac: { name: 'hmacSecret', value: 'hmac-secret-9b8a7d', wrong: 'hmac-secret-WRONG4' },
  oauth: { name: 'clientSecret', value: 'oauth-client-secret-42ab', wrong: 'oauth-client-WRONG5' },
};

const FAKE_AUTH: Record<Key, NonNullable<RestOptions['auth']>> = {
  apikey_header: { kind: 'apiKey', in: 'header', name: 'X-Api-Key', key: SECRET.apikey_header.value },
  apikey_query: { kind: 'apiKey', in: 'query', name: 'api_key', key: SECRET.apikey_query.value },
  basic: { kind: 'basic', username: 'kiln', password: SECRET.basic.value },
  hmac: { kind: 'hmac', secret: SECRET.hmac.value, header: 'X-Signature' },
  oauth: { kind: 'oauth2', clientId: 'kiln-client', clientSecret: SECRET.oauth.value },
};

const fakes = {} as Record<Key, RestFake>;
beforeAll(async () => {
  const started = await Promise.all(KEYS.map((k) => startRest({ auth: FAKE_AUTH[k] })));
  KEYS.forEach((k, i) => (fakes[k] = started[i]!));
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

const authOf = (k: Key): AuthConfig => {
  switch (k) {
    case 'apikey_header':
      return { type: 'apiKey', in: 'header', name: 'X-Api-Key' };
    case 'apikey_query':
      return { type: 'apiKey', in: 'query', name: 'api_key' };
    case 'basic':
      return { type: 'basic', username: 'kiln' };
    case 'hmac':
      return { type: 'hmac', header: 'X-Signature' };
    case 'oauth':
      return { type: 'oauth2', tokenUrl: `${fakes.oauth.url}/oauth/token`, clientId: 'kiln-client', scope: 'orders:write' };
  }
};

/** A generic REST connector for fake `k`: POST api/orders with an Idempotency-Key; the fake's `error` as the message. */
function connector(k: Key, step: Partial<StepDefinition> = {}): ConnectorDefinition {
  const def = connectorFromPreset('rest', k);
  const create = def.operations!.create!;
  return {
    ...def, baseUrl: fakes[k].url, auth: authOf(k), timeoutMs: 3000,
    retry: { maxAttempts: 3, initialDelay: 'PT30S', maxDelay: 'PT10M' },
    operations: { create: { ...create, steps: [{ ...create.steps[0]!, error: 'response.body.error', ...step }], writeBack: '{"erp_id": result.id}' } },
  };
}
/** OAuth2: a 401 means the token expired (see the file comment). */
const oauthConnector = () => connector('oauth', { expired: 'response.status = 401' });

const rule = (k: Key) => trigger(`to_${k}`, { event: 'record.created', form: 'orders' }, [{
  id: 'push', type: 'connector', connector: k, operation: 'create', payload: '({ billNo: record.bill_no, customer: record.customer, total: record.amount })',
}], { condition: `record.customer === '${k}'` });

async function setup(h: Harness): Promise<void> {
  const ok = async (o: Parameters<Harness['req']>[0]) => {
    const r = await h.req(o);
    if (r.status >= 300) throw new Error(`${o.method} ${o.url}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await ok({ method: 'POST', url: '/api/apps', payload: { key: APP, name: { 'zh-CN': APP, en: APP } } });
  for (const f of FORMS) await ok({ method: 'PUT', url: `/api/apps/${APP}/forms/${f.key}`, payload: f });
  for (const k of KEYS) await ok({ method: 'PUT', url: `/api/apps/${APP}/rules/to_${k}`, payload: rule(k) });
  for (const k of KEYS) await ok({ method: 'PUT', url: `/api/apps/${APP}/connectors/${k}`, payload: (k === 'oauth' ? oauthConnector() : connector(k)) as never });
  await ok({ method: 'POST', url: `/api/apps/${APP}/publish` });
  for (const k of KEYS) await configure(h, APP, k, { secrets: { [SECRET[k].name]: SECRET[k].value } });
}

const posts = (k: Key) => fakes[k].requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/orders'));
const tokenRequests = () => fakes.oauth.requests.filter((r) => r.path === '/oauth/token');
const stored = (k: Key, billNo: string) => fakes[k].items('orders').filter((i) => i.billNo === billNo);
/** Every credential the runtime holds or derives: must never show. */
const credentials = () => [
  ...KEYS.flatMap((k) => [SECRET[k].value, SECRET[k].wrong]),
  Buffer.from(`kiln:${SECRET.basic.value}`).toString('base64'),
  ...fakes.oauth.requests.map((r) => r.headers.authorization?.replace(/^Bearer /, '')).filter((t): t is string => Boolean(t)),
];
const expectClean = (value: unknown, what: string) => {
  const text = JSON.stringify(value);
  for (const c of credentials()) expect(text.includes(c), `${what} contains a credential`).toBe(false);
};
/** The fake checks HMAC timestamps against the real time: bring the (manual) runtime clock there. */
const syncClock = (h: Harness) => h.req({ method: 'POST', url: '/api/_test/clock', payload: { set: new Date().toISOString() } });

describeConnectors('generic connector auth against the REST fake', (h) => {
  let n = 0;
  const order = async (k: Key) => {
    const billNo = `${k.toUpperCase()}-${++n}`;
    const o = await createOrder(h(), APP, { bill_no: billNo, customer: k, amount: 1000 + n, target: 'none' });
    return { id: o.id as number, billNo };
  };

  beforeAll(async () => {
    for (const f of Object.values(fakes)) f.reset();
    await setup(h());
  });

  it.each(STATIC)('%s: the outbox delivers with the credential, the fake stores the record', async (k) => {
    await syncClock(h());
    const o = await order(k);
    await drain(h());
    const d = await deliveryOf(h(), APP, k, o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    const items = stored(k, o.billNo);
    expect(items).toHaveLength(1);
    expect(await record(h(), APP, 'orders', o.id)).toMatchObject({ erp_id: items[0]!.id });
    const sent = posts(k).at(-1)!;
    if (k === 'apikey_header') expect(sent.headers['x-api-key']).toBe(SECRET[k].value);
    if (k === 'apikey_query') expect(new URL(sent.path, 'http://x').searchParams.get('api_key')).toBe(SECRET[k].value);
    if (k === 'basic') expect(sent.headers.authorization).toBe(`Basic ${Buffer.from(`kiln:${SECRET.basic.value}`).toString('base64')}`);
    if (k === 'hmac') {
      // Checked here too, from the definition of the scheme (the fake checked it on its own).
      const ts = sent.headers['x-kiln-timestamp']!;
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(300);
      expect(sent.headers['x-signature']).toBe(createHmac('sha256', SECRET.hmac.value).update(`${ts}.${sent.body}`).digest('hex'));
    }
  });

  it.each(STATIC)('%s: a wrong secret is refused by the fake (401) → dead with CONNECTOR_HTTP_ERROR, nothing stored', async (k) => {
    await syncClock(h());
    await configure(h(), APP, k, { secrets: { [SECRET[k].name]: SECRET[k].wrong } });
    try {
      const o = await order(k);
      await drain(h());
      const d = await deliveryOf(h(), APP, k, o.id);
      expect(d.state).toBe('dead');
      expect(d.attempts).toHaveLength(1);
      expect(d.error).toMatchObject({ code: 'CONNECTOR_HTTP_ERROR', details: { step: 'create', permanent: true } });
      expect(d.error.message).toContain('HTTP 401');
      expect(d.error.details.messages).toEqual([k === 'hmac' ? 'invalid_signature' : 'unauthorized']);
      expect(d.attempts[0].steps[0].response.status).toBe(401);
      expect(stored(k, o.billNo)).toEqual([]);
      expect((await record(h(), APP, 'orders', o.id)).erp_id ?? null).toBeNull();
    } finally {
      await configure(h(), APP, k, { secrets: { [SECRET[k].name]: SECRET[k].value } });
    }
  });

  it('hmac: the fake refuses the signed request with a tampered body and accepts it as signed', async () => {
    await syncClock(h());
    const o = await order('hmac');
    await drain(h());
    expect((await deliveryOf(h(), APP, 'hmac', o.id)).state).toBe('delivered');
    const signed = posts('hmac').find((r) => r.body.includes(`"${o.billNo}"`))!;
    const replay = (body: string) => fetch(`${fakes.hmac.url}/api/orders`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', 'x-signature': signed.headers['x-signature']!, 'x-kiln-timestamp': signed.headers['x-kiln-timestamp']! },
    });
    const tampered = await replay(signed.body.replace(/"total":\d+/, '"total":1'));
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: 'invalid_signature' });
    expect(stored('hmac', o.billNo)).toHaveLength(1);
    // The same bytes again (without the Idempotency-Key, so the fake stores a second copy).
    expect((await replay(signed.body)).status).toBe(201);
    expect(stored('hmac', o.billNo)).toHaveLength(2);
  });

  it('oauth2: one token request (form, client credentials, scope), the token reused across deliveries', async () => {
    const before = tokenRequests().length;
    // Three created back to back, then two more one by one.
    const burst = [await order('oauth'), await order('oauth'), await order('oauth')];
    await drain(h());
    const later = [];
    for (let i = 0; i < 2; i++) {
      later.push(await order('oauth'));
      await drain(h());
    }
    for (const o of [...burst, ...later]) {
      const d = await deliveryOf(h(), APP, 'oauth', o.id);
      expect(d.state, JSON.stringify(d.error)).toBe('delivered');
      expect(stored('oauth', o.billNo)).toHaveLength(1);
    }
    expect(tokenRequests().length - before).toBe(1);
    const t = tokenRequests().at(-1)!;
    expect(t.method).toBe('POST');
    expect(t.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(t.body))).toEqual({ grant_type: 'client_credentials', client_id: 'kiln-client', client_secret: SECRET.oauth.value, scope: 'orders:write' });
    expect(new Set(posts('oauth').map((r) => r.headers.authorization)).size).toBe(1);
    expect(posts('oauth')[0]!.headers.authorization).toMatch(/^Bearer [0-9a-f]{40}$/);
  });

  it('oauth2: after expireTokens() a delivery gets a 401, fetches a token once more and succeeds', async () => {
    fakes.oauth.expireTokens();
    const before = tokenRequests().length;
    const o = await order('oauth');
    await drain(h());
    const d = await deliveryOf(h(), APP, 'oauth', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.attempts).toHaveLength(1);
    expect(d.attempts[0].steps[0]).toMatchObject({ step: 'create', relogin: true, response: { status: 201 } });
    expect(tokenRequests().length - before).toBe(1);
    const sent = posts('oauth').filter((r) => r.body.includes(`"${o.billNo}"`));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers.authorization).not.toBe(sent[1]!.headers.authorization);
    expect(stored('oauth', o.billNo)).toHaveLength(1);
    // The new token is cached in turn.
    const next = await order('oauth');
    await drain(h());
    expect((await deliveryOf(h(), APP, 'oauth', next.id)).state).toBe('delivered');
    expect(tokenRequests().length - before).toBe(1);
  });

  it('oauth2: without an `expired` expression a 401 is an ordinary refusal (no new token); with it, still 401 after the new token → CONNECTOR_SESSION_EXPIRED', async () => {
    fakes.oauth.expireTokens();
    const before = tokenRequests().length;
    const plain = connector('oauth'); // no `expired`
    const r = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/oauth/test`, payload: { operation: 'create', input: { billNo: 'T-PLAIN' }, definition: plain } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'CONNECTOR_HTTP_ERROR', permanent: true, details: ['invalid_token'] } });
    expect(r.body.steps[0].response.status).toBe(401);
    expect(r.body.steps[0].relogin).toBeUndefined();
    expect(tokenRequests().length).toBe(before);
    expectClean(r.body, 'the test call answer');

    // The `expire` fault ends the token of each of the next two calls: the re-sent step fails too.
    fakes.oauth.fault({ kind: 'expire', count: 2 });
    const o = await order('oauth');
    await drain(h());
    let d = await deliveryOf(h(), APP, 'oauth', o.id);
    expect(d.state).toBe('pending');
    expect(d.error).toMatchObject({ code: 'CONNECTOR_SESSION_EXPIRED', details: { step: 'create', permanent: false } });
    expect(tokenRequests().length - before).toBe(1);
    expect(stored('oauth', o.billNo)).toEqual([]);
    // The retry: its cached token was ended too → 401 → one more token → stored once.
    await advance(h(), 'PT30S');
    d = await deliveryOf(h(), APP, 'oauth', o.id);
    expect(d.state, JSON.stringify(d.error)).toBe('delivered');
    expect(d.attempts.map((a: any) => a.ok)).toEqual([false, true]);
    expect(tokenRequests().length - before).toBe(2);
    expect(stored('oauth', o.billNo)).toHaveLength(1);
  });

  it('oauth2: a wrong client secret → CONNECTOR_LOGIN_FAILED (invalid_client), retried; fixed, a burst of due deliveries shares one new token', async () => {
    await configure(h(), APP, 'oauth', { secrets: { clientSecret: SECRET.oauth.wrong } });
    const before = tokenRequests().length;
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push(await order('oauth'));
    await drain(h());
    for (const o of orders) {
      const d = await deliveryOf(h(), APP, 'oauth', o.id);
      expect(d.state).toBe('pending');
      expect(d.error).toMatchObject({ code: 'CONNECTOR_LOGIN_FAILED', details: { permanent: false, messages: ['invalid_client: client authentication failed'] } });
      expect(d.error.message).toMatch(/^OAuth2 token failed: /);
      expect(d.attempts[0].steps).toEqual([expect.objectContaining({ step: 'login', error: expect.objectContaining({ code: 'CONNECTOR_LOGIN_FAILED' }) })]);
      expect(posts('oauth').some((r) => r.body.includes(`"${o.billNo}"`))).toBe(false);
      expectClean(d, 'the delivery detail');
    }
    expect(tokenRequests().length - before).toBe(3);
    expect(tokenRequests().slice(-3).every((r) => r.body.includes(`client_secret=${SECRET.oauth.wrong}`))).toBe(true);

    // The three retries fall due at the same instant and run side by side (4 lanes), no token cached.
    await configure(h(), APP, 'oauth', { secrets: { clientSecret: SECRET.oauth.value } });
    await advance(h(), 'PT30S');
    for (const o of orders) {
      const d = await deliveryOf(h(), APP, 'oauth', o.id);
      expect(d.state, JSON.stringify(d.error)).toBe('delivered');
      expect(stored('oauth', o.billNo)).toHaveLength(1);
    }
    expect(tokenRequests().length - before).toBe(4);
  });

  it('no credential in test-call answers, delivery details or the stored attempt logs', async () => {
    await syncClock(h());
    for (const k of KEYS) {
      const r = await h().req({ method: 'POST', url: `/api/apps/${APP}/connectors/${k}/test`, payload: { operation: 'create', input: { billNo: `TEST-${k}` } } });
      expect(r.body, JSON.stringify(r.body.error)).toMatchObject({ ok: true, result: { billNo: `TEST-${k}` } });
      expect(stored(k, `TEST-${k}`)).toHaveLength(1);
      expectClean(r.body, `the test call of ${k}`);
      const list = await h().req({ method: 'GET', url: `/api/apps/${APP}/connectors/${k}/deliveries?limit=200` });
      expect(list.body.items.length).toBeGreaterThan(0);
      expectClean(list.body, `the deliveries of ${k}`);
      for (const item of list.body.items) expectClean(await delivery(h(), APP, k, item.id), `delivery ${item.id} of ${k}`);
    }
    // The rows behind them, as stored.
    const attempts = await h().ctx.db.selectFrom('outbox_attempts').select(['steps', 'error']).execute();
    const outbox = await h().ctx.db.selectFrom('outbox').select(['payload', 'result', 'last_error']).execute();
    expect(attempts.length).toBeGreaterThan(15);
    expectClean(attempts, 'outbox_attempts');
    expectClean(outbox, 'outbox');
  });
});
