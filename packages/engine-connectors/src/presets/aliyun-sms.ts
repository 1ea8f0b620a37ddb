import type { ConnectorDefinition, StepDefinition } from '../types.js';

/** Refusals that come back the same however often the message is re-sent (wrong number, template, signature, key). */
const NEVER_HEAL = [
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.INVALID_JSON_PARAM',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'InvalidAccessKeyId.NotFound',
  'SignatureDoesNotMatch',
];

/** Gateway 4xx answers a later attempt can get past: a fresh nonce and timestamp are signed each time, throttling passes. */
const TRANSIENT_4XX = ['SignatureNonceUsed', 'InvalidTimeStamp.Expired', 'Throttling', 'Throttling.User'];

/**
 * One `SendSms` call (RPC style: every parameter in the query, signed by the `aliyun` auth).
 * Business refusals are HTTP 200 with `Code` ≠ "OK"; gateway refusals (signature, key, missing
 * parameters) are 4xx with the same `{Code, Message, RequestId}` shape. `isv.BUSINESS_LIMIT_CONTROL`
 * (per-number flow control) and other isv codes not listed in NEVER_HEAL are retried.
 */
const sendSms = (phone: string, templateCode: string, templateParam: string): StepDefinition => ({
  id: 'send',
  method: 'POST',
  path: '/',
  query: {
    Action: "'SendSms'",
    Version: "'2017-05-25'",
    PhoneNumbers: phone,
    // The approved signature and template of your Alibaba Cloud account: edit these.
    SignName: "'Kiln'",
    TemplateCode: templateCode,
    TemplateParam: templateParam,
    // The delivery's idempotency key, echoed in Alibaba Cloud's delivery receipts.
    OutId: 'key',
  },
  success: 'response.body.Code = "OK"',
  error: '$exists(response.body.Code) ? response.body.Message & " (" & response.body.Code & ")"',
  permanent: `response.body.Code in ${JSON.stringify(NEVER_HEAL)} or (response.status >= 400 and response.status < 500 and $not(response.status in [408, 429]) and $not(response.body.Code in ${JSON.stringify(TRANSIENT_4XX)}))`,
});

const OK = { send: { status: 200, body: { Message: 'OK', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990', Code: 'OK', BizId: '900619746936498440^0' } } };

/**
 * Alibaba Cloud SMS (Dysmsapi `SendSms`, API 2017-05-25, docs/connector-protocols.md). The
 * runtime queues the portal's sign-in codes as `send_code` with input `{phone, code, app}` to the
 * app's connector with key `sms`. Points at the local fake; the real endpoint is
 * `https://dysmsapi.aliyuncs.com`.
 */
export function aliyunSms(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '阿里云短信', en: 'Alibaba Cloud SMS' },
    description: {
      'zh-CN': '通过阿里云短信服务（Dysmsapi SendSms）发送验证码与通知；基础地址指向本地模拟服务，正式环境请改为 https://dysmsapi.aliyuncs.com，并把签名名称与模板代码改成已审核通过的',
      en: 'Sends verification codes and notices through Alibaba Cloud SMS (Dysmsapi SendSms); the base URL points at the local fake: use https://dysmsapi.aliyuncs.com in production, with your approved signature name and template codes',
    },
    preset: 'aliyun-sms',
    baseUrl: 'http://127.0.0.1:4107',
    auth: { type: 'aliyun', accessKeyId: 'LTAI-demo' },
    // Well under the account's API quota; each number is also limited by Alibaba Cloud (1/min for codes).
    rateLimit: { perMinute: 600 },
    // A sign-in code is valid 5 minutes: retrying for longer sends a useless message.
    retry: { maxAttempts: 4, initialDelay: 'PT15S', maxDelay: 'PT1M' },
    operations: {
      send_code: {
        name: { 'zh-CN': '发送验证码', en: 'Send a verification code' },
        description: {
          'zh-CN': '输入 {phone, code, app?}（推广员门户登录验证码）；模板变量 code；结果 {bizId, requestId}',
          en: 'Input {phone, code, app?} (the promoter portal sign-in code); template variable code; result {bizId, requestId}',
        },
        steps: [sendSms('input.phone', "'SMS_000001'", '$string({"code": $string(input.code)})')],
        result: '{"bizId": steps.send.body.BizId, "requestId": steps.send.body.RequestId}',
        sample: { input: { phone: '13800000000', code: '123456', app: 'livestream' }, responses: OK },
      },
      send: {
        name: { 'zh-CN': '发送短信通知', en: 'Send a notice' },
        description: {
          'zh-CN': '输入 {phone, templateCode, params}：params 为模板变量对象（或其 JSON 文本）；结果 {bizId, requestId}',
          en: 'Input {phone, templateCode, params}: params is the template variables object (or its JSON text); result {bizId, requestId}',
        },
        steps: [sendSms('input.phone', 'input.templateCode', '$type(input.params) = "string" ? input.params : $exists(input.params) ? $string(input.params)')],
        result: '{"bizId": steps.send.body.BizId, "requestId": steps.send.body.RequestId}',
        sample: { input: { phone: '13800000000', templateCode: 'SMS_000002', params: { billNo: 'LV-000001', company: '顺丰速运' } }, responses: OK },
      },
    },
  };
}
