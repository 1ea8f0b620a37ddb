import type { ConnectorDefinition } from '../types.js';

const EVENTS = ['channels_ec_order_new', 'channels_ec_order_pay', 'channels_ec_order_deliver', 'channels_ec_order_confirm', 'channels_ec_order_cancel'];

const SAMPLE_ORDER = {
  order_id: '3705115058471208928',
  status: 20,
  openid: 'oDemoOpenId0001',
  create_time: 1714528800,
  update_time: 1714528860,
  order_detail: {
    product_infos: [{ product_id: '10000029995861', sku_id: '1751305', out_sku_id: 'MAT0001', sku_cnt: 1, sale_price: 1990, real_price: 1990, title: '直播专享礼盒' }],
    price_info: { product_price: 1990, order_price: 1990, freight: 0 },
    pay_info: { pay_time: 1714528860, transaction_id: '4200002024050112345678' },
    delivery_info: { address_info: { user_name: '张三', tel_number: '13800000000', province_name: '广东省', city_name: '广州市', county_name: '天河区', detail_info: '体育西路 1 号' } },
  },
};

/**
 * WeChat Channels store (视频号小店, docs/connector-protocols.md): order events come in (sha1
 * signature, reply `success`), each enqueues `get_order`, which fetches the order detail. Set the
 * operation's `rule` or `writeBack` to make a record of it.
 */
export function wechatChannels(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '视频号小店', en: 'WeChat Channels store' },
    description: {
      'zh-CN': '接收视频号小店订单事件并拉取订单详情（为 get_order 设置 rule 或 writeBack 以落库）',
      en: 'Receives WeChat Channels order events and fetches the order detail (set rule or writeBack on get_order to store it)',
    },
    preset: 'wechat-channels',
    baseUrl: 'http://127.0.0.1:4105',
    auth: { type: 'wechat', appId: 'wx_demo_appid' },
    operations: {
      get_order: {
        name: { 'zh-CN': '获取订单详情', en: 'Get order detail' },
        description: { 'zh-CN': '输入 {orderId, event?}；结果为订单（金额单位：分）', en: 'Input {orderId, event?}; the result is the order (amounts in fen)' },
        steps: [
          {
            id: 'get',
            method: 'POST',
            path: 'channels/ec/order/get',
            body: '{"order_id": $string(input.orderId)}',
            success: 'response.body.errcode = 0',
            error: '$exists(response.body.errcode) ? response.body.errmsg & " (" & response.body.errcode & ")"',
            expired: 'response.body.errcode in [40001, 42001]',
          },
        ],
        result: 'steps.get.body.order',
        sample: {
          input: { orderId: '3705115058471208928', event: 'channels_ec_order_pay' },
          responses: { get: { status: 200, body: { errcode: 0, errmsg: 'ok', order: SAMPLE_ORDER } } },
        },
      },
    },
    inbound: {
      verify: { scheme: 'wechat' },
      messageId: 'Event & ":" & order_info.order_id',
      handlers: [{ action: 'call', operation: 'get_order', when: `message.Event in ${JSON.stringify(EVENTS)}`, input: '{"orderId": message.order_info.order_id, "event": message.Event}' }],
      reply: { status: 200, contentType: 'text/plain', body: 'success' },
      sample: { ToUserName: 'gh_demo', FromUserName: 'oDemoOpenId0001', CreateTime: 1714528860, MsgType: 'event', Event: 'channels_ec_order_pay', order_info: { order_id: '3705115058471208928', pay_time: 1714528860 } },
    },
  };
}
