/**
 * The Kingdee K3 Cloud WebAPI fake (`/k3cloud/`): ValidateUser / LoginByAppSecret logins with
 * a cookie session, SAL_SaleOrder Save / Submit / Audit / ExecuteBillQuery, and shipment events
 * posted to a callback signed with HMAC-SHA256 (see docs/connector-protocols.md).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { KingdeeFake, KingdeeOptions } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, parseJson } from './json.js';
import { KingdeeOrders, k3Result, k3SessionLost } from './kingdee-orders.js';
import { executeBillQuery, queryError } from './kingdee-query.js';
import { sendTo } from './outbound.js';

const PREFIX = '/k3cloud/kingdee.bos.webapi.servicesstub.';
const DEFAULT_USERS = [{ acctId: 'kiln-demo', username: 'demo', password: 'demo-pass' }];
const DEFAULT_APPS = [{ acctId: 'kiln-demo', username: 'demo', appId: 'kiln_app', appSecret: 'kiln_app_secret' }];

interface Session {
  acctId: string;
  username: string;
  lastUsed: number;
}

/** Starts the Kingdee fake. */
export async function startKingdee(opts: KingdeeOptions = {}): Promise<KingdeeFake> {
  const users = opts.users ?? DEFAULT_USERS;
  const apps = opts.apps ?? DEFAULT_APPS;
  const ttl = opts.sessionTtlMs ?? 20 * 60_000;
  let callback = opts.callback ?? null;
  const orders = new KingdeeOrders();
  const sessions = new Map<string, Session>();
  let shipments: Array<{ billNo: string; event: string; at: string; status: number }> = [];

  const liveSession = (req: FakeRequest): string | null => {
    const sid = cookie(req.headers.cookie ?? '', 'kdservice-sessionid');
    const s = sid ? sessions.get(sid) : undefined;
    if (!sid || !s) return null;
    if (Date.now() - s.lastUsed >= ttl) {
      sessions.delete(sid);
      return null;
    }
    s.lastUsed = Date.now();
    return sid;
  };

  const login = (acctId: string, username: string): FakeReply => {
    const sid = randomBytes(16).toString('hex');
    sessions.set(sid, { acctId, username, lastUsed: Date.now() });
    return json(
      200,
      { Message: null, MessageCode: 'CheckPasswordPolicy', LoginResultType: 1, KDSVCSessionId: sid, Context: { UserName: username, UserId: 100001, DBid: acctId } },
      { 'set-cookie': [`kdservice-sessionid=${sid}; path=/`, `ASP.NET_SessionId=${randomBytes(12).toString('hex')}; path=/`] },
    );
  };
  const loginFailed = (message: string): FakeReply =>
    json(200, { Message: message, MessageCode: null, LoginResultType: 0, KDSVCSessionId: null, Context: null });

  const handle = (req: FakeRequest): FakeReply => {
    const op = req.url.pathname.toLowerCase().slice(PREFIX.length).replace(/\.common\.kdsvc$/, '');
    if (req.method !== 'POST') return json(405, { error: 'K3 Cloud WebAPI calls are POST' });
    const body = parseBody(req.body);
    if (op === 'authservice.validateuser') {
      const [acctId, username, password] = args(body, ['acctid', 'username', 'password']);
      const ok = users.some((u) => u.acctId === acctId && u.username === username && u.password === password);
      return ok ? login(acctId as string, username as string) : loginFailed('用户名或密码错误');
    }
    if (op === 'authservice.loginbyappsecret') {
      const [acctId, username, appId, appSecret] = args(body, ['acctid', 'username', 'appid', 'appsecret']);
      const ok = apps.some((a) => a.acctId === acctId && a.username === username && a.appId === appId && a.appSecret === appSecret);
      return ok ? login(acctId as string, username as string) : loginFailed('用户名或密码错误（应用ID或应用密钥不匹配）');
    }
    const form = op.match(/^dynamicformservice\.(save|submit|audit|executebillquery)$/)?.[1];
    if (!form) return json(404, { error: `no such WebAPI service: ${req.url.pathname}` });
    const isQuery = form === 'executebillquery';
    const sid = liveSession(req);
    if (!sid) return json(200, isQuery ? [[k3SessionLost()]] : k3SessionLost());
    if (req.fault?.kind === 'expire') {
      sessions.delete(sid);
      return json(200, isQuery ? [[k3SessionLost()]] : k3SessionLost());
    }
    const refuse = (message: string): FakeReply => json(200, isQuery ? queryError(message) : k3Result([], [{ FieldName: null, Message: message, DIndex: 0 }]));
    if (body === undefined) return refuse('请求数据不是合法的 JSON');
    if (req.fault?.kind === 'reject') return refuse('模拟拒绝（fake reject）：单据校验不通过');
    const { formId, data } = formArgs(body, isQuery);
    if (!isObject(data)) return refuse('data 参数缺失或不是 JSON 对象');
    if (isQuery) return json(200, executeBillQuery(orders.all(), { ...data, FormId: data.FormId ?? formId }));
    if (formId !== 'SAL_SaleOrder') return refuse(`业务对象“${String(formId)}”不存在（本模拟只支持 SAL_SaleOrder）`);
    if (form === 'save') {
      if (!isObject(data.Model)) return refuse('Model 参数缺失');
      return json(200, orders.save(data.Model));
    }
    return json(200, orders.transition(data, form === 'submit' ? 'Submit' : 'Audit'));
  };

  const ship = async (billNo: string, event: 'shipped' | 'delivered' = 'shipped') => {
    const order = orders.byNumber(billNo);
    if (!order) throw new KingdeeFakeError('NOT_FOUND', `no sales order ${billNo}`);
    if (event !== 'shipped' && event !== 'delivered') throw new KingdeeFakeError('BAD_EVENT', `event must be shipped or delivered`);
    if (!callback) throw new KingdeeFakeError('NO_CALLBACK', 'no callback set (setCallback)');
    const at = new Date().toISOString();
    const body = JSON.stringify({ event, billNo, at, logistics: { company: 'SF', trackingNo: `SF${1_000_000_000 + order.id}` } });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', callback.secret).update(`${ts}.${body}`).digest('hex');
    const reply = await sendTo(callback.url, { headers: { 'content-type': 'application/json', 'x-kiln-timestamp': ts, 'x-kiln-signature': signature }, body });
    shipments.push({ billNo, event, at, status: reply.status });
    return reply;
  };

  const spec: FakeSpec = {
    faults: ['500', 'down', 'timeout', 'reject', 'expire'],
    classify: (_m, url) => {
      const p = url.pathname.toLowerCase();
      if (p.startsWith(`${PREFIX}authservice.`)) return 'auth';
      return p.startsWith(`${PREFIX}dynamicformservice.`) ? 'business' : 'none';
    },
    handle,
    control: {
      ship: async (req) => {
        const b = parseBody(req.body);
        if (!isObject(b) || typeof b.billNo !== 'string') return json(400, { error: 'body {billNo, event?}' });
        try {
          return json(200, await ship(b.billNo, (b.event as 'shipped' | 'delivered' | undefined) ?? 'shipped'));
        } catch (e) {
          const code = e instanceof KingdeeFakeError ? e.code : 'FAILED';
          return json(code === 'NOT_FOUND' ? 404 : code === 'BAD_EVENT' ? 400 : 409, { error: (e as Error).message, code });
        }
      },
      'expire-sessions': () => (sessions.clear(), json(200, { ok: true })),
    },
    state: () => ({ orders: orders.list(), sessions: sessions.size, shipments, callback: callback?.url ?? null }),
    reset: () => {
      orders.clear();
      sessions.clear();
      shipments = [];
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    apiBase: `${base.url}/k3cloud/`,
    get callback() {
      return callback;
    },
    orders: () => orders.list(),
    expireSessions: () => sessions.clear(),
    setCallback: (cb: { url: string; secret: string } | null) => {
      callback = cb;
    },
    ship,
  }) satisfies KingdeeFake;
}

/** Why `ship` refused (`NOT_FOUND`, `BAD_EVENT`, `NO_CALLBACK`). */
export class KingdeeFakeError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_EVENT' | 'NO_CALLBACK',
    message: string,
  ) {
    super(message);
    this.name = 'KingdeeFakeError';
  }
}

function parseBody(text: string): unknown {
  try {
    return text.trim() === '' ? {} : parseJson(text);
  } catch {
    return undefined;
  }
}

function cookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Login arguments from `{"parameters":[…]}` or an object with (case-insensitive) names. */
function args(body: unknown, names: string[]): unknown[] {
  if (!isObject(body)) return [];
  if (Array.isArray(body.parameters)) return body.parameters;
  const lower = Object.fromEntries(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
  return names.map((n) => lower[n]);
}

/** `formid` and `data` (an object or a JSON string) of a business call, or `{"parameters":[formid, data]}`. */
function formArgs(body: unknown, isQuery: boolean): { formId: unknown; data: unknown } {
  if (!isObject(body)) return { formId: undefined, data: undefined };
  let formId: unknown = body.formid ?? body.FormId ?? body.formId;
  let data: unknown = body.data;
  // A query may also come with its fields at the top level.
  if (isQuery && data === undefined && 'FieldKeys' in body) data = body;
  if (Array.isArray(body.parameters)) {
    [formId, data] = isQuery ? [undefined, body.parameters[0]] : [body.parameters[0], body.parameters[1]];
  }
  if (typeof data === 'string') {
    try {
      data = parseJson(data);
    } catch {
      data = undefined;
    }
  }
  return { formId, data };
}
