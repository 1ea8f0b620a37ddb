/**
 * The generic REST fake (an "ERP" with bearer auth and `Idempotency-Key`): collections of JSON
 * resources under `/api/{collection}` (see docs/connector-protocols.md).
 */
import type { RestFake, RestOptions } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, parseJson } from './json.js';

type Item = Record<string, unknown> & { id: string };

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Starts the REST fake. `POST /api/{collection}` → 201 `{id, …body}` (a repeated
 * `Idempotency-Key` → 200 with the first result, nothing new stored); `GET /api/{collection}`
 * (an array) and `GET /api/{collection}/{id}`; `PATCH` (merge) / `PUT` (replace) / `DELETE`
 * `/api/{collection}/{id}`; 401 `{"error":"unauthorized"}` without the bearer token; the
 * `reject` fault answers 422.
 */
export async function startRest(opts: RestOptions = {}): Promise<RestFake> {
  const token = opts.token === undefined ? 'demo-token' : opts.token;
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
    if (token !== null && req.headers.authorization !== `Bearer ${token}`) return json(401, { error: 'unauthorized' });
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

  const spec: FakeSpec = {
    faults: ['500', 'down', 'timeout', 'reject'],
    classify: (_m, url) => (url.pathname.startsWith('/api/') ? 'business' : 'none'),
    handle: (req) => (req.url.pathname.startsWith('/api/') ? handle(req) : json(404, { error: 'not found' })),
    state: () => ({ collections: Object.fromEntries([...collections].map(([k, v]) => [k, [...v.values()]])) }),
    reset: () => {
      collections = new Map();
      idempotent = new Map();
      seq = 0;
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    items: (collection: string) => structuredClone([...(collections.get(collection)?.values() ?? [])]),
  }) satisfies RestFake;
}
