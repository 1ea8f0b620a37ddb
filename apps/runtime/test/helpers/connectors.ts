import { connectorFromPreset, type ConnectorDefinition } from '@kiln/engine-connectors';
import type { DbKind } from '../../src/db/connection.js';
import { describeBackends, type Harness } from './harness.js';

/** The passphrase the connector tests encrypt secrets with (no key file is written). */
export const TEST_SECRET_KEY = 'kiln connector tests passphrase';

/**
 * describeBackends with the manual test clock started at the real time (the fakes check
 * signatures' timestamps against it) and a KILN_SECRET_KEY; `only` limits the block to one
 * backend (e.g. the multi-worker test needs real PostgreSQL connections).
 */
export function describeConnectors(name: string, fn: (h: () => Harness, kind: DbKind) => void, opts: { only?: DbKind } = {}): void {
  describeBackends(name, fn, { testClock: true, realTime: true, env: { KILN_SECRET_KEY: TEST_SECRET_KEY }, only: opts.only });
}

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const f = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ id: key, key, type, label: t(key, key), ...extra });
const opts = (...v: string[]) => v.map((x) => ({ value: x, label: t(x, x) }));

/** The test app's forms: orders (pushed to ERPs, written back) and a log the hook rules write. */
export const FORMS = [
  {
    formatVersion: 1, key: 'orders', title: t('订单', 'Orders'),
    fields: [
      f('bill_no', 'text', { unique: true }), f('customer', 'text'), f('amount', 'money'),
      f('target', 'select', { options: opts('none', 'kingdee', 'yonyou', 'rest', 'wecom') }),
      f('status', 'select', { options: opts('new', 'synced', 'paid', 'shipped', 'delivered') }),
      f('erp_bill_no', 'text'), f('erp_id', 'text'), f('platform_order', 'text', { unique: true }), f('tracking', 'text'), f('note', 'textarea'),
    ],
  },
  { formatVersion: 1, key: 'log', title: t('日志', 'Log'), fields: [f('note', 'textarea'), f('source', 'text')] },
];

export const trigger = (key: string, trig: object, actions: object[], extra: object = {}) => ({ formatVersion: 1, key, type: 'trigger', title: t(key, key), trigger: trig, actions, ...extra });
const erpPayload = "({ billNo: record.bill_no, date: '2026-01-05', customer: record.customer, saleOrg: '100', transactionType: 'SO01', lines: [{ material: 'MAT0001', qty: 1, taxPrice: record.amount, taxRate: 13 }] })";

/** Rules: a created order with a `target` enqueues that connector's call; webhook rules record what connectors report. */
export const RULES = [
  trigger('to_kingdee', { event: 'record.created', form: 'orders' }, [{ id: 'push', type: 'connector', connector: 'kingdee', operation: 'push_order', payload: erpPayload }], { condition: "record.target === 'kingdee'" }),
  trigger('to_yonyou', { event: 'record.created', form: 'orders' }, [{ id: 'push', type: 'connector', connector: 'yonyou', operation: 'push_order', payload: erpPayload }], { condition: "record.target === 'yonyou'" }),
  trigger('to_rest', { event: 'record.created', form: 'orders' }, [{ id: 'push', type: 'connector', connector: 'rest', operation: 'create', payload: '({ billNo: record.bill_no, customer: record.customer, total: record.amount })' }], { condition: "record.target === 'rest'" }),
  trigger('to_wecom', { event: 'record.created', form: 'orders' }, [{ id: 'say', type: 'connector', connector: 'wecom', operation: 'send_text', payload: '({ content: record.note })' }], { condition: "record.target === 'wecom'" }),
  trigger('erp_done', { event: 'webhook', hook: 'erp_done' }, [{ id: 'log', type: 'create', form: 'log', values: { note: "'pushed ' + event.payload.result.billNo", source: "'kingdee'" } }]),
  trigger('douyin_order', { event: 'webhook', hook: 'douyin_order' }, [{
    id: 'up', type: 'upsert', form: 'orders', match: { platform_order: 'event.payload.data.p_id' },
    values: { amount: 'event.payload.data.pay_amount', customer: "'douyin'", target: "'none'", status: "event.payload.tag === '101' ? 'paid' : 'new'" },
  }]),
  trigger('channels_order', { event: 'webhook', hook: 'channels_order' }, [{
    id: 'up', type: 'upsert', form: 'orders', match: { platform_order: 'event.payload.result.order_id' },
    values: { amount: 'event.payload.result.order_detail.price_info.order_price', customer: 'event.payload.result.openid', target: "'none'", status: "'paid'" },
  }]),
  trigger('legacy', { event: 'webhook', hook: 'legacy', secret: 'legacy-token' }, [{ id: 'log', type: 'create', form: 'log', values: { note: 'event.payload.text', source: "'legacy'" } }]),
];

/** The connectors of the test app: every preset, tuned for tests, plus a generic signed inbound hook. */
export function connectors(): ConnectorDefinition[] {
  const kingdee = connectorFromPreset('kingdee-k3cloud', 'kingdee');
  kingdee.timeoutMs = 1500;
  kingdee.retry = { maxAttempts: 3, initialDelay: 'PT30S', maxDelay: 'PT10M' };
  kingdee.operations!.push_order = { ...kingdee.operations!.push_order!, writeBack: '{"status": "synced", "erp_bill_no": result.billNo, "erp_id": $string(result.id)}', rule: 'erp_done' };
  const yonyou = connectorFromPreset('yonyou-yonbip', 'yonyou');
  yonyou.operations!.push_order = { ...yonyou.operations!.push_order!, writeBack: '{"status": "synced", "erp_bill_no": result.billNo, "erp_id": $string(result.id)}' };
  const rest = connectorFromPreset('rest', 'rest');
  rest.operations!.create = { ...rest.operations!.create!, writeBack: '{"erp_id": result.id}' };
  const wecom = connectorFromPreset('wecom-robot', 'wecom');
  const douyin = connectorFromPreset('douyin-shop', 'douyin');
  const channels = connectorFromPreset('wechat-channels', 'channels');
  channels.operations!.get_order = { ...channels.operations!.get_order!, rule: 'channels_order' };
  const shipments: ConnectorDefinition = {
    formatVersion: 1, key: 'shipments', name: t('发货回调', 'Shipments'),
    inbound: {
      verify: { scheme: 'hmac-sha256', header: 'X-Kiln-Signature', timestampHeader: 'X-Kiln-Timestamp' },
      messageId: 'billNo & ":" & event',
      handlers: [{ action: 'update', form: 'orders', match: ['bill_no'], values: '{"bill_no": message.billNo, "status": message.event, "tracking": message.logistics.trackingNo}' }],
    },
  };
  return [kingdee, yonyou, rest, wecom, douyin, channels, shipments];
}

/** Creates the test app through the API (forms, rules, connector drafts) and publishes it. */
export async function setupConnectorApp(h: Harness, app = 'shop', defs: ConnectorDefinition[] = connectors(), extraRules: object[] = []): Promise<void> {
  const ok = async (o: Parameters<Harness['req']>[0]) => {
    const r = await h.req(o);
    if (r.status >= 300) throw new Error(`${o.method} ${o.url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  await ok({ method: 'POST', url: '/api/apps', payload: { key: app, name: t(app, app) } });
  for (const x of FORMS) await ok({ method: 'PUT', url: `/api/apps/${app}/forms/${x.key}`, payload: x });
  for (const r of [...RULES, ...extraRules] as Array<{ key: string }>) await ok({ method: 'PUT', url: `/api/apps/${app}/rules/${r.key}`, payload: r });
  for (const c of defs) await ok({ method: 'PUT', url: `/api/apps/${app}/connectors/${c.key}`, payload: c as never });
  await ok({ method: 'POST', url: `/api/apps/${app}/publish` });
}

/** Saves a connector's settings (base URL and secrets) through the API. */
export async function configure(h: Harness, app: string, connector: string, body: { baseUrl?: string | null; secrets?: Record<string, string | null> }): Promise<any> {
  const r = await h.req({ method: 'PUT', url: `/api/apps/${app}/connectors/${connector}/settings`, payload: body });
  if (r.status !== 200) throw new Error(`settings ${connector}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Sends every delivery due now (and waits for the ones a commit already woke). */
export async function drain(h: Harness): Promise<void> {
  await h.app.deliveries.runDue();
}

/** Moves the test clock (also runs due jobs and deliveries). */
export async function advance(h: Harness, duration: string): Promise<string> {
  const r = await h.req({ method: 'POST', url: '/api/_test/clock', payload: { advance: duration } });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.now;
}

/** Creates an order record through the API. */
export async function createOrder(h: Harness, app: string, values: Record<string, unknown>): Promise<any> {
  const r = await h.req({ method: 'POST', url: `/api/apps/${app}/forms/orders/records`, payload: values });
  if (r.status !== 201) throw new Error(`order: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Reads a record. */
export async function record(h: Harness, app: string, form: string, id: number): Promise<any> {
  return (await h.req({ method: 'GET', url: `/api/apps/${app}/forms/${form}/records/${id}` })).body;
}

/** Lists records of a form (optionally filtered). */
export async function records(h: Harness, app: string, form: string, filter?: object): Promise<any[]> {
  const r = await h.req({ method: 'GET', url: `/api/apps/${app}/forms/${form}/records?limit=200${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}` });
  return r.body.items;
}

/** The deliveries page of a connector. */
export async function deliveries(h: Harness, app: string, connector: string, query = ''): Promise<any> {
  const r = await h.req({ method: 'GET', url: `/api/apps/${app}/connectors/${connector}/deliveries${query ? `?${query}` : ''}` });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body;
}

/** One delivery with its attempts. */
export async function delivery(h: Harness, app: string, connector: string, id: number): Promise<any> {
  const r = await h.req({ method: 'GET', url: `/api/apps/${app}/connectors/${connector}/deliveries/${id}` });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body;
}

/** The newest delivery of a connector whose record is `recordId`. */
export async function deliveryOf(h: Harness, app: string, connector: string, recordId: number): Promise<any> {
  const page = await deliveries(h, app, connector, 'limit=200');
  const item = page.items.find((d: any) => d.record?.id === recordId);
  if (!item) throw new Error(`no delivery of ${connector} for record ${recordId}`);
  return delivery(h, app, connector, item.id);
}
