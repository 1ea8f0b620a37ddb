/**
 * The Yonyou YonBIP fake: the self-built-app token (`getAccessToken`, HmacSHA256 signature,
 * timestamp window, 7200 s tokens) and the sales order `singleSave` with `resubmitCheckKey`
 * idempotency, required-field checks and a per-app rate limit (see docs/connector-protocols.md).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { YonyouFake, YonyouOptions, YonyouOrder } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, parseJson } from './json.js';
import { MinuteWindow } from './outbound.js';

const TOKEN_PATH = '/open-auth/selfAppAuth/getAccessToken';
const SAVE_PATH = '/yonbip/sd/voucherorder/singleSave';
const TOKEN_TTL_MS = 7200 * 1000;

/** Base64(HmacSHA256(appSecret, "appKey"+appKey+"timestamp"+timestamp)) — before URL encoding. */
function expectedSignature(appKey: string, appSecret: string, timestamp: string): string {
  return createHmac('sha256', appSecret).update(`appKey${appKey}timestamp${timestamp}`).digest('base64');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Starts the Yonyou fake. */
export async function startYonyou(opts: YonyouOptions = {}): Promise<YonyouFake> {
  const appKey = opts.appKey ?? '41832a3d2df94989b500da6a22268747';
  const appSecret = opts.appSecret ?? 'demo_secret';
  const skewMs = opts.skewMs ?? 10 * 60_000;
  const limiter = new MinuteWindow(opts.perMinute ?? 60);
  const tokens = new Map<string, { appKey: string; expiresAt: number }>();
  let orders: YonyouOrder[] = [];
  let seq = 0;

  const token = (req: FakeRequest): FakeReply => {
    const q = req.url.searchParams;
    const key = q.get('appKey');
    const ts = q.get('timestamp');
    const sig = q.get('signature');
    // URLSearchParams has URL-decoded the query once: `sig` is the plain Base64 now.
    if (!key || !ts || !sig) return json(200, { code: '1090003500010', message: '签名错误：缺少 appKey、timestamp 或 signature 参数' });
    if (key !== appKey) return json(200, { code: '1090003500010', message: '签名错误：appKey 不存在' });
    if (!/^\d{13}$/.test(ts) || Math.abs(Date.now() - Number(ts)) > skewMs) {
      return json(200, { code: '1090003500011', message: `timestamp 无效或已过期（允许偏差 ${Math.round(skewMs / 1000)} 秒）` });
    }
    if (!same(sig, expectedSignature(key, appSecret, ts))) return json(200, { code: '1090003500010', message: '签名错误' });
    const accessToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, { appKey: key, expiresAt: Date.now() + TOKEN_TTL_MS });
    return json(200, { code: '00000', message: '成功！', data: { access_token: accessToken, expire: 7200 } });
  };

  const save = (req: FakeRequest): FakeReply => {
    if (req.method !== 'POST') return json(405, { code: '405', message: 'singleSave 只接受 POST' });
    const at = req.url.searchParams.get('access_token') ?? '';
    const t = tokens.get(at);
    if (!t || t.expiresAt <= Date.now()) return json(200, { code: '310036', message: '非法token' });
    if (req.fault?.kind === 'expire') {
      tokens.delete(at);
      return json(200, { code: '310036', message: '非法token' });
    }
    if (!limiter.take(t.appKey)) return json(429, { code: '429', message: '调用频率超限' });
    if (req.fault?.kind === 'reject') return json(200, { code: '999', message: '模拟拒绝（fake reject）：单据保存失败' });
    let body: unknown;
    try {
      body = parseJson(req.body);
    } catch {
      return json(200, { code: '999', message: '请求体不是合法的 JSON' });
    }
    const data = isObject(body) ? body.data : undefined;
    if (!isObject(data)) return json(200, { code: '999', message: '参数 data 不能为空' });
    const key = data.resubmitCheckKey;
    if (typeof key !== 'string' || key === '') return json(200, { code: '999', message: 'resubmitCheckKey 不能为空' });
    if (key.length > 32) return json(200, { code: '999', message: 'resubmitCheckKey 长度不能超过32位' });
    const first = orders.find((o) => o.resubmitCheckKey === key);
    if (first) return ok(first);
    const problem = checkOrder(data);
    if (problem) return json(200, { code: '999', message: problem });
    if (req.fault?.kind === 'partial') {
      return json(200, { code: '200', message: '操作成功', data: { sucessCount: 0, failCount: 1, messages: ['模拟部分失败（fake partial）：第1行 物料档案不存在'], infos: [] } });
    }
    seq += 1;
    const order: YonyouOrder = { id: String(2_000_000_000_000_000 + seq), code: `SO${String(seq).padStart(6, '0')}`, resubmitCheckKey: key, data: structuredClone(data) };
    orders.push(order);
    return ok(order);
  };
  const ok = (o: YonyouOrder): FakeReply => json(200, { code: '200', message: '操作成功', data: { id: o.id, code: o.code, resubmitCheckKey: o.resubmitCheckKey } });

  const spec: FakeSpec = {
    faults: ['500', 'down', 'timeout', 'reject', 'partial', 'expire'],
    classify: (_m, url) => (url.pathname === TOKEN_PATH ? 'auth' : url.pathname === SAVE_PATH ? 'business' : 'none'),
    handle: (req) => {
      if (req.url.pathname === TOKEN_PATH) return req.method === 'GET' ? token(req) : json(405, { code: '405', message: 'getAccessToken 只接受 GET' });
      if (req.url.pathname === SAVE_PATH) return save(req);
      return json(404, { code: '404', message: `接口不存在：${req.url.pathname}` });
    },
    control: { 'expire-tokens': () => (tokens.clear(), json(200, { ok: true })) },
    state: () => ({ orders: structuredClone(orders), tokens: tokens.size }),
    reset: () => {
      orders = [];
      seq = 0;
      tokens.clear();
      limiter.clear();
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    orders: () => structuredClone(orders),
    expireTokens: () => tokens.clear(),
  }) satisfies YonyouFake;
}

/** The required fields of a sales order; a message when one is missing. */
function checkOrder(data: Record<string, unknown>): string | null {
  if (typeof data.vouchdate !== 'string' || !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(data.vouchdate)) return '单据日期 vouchdate 不能为空（格式 yyyy-MM-dd）';
  if (typeof data.agentId !== 'string' && typeof data.agentId !== 'number') return '客户 agentId 不能为空';
  if (String(data.agentId).trim() === '') return '客户 agentId 不能为空';
  const details = data.orderDetails;
  if (!Array.isArray(details) || details.length === 0) return '订单明细 orderDetails 不能为空';
  for (const [i, d] of details.entries()) {
    if (!isObject(d)) return `订单明细第${i + 1}行格式错误`;
    if ((typeof d.productId !== 'string' && typeof d.productId !== 'number') || String(d.productId).trim() === '') return `订单明细第${i + 1}行：物料 productId 不能为空`;
    const qty = typeof d.qty === 'string' ? Number(d.qty) : d.qty;
    if (typeof qty !== 'number' || !Number.isFinite(qty) || qty <= 0) return `订单明细第${i + 1}行：数量 qty 必须大于0`;
  }
  return null;
}
