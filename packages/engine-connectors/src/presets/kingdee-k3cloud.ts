import type { ConnectorDefinition, StepDefinition } from '../types.js';

const SVC = 'Kingdee.BOS.WebApi.ServicesStub.DynamicFormService';
const RS = 'response.body.Result.ResponseStatus';

/** Save/Submit/Audit replies: `Result.ResponseStatus`; a lost session is `MsgCode = 1`. */
const bizStep = (id: string, service: string, when: string, body: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  id,
  when,
  method: 'POST',
  path: `${SVC}.${service}.common.kdsvc`,
  body,
  success: `${RS}.IsSuccess = true`,
  error: `${RS}.Errors.Message`,
  expired: `${RS}.MsgCode = 1`,
  ...extra,
});

/** ExecuteBillQuery by bill number: rows `[[FID, FBillNo, FDocumentStatus]]`; a lost session comes wrapped `[[{"Result":…}]]`. */
const queryStep = (billNo: string): StepDefinition => ({
  id: 'query',
  method: 'POST',
  path: `${SVC}.ExecuteBillQuery.common.kdsvc`,
  body: `{"data": {"FormId": "SAL_SaleOrder", "FieldKeys": "FID,FBillNo,FDocumentStatus", "FilterString": "FBillNo='" & $replace(${billNo}, "'", "''") & "'", "TopRowCount": 0, "Limit": 0}}`,
  success: '$type(response.body) = "array" and $not($exists(response.body[0][0].Result))',
  error: 'response.body[0][0].Result.ResponseStatus.Errors.Message',
  expired: 'response.body[0][0].Result.ResponseStatus.MsgCode = 1',
});

const SAVE_BODY = `{
  "formid": "SAL_SaleOrder",
  "data": {"Model": {
    "FBillNo": key,
    "FBillTypeID": {"FNUMBER": "XSDD01_SYS"},
    "FDate": input.date,
    "FSaleOrgId": {"FNumber": input.saleOrg ?? "100"},
    "FCustId": {"FNumber": input.customer},
    "FSalerId": $exists(input.saler) ? {"FNumber": input.saler},
    "FSaleOrderFinance": {"FSettleCurrId": {"FNumber": "PRE001"}, "FIsIncludedTax": true},
    "FSaleOrderEntry": [input.lines.(
      $rate := taxRate ?? 13;
      {
        "FMaterialId": {"FNumber": material},
        "FQty": qty,
        "FPrice": $netPrice($yuan(taxPrice), $rate),
        "FTaxPrice": $yuan(taxPrice),
        "FEntryTaxRate": $rate
      }
    )]
  }}
}`;

const NUMBERS_BODY = '{"formid": "SAL_SaleOrder", "data": {"Numbers": [key]}}';
const FOUND = '$exists(steps.query.body[0][0])';
const STATUS = 'steps.query.body[0][2]';

const okReply = (id: number, number: string) => ({
  status: 200,
  body: { Result: { ResponseStatus: { ErrorCode: 0, IsSuccess: true, Errors: [], SuccessEntitys: [{ Id: id, Number: number, DIndex: 0 }], SuccessMessages: [], MsgCode: 0 }, Id: id, Number: number, NeedReturnData: [] } },
});

/**
 * Kingdee K3 Cloud sales orders (docs/connector-protocols.md). `push_order` is idempotent by
 * the bill number: query → save (when not found) → submit (unless B/C) → audit (unless C).
 */
export function kingdeeK3cloud(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '金蝶云星空', en: 'Kingdee K3 Cloud' },
    description: { 'zh-CN': '推送销售订单（保存、提交、审核）并查询状态', en: 'Pushes sales orders (save, submit, audit) and reads their status' },
    preset: 'kingdee-k3cloud',
    baseUrl: 'http://127.0.0.1:4101/k3cloud/',
    auth: { type: 'kingdee', acctId: 'kiln-demo', username: 'demo', lcid: 2052 },
    timeoutMs: 15000,
    retry: { maxAttempts: 10 },
    operations: {
      push_order: {
        name: { 'zh-CN': '推送销售订单', en: 'Push a sales order' },
        description: {
          'zh-CN': '输入 {billNo, date, customer, saleOrg?, saler?, lines: [{material, qty, taxPrice(分，含税), taxRate?}]}；单据编号即幂等键，重试不会重复建单',
          en: 'Input {billNo, date, customer, saleOrg?, saler?, lines: [{material, qty, taxPrice (fen, tax-inclusive), taxRate?}]}; the bill number is the idempotency key, so retries never create a second order',
        },
        key: 'input.billNo',
        steps: [
          queryStep('key'),
          bizStep('save', 'Save', `$not(${FOUND})`, SAVE_BODY, {
            // Kingdee validation refusals (unknown customer, duplicate number…) do not heal by retrying.
            permanent: `${RS}.IsSuccess = false and ${RS}.MsgCode != 1`,
          }),
          bizStep('submit', 'Submit', `$not(${STATUS} in ["B", "C"])`, NUMBERS_BODY),
          bizStep('audit', 'Audit', `$not(${STATUS} = "C")`, NUMBERS_BODY),
        ],
        result: `{"billNo": key, "id": ${FOUND} ? steps.query.body[0][0] : steps.save.body.Result.ResponseStatus.SuccessEntitys[0].Id}`,
        sample: {
          input: { billNo: 'LV-000001', date: '2024-05-01', customer: 'CUST0001', saleOrg: '100', saler: 'SAL0001', lines: [{ material: 'MAT0001', qty: 2, taxPrice: 50000, taxRate: 13 }] },
          responses: { query: { status: 200, body: [] }, save: okReply(100001, 'LV-000001'), submit: okReply(100001, 'LV-000001'), audit: okReply(100001, 'LV-000001') },
        },
      },
      query_order: {
        name: { 'zh-CN': '查询销售订单状态', en: 'Read a sales order status' },
        description: { 'zh-CN': '输入 {billNo}；结果 {billNo, status}（A 创建 / B 审核中 / C 已审核，null 表示不存在）', en: 'Input {billNo}; result {billNo, status} (A created / B submitted / C audited, null when not found)' },
        steps: [queryStep('input.billNo')],
        result: `{"billNo": input.billNo, "status": ${FOUND} ? ${STATUS} : null}`,
        sample: { input: { billNo: 'LV-000001' }, responses: { query: { status: 200, body: [[100001, 'LV-000001', 'C']] } } },
      },
    },
  };
}
