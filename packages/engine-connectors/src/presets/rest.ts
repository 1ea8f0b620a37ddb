import type { ConnectorDefinition } from '../types.js';

/** A generic REST API with a bearer token and an `Idempotency-Key` header (the REST fake's protocol). */
export function rest(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '通用 REST 接口', en: 'Generic REST API' },
    description: { 'zh-CN': '以 Bearer 令牌调用 REST 接口，带 Idempotency-Key 防重', en: 'Calls a REST API with a bearer token and an Idempotency-Key against duplicates' },
    preset: 'rest',
    baseUrl: 'http://127.0.0.1:4106',
    auth: { type: 'bearer' },
    operations: {
      create: {
        name: { 'zh-CN': '创建订单', en: 'Create an order' },
        description: { 'zh-CN': '把输入原样 POST 到 api/orders；结果为返回的对象', en: 'POSTs the input as is to api/orders; the result is the returned object' },
        steps: [{ id: 'create', method: 'POST', path: 'api/orders', headers: { 'Idempotency-Key': 'key' }, body: 'input', error: 'response.body.error' }],
        result: 'steps.create.body',
        sample: {
          input: { billNo: 'LV-000001', customer: 'CUST0001', total: 100000 },
          responses: { create: { status: 201, body: { id: 'ord_1', billNo: 'LV-000001', customer: 'CUST0001', total: 100000 } } },
        },
      },
    },
  };
}
