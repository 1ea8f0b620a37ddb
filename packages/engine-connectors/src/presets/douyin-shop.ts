import type { ConnectorDefinition } from '../types.js';

/** The protocol page's signed vector (its `data` holds a p_id beyond 2^53). */
const VECTOR_BODY = [{ tag: '101', msg_id: '7001', data: '{"p_id":4837328765348566675,"pay_amount":1990,"order_status":2}' }];

/**
 * Douyin Shop message push (inbound only, docs/connector-protocols.md): the body is an array of
 * `{tag, msg_id, data}` with `data` a JSON string, parsed losslessly; order events fire the
 * webhook rule `douyin_order`.
 */
export function douyinShop(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '抖店消息推送', en: 'Douyin Shop push' },
    description: {
      'zh-CN': '接收抖店订单消息（创建、支付、发货、完成、取消），触发钩子为 douyin_order 的 Webhook 规则',
      en: 'Receives Douyin Shop order messages (created, paid, shipped, completed, cancelled) and fires the webhook rule with hook douyin_order',
    },
    preset: 'douyin-shop',
    inbound: {
      verify: { scheme: 'douyin', appKey: 'demo_app_key' },
      messages: '[body.($merge([$, {"data": $parseJson(data)}]))]',
      messageId: 'msg_id',
      handlers: [{ action: 'rule', hook: 'douyin_order', when: '$string(message.tag) in ["100", "101", "102", "103", "106"]' }],
      reply: { status: 200, contentType: 'application/json', body: '{"code":0,"msg":"success"}' },
      sample: VECTOR_BODY,
    },
  };
}
