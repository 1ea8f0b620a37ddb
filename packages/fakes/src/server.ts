/**
 * The tiny HTTP server every fake is built on: listens on 127.0.0.1, logs requests, applies
 * injected faults, and answers the control API under `/_fake/` (`GET state`, `GET requests`,
 * `POST reset`, `POST fault`, plus each fake's own control routes).
 * @internal
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Fault, FaultKind, FakeServer, RecordedRequest } from './types.js';
import { isObject, parseJson } from './json.js';

/** A request as a fake's handler sees it. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** The protocol-level fault this request consumed (`reject`, `partial`, `errcode`, `expire`), if any. */
  fault: Fault | null;
}

/** What a handler answers. */
export interface FakeReply {
  status: number;
  headers?: Record<string, string | string[]>;
  body: string;
}

/** Which faults a route takes: `business` all, `auth` only `500`/`down`, `none` none. */
export type RouteClass = 'business' | 'auth' | 'none';

/** The part each fake supplies. */
export interface FakeSpec {
  /** Fault kinds this fake supports; others are refused. */
  faults: readonly FaultKind[];
  classify(method: string, url: URL): RouteClass;
  handle(req: FakeRequest): FakeReply | Promise<FakeReply>;
  /** Extra `POST /_fake/<name>` routes. */
  control?: Record<string, (req: FakeRequest) => FakeReply | Promise<FakeReply>>;
  /** Stored data for `GET /_fake/state`. */
  state(): Record<string, unknown>;
  /** Forgets stored data (the base forgets faults and requests). */
  reset(): void;
}

/** A started base server. */
export interface FakeBase extends FakeServer {
  /** Extra copies a push sends under a `duplicate` fault (0 without one). */
  duplicateExtra(): number;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

const FAULT_KINDS: readonly FaultKind[] = ['500', 'down', 'timeout', 'reject', 'partial', 'errcode', 'expire', 'duplicate'];
const DEFAULT_DELAY_MS = 30_000;

/** A JSON reply. */
export function json(status: number, value: unknown, headers?: Record<string, string | string[]>): FakeReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** A plain-text reply. */
export function text(status: number, body: string): FakeReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** Checks a fault against the kinds a fake supports; returns it normalised or throws. */
export function checkFault(f: unknown, supported: readonly FaultKind[]): Fault {
  if (!isObject(f)) throw new TypeError('a fault is an object {kind, count?, delayMs?}');
  const kind = f.kind as FaultKind;
  if (!FAULT_KINDS.includes(kind)) throw new TypeError(`unknown fault kind ${JSON.stringify(f.kind)}; kinds: ${FAULT_KINDS.join(', ')}`);
  if (!supported.includes(kind)) throw new TypeError(`this fake does not support the fault ${kind}; it supports: ${supported.join(', ')}`);
  const out: Fault = { kind };
  for (const key of ['count', 'delayMs', 'errcode'] as const) {
    const v = f[key];
    if (v === undefined || v === null) continue;
    const min = key === 'count' ? 1 : key === 'delayMs' ? 0 : -Infinity;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new TypeError(`fault ${key} must be an integer ≥ ${min}`);
    out[key] = v;
  }
  for (const key of Object.keys(f)) {
    if (!['kind', 'count', 'delayMs', 'errcode'].includes(key)) throw new TypeError(`unknown fault option ${key}`);
  }
  return out;
}

/** Starts a fake on 127.0.0.1 (`port` 0 = ephemeral). */
export async function startFakeServer(spec: FakeSpec, port = 0): Promise<FakeBase> {
  let requests: RecordedRequest[] = [];
  let active: ActiveFault | null = null;
  const sockets = new Set<Socket>();
  const held = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | null = null;

  const setFault = (f: Fault | null): void => {
    if (f === null) {
      active = null;
      return;
    }
    const fault = checkFault(f, spec.faults);
    // duplicate: count is the number of extra copies, and the fault lasts until cleared.
    const remaining = fault.kind === 'duplicate' ? Infinity : (fault.count ?? Infinity);
    active = { fault, remaining };
  };

  const takeFault = (cls: RouteClass): Fault | null => {
    if (!active || cls === 'none' || active.fault.kind === 'duplicate') return null;
    const k = active.fault.kind;
    if (cls === 'auth' && k !== '500' && k !== 'down') return null;
    const f = active.fault;
    active.remaining -= 1;
    if (active.remaining <= 0) active = null;
    return f;
  };

  const reset = (): void => {
    requests = [];
    active = null;
    spec.reset();
  };

  const send = (res: ServerResponse, r: FakeReply): void => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(r.status, r.headers ?? {});
    res.end(r.body);
  };

  const control = async (name: string, req: FakeRequest): Promise<FakeReply> => {
    if (req.method === 'GET' && name === 'state') {
      const fault = active ? { ...active.fault, remaining: Number.isFinite(active.remaining) ? active.remaining : null } : null;
      return json(200, { requests: requests.length, fault, ...spec.state() });
    }
    if (req.method === 'GET' && name === 'requests') return json(200, requests);
    if (req.method !== 'POST') return json(405, { error: 'control routes other than state and requests are POST' });
    if (name === 'reset') return reset(), json(200, { ok: true });
    let body: unknown = {};
    if (req.body.trim() !== '') {
      try {
        body = parseJson(req.body);
      } catch (e) {
        return json(400, { error: `invalid JSON: ${(e as Error).message}` });
      }
    }
    if (name === 'fault') {
      try {
        setFault(isObject(body) && body.kind === null ? null : (body as Fault));
      } catch (e) {
        return json(400, { error: (e as Error).message });
      }
      return json(200, { ok: true, fault: active ? (active as ActiveFault).fault : null });
    }
    const route = spec.control?.[name];
    if (!route) return json(404, { error: `no control route /_fake/${name}` });
    return route(req);
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const method = req.method ?? 'GET';
    const fr: FakeRequest = { method, url, headers, body, fault: null };

    if (url.pathname.startsWith('/_fake/')) {
      send(res, await control(url.pathname.slice('/_fake/'.length), fr));
      return;
    }
    requests.push({ method, path: req.url ?? '/', headers, body, at: new Date().toISOString() });

    const fault = takeFault(spec.classify(method, url));
    if (fault?.kind === 'down') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === '500') {
      send(res, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1><p>fake fault</p></body></html>' });
      return;
    }
    if (fault && fault.kind !== 'timeout') fr.fault = fault;
    const reply = await spec.handle(fr);
    if (fault?.kind === 'timeout') {
      // The work is done; the reply is held so that the client times out.
      const t = setTimeout(() => {
        held.delete(t);
        send(res, reply);
      }, fault.delayMs ?? DEFAULT_DELAY_MS);
      held.add(t);
      return;
    }
    send(res, reply);
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => send(res, json(500, { error: `fake failed: ${(e as Error).message}` })));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    get requests() {
      return requests;
    },
    fault: setFault,
    reset,
    duplicateExtra: () => (active?.fault.kind === 'duplicate' ? (active.fault.count ?? 2) : 0),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const t of held) clearTimeout(t);
        held.clear();
        server.close(() => resolve());
        // Held replies and keep-alive connections would keep close() waiting: end them now.
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}

/** Adds a fake's own members to its base server, keeping getters live (unlike `Object.assign`). */
export function extend<B extends object, E extends object>(base: B, extra: E): B & E {
  return Object.defineProperties(base, Object.getOwnPropertyDescriptors(extra)) as B & E;
}
