import type { ConnectorDefinition } from '../types.js';

const SAVE_BODY = `{"data": {
  "resubmitCheckKey": key,
  "_status": "Insert",
  "vouchdate": input.date,
  "agentId": input.customer,
  "salesOrgId": input.saleOrg,
  "settlementOrgId": input.saleOrg,
  "transactionTypeId": input.transactionType,
  "payMoney": $yuan($sum(input.lines.$round(qty * taxPrice))),
  "orderDetails": [input.lines.{
    "productId": material,
    "qty": qty,
    "oriTaxUnitPrice": $yuan(taxPrice),
    "oriSum": $yuan($round(qty * taxPrice)),
    "taxRate": taxRate ?? 13
  }]
}}`;

/**
 * Yonyou YonBIP sales orders (docs/connector-protocols.md): one `singleSave`, idempotent by
 * `resubmitCheckKey` = "KLN" + the bill number (≤ 32 characters).
 */
export function yonyouYonbip(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '用友 YonBIP', en: 'Yonyou YonBIP' },
    description: { 'zh-CN': '推送销售订单（与金蝶预置相同的输入）', en: 'Pushes sales orders (same input as the Kingdee preset)' },
    preset: 'yonyou-yonbip',
    baseUrl: 'http://127.0.0.1:4102',
    auth: { type: 'yonyou', appKey: '41832a3d2df94989b500da6a22268747' },
    rateLimit: { perMinute: 60 },
    operations: {
      push_order: {
        name: { 'zh-CN': '推送销售订单', en: 'Push a sales order' },
        description: {
          'zh-CN': '输入 {billNo, date, customer, saleOrg?, saler?, lines: [{material, qty, taxPrice(分，含税), taxRate?}]}（可选 transactionType）；resubmitCheckKey 防重',
          en: 'Input {billNo, date, customer, saleOrg?, saler?, lines: [{material, qty, taxPrice (fen, tax-inclusive), taxRate?}]} (optional transactionType); resubmitCheckKey prevents duplicates',
        },
        key: '"KLN" & $substring(input.billNo, 0, 29)',
        steps: [
          {
            id: 'save',
            method: 'POST',
            path: 'yonbip/sd/voucherorder/singleSave',
            body: SAVE_BODY,
            success: 'response.body.code = "200" and (response.body.data.failCount ?? 0) <= 0',
            error: '$exists(response.body.data.messages) ? response.body.data.messages : response.body.message',
            expired: 'response.body.code = "310036"',
            permanent: 'response.body.code = "999"',
          },
        ],
        result: '{"billNo": steps.save.body.data.code, "id": steps.save.body.data.id}',
        sample: {
          input: { billNo: 'LV-000001', date: '2024-05-01', customer: 'CUST0001', saleOrg: '100', lines: [{ material: 'MAT0001', qty: 2, taxPrice: 50000, taxRate: 13 }] },
          responses: { save: { status: 200, body: { code: '200', message: '操作成功', data: { id: '2205371231', code: 'SO20240501000001', resubmitCheckKey: 'KLNLV-000001' } } } },
        },
      },
    },
  };
}
