import { describe, expect, it } from 'vitest';
import { ConnectorError, compileConnector, connectorFromPreset, extractMessages, parseJsonLossless, planInbound, type ConnectorDefinition, type InboundHandler, type InboundRequest } from '../src/index.js';

const now = new Date('2024-05-01T02:00:00.000Z');
/** The protocol page's Douyin vector, as raw text: the runtime parses request bodies losslessly. */
const DOUYIN_RAW = '[{"tag":"101","msg_id":"7001","data":"{\\"p_id\\":4837328765348566675,\\"pay_amount\\":1990,\\"order_status\\":2}"}]';
const req = (body: unknown, extra: Partial<InboundRequest> = {}): InboundRequest => ({ body, headers: {}, query: {}, ...extra });

describe('Douyin Shop', () => {
  const douyin = compileConnector(connectorFromPreset('douyin-shop', 'douyin'));

  it('extracts the vector message with data parsed losslessly', async () => {
    const body = parseJsonLossless(DOUYIN_RAW);
    const msgs = await extractMessages(douyin, req(body), now);
    expect(msgs).toEqual([{ id: '7001', message: { tag: '101', msg_id: '7001', data: { p_id: '4837328765348566675', pay_amount: 1990, order_status: 2 } } }]);
  });

  it('lists every message of a batch (even one alone) and fires douyin_order only for order tags', async () => {
    const body = [
      { tag: '100', msg_id: '1', data: '{"p_id":1}' },
      { tag: '200', msg_id: '2', data: '{"p_id":1}' },
      { tag: 106, msg_id: 3, data: '{"p_id":1}' },
    ];
    const msgs = await extractMessages(douyin, req(body), now);
    expect(msgs.map((m) => m.id)).toEqual(['1', '2', '3']);
    const plans = await Promise.all(msgs.map((m) => planInbound(douyin, m.message, req(body), now)));
    expect(plans.map((p) => p.length)).toEqual([1, 0, 1]);
    expect(plans[0][0]).toEqual({ action: 'rule', hook: 'douyin_order', payload: msgs[0].message });
    const one = await extractMessages(douyin, req([body[0]]), now);
    expect(one).toHaveLength(1);
  });

  it('fails with the messageId pointer when a message has no id', async () => {
    await expect(extractMessages(douyin, req([{ tag: '101', data: '{}' }]), now)).rejects.toMatchObject({ code: 'CONNECTOR_MAPPING_FAILED', path: '/inbound/messageId' });
  });

  it('fails the messages mapping on broken data JSON', async () => {
    const e = await extractMessages(douyin, req([{ tag: '101', msg_id: '1', data: '{oops' }]), now).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ code: 'CONNECTOR_MAPPING_FAILED', path: '/inbound/messages' });
  });
});

describe('WeChat Channels', () => {
  const channels = compileConnector(connectorFromPreset('wechat-channels', 'channels'));
  const raw = '{"ToUserName":"gh_1","FromUserName":"o1","CreateTime":1714528860,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":1714528860}}';

  it('keys messages by Event:order_id with the big id exact', async () => {
    const body = parseJsonLossless(raw);
    const msgs = await extractMessages(channels, req(body, { query: { signature: 's', timestamp: '1', nonce: 'n' } }), now);
    expect(msgs).toEqual([{ id: 'channels_ec_order_pay:3705115058471208928', message: body }]);
  });

  it('plans a get_order call for order events only', async () => {
    const body = parseJsonLossless(raw);
    expect(await planInbound(channels, body, req(body), now)).toEqual([{ action: 'call', operation: 'get_order', input: { orderId: '3705115058471208928', event: 'channels_ec_order_pay' } }]);
    const other = { ...(body as object), Event: 'product_spu_audit' };
    expect(await planInbound(channels, other, req(other), now)).toEqual([]);
  });
});

describe('generic inbound', () => {
  const def = (handlers: InboundHandler[], extra: Partial<ConnectorDefinition['inbound']> = {}): ConnectorDefinition => ({
    formatVersion: 1,
    key: 'hooks',
    name: 'Hooks',
    operations: { notify: { steps: [{ id: 'n', method: 'POST', path: 'n' }] } },
    inbound: { verify: { scheme: 'none' }, messageId: 'id', handlers, ...extra },
  });
  const ship = { id: 9, event: 'shipped', billNo: 'LV-1', logistics: { company: 'SF', trackingNo: 'SF123' } };

  it('takes the body as one message by default, even an array', async () => {
    const c = compileConnector(def([]));
    expect(await extractMessages(c, req(ship), now)).toEqual([{ id: '9', message: ship }]);
    const arr = compileConnector(def([], { messageId: '$string($count($))' }));
    expect(await extractMessages(arr, req([1, 2, 3]), now)).toEqual([{ id: '3', message: [1, 2, 3] }]);
  });

  it('plans upsert, update, rule and call in order, skipping handlers whose when is false', async () => {
    const c = compileConnector(def([
      { action: 'upsert', form: 'orders', match: ['bill_no'], values: '{"bill_no": message.billNo, "status": message.event, "tracking": message.logistics.trackingNo}' },
      { action: 'update', form: 'shipments', match: ['bill_no', 'company'], values: '{"bill_no": message.billNo, "company": message.logistics.company, "at": $now()}', when: 'message.event = "shipped"' },
      { action: 'update', form: 'deliveries', match: ['bill_no'], values: '{"bill_no": message.billNo}', when: 'message.event = "delivered"' },
      { action: 'rule', hook: 'order_shipped', payload: '{"billNo": message.billNo, "sig": headers."x-sig", "q": query.a}' },
      { action: 'rule', hook: 'raw' },
      { action: 'call', operation: 'notify', input: '{"text": "已发货 " & message.billNo}' },
    ]));
    const r = req(ship, { headers: { 'x-sig': 'abc' }, query: { a: '1' } });
    expect(await planInbound(c, ship, r, now)).toEqual([
      { action: 'upsert', form: 'orders', match: { bill_no: 'LV-1' }, values: { bill_no: 'LV-1', status: 'shipped', tracking: 'SF123' } },
      { action: 'update', form: 'shipments', match: { bill_no: 'LV-1', company: 'SF' }, values: { bill_no: 'LV-1', company: 'SF', at: '2024-05-01T02:00:00.000Z' } },
      { action: 'rule', hook: 'order_shipped', payload: { billNo: 'LV-1', sig: 'abc', q: '1' } },
      { action: 'rule', hook: 'raw', payload: ship },
      { action: 'call', operation: 'notify', input: { text: '已发货 LV-1' } },
    ]);
  });

  it('fails when values miss a match key or are not an object', async () => {
    const missing = compileConnector(def([{ action: 'upsert', form: 'orders', match: ['bill_no'], values: '{"status": message.event, "bill_no": message.nope}' }]));
    await expect(planInbound(missing, ship, req(ship), now)).rejects.toMatchObject({ code: 'CONNECTOR_MAPPING_FAILED', path: '/inbound/handlers/0/values', message: expect.stringContaining('bill_no') });
    const notObj = compileConnector(def([{ action: 'update', form: 'orders', match: ['bill_no'], values: 'message.billNo' }]));
    await expect(planInbound(notObj, ship, req(ship), now)).rejects.toMatchObject({ code: 'CONNECTOR_MAPPING_FAILED', path: '/inbound/handlers/0/values' });
    const throwing = compileConnector(def([{ action: 'rule', hook: 'h', when: '$error("nope")' }]));
    await expect(planInbound(throwing, ship, req(ship), now)).rejects.toMatchObject({ path: '/inbound/handlers/0/when' });
  });

  it('refuses inbound calls on a connector without inbound', async () => {
    const c = compileConnector(connectorFromPreset('rest', 'r'));
    await expect(extractMessages(c, req({}), now)).rejects.toMatchObject({ code: 'CONNECTOR_DEFINITION_INVALID' });
  });
});
