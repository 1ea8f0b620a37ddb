import type { CallErrorCode, ConnectorProblemCode } from './types.js';

/** One entry of the error registry. */
export interface ConnectorErrorInfo {
  /** HTTP status the runtime answers when the error reaches the API on its own. */
  readonly status: number;
  /** Generic message; validation and execution give a concrete one. */
  readonly message: { readonly 'zh-CN': string; readonly en: string };
  /** What the connector author (or the operator) should do about it. */
  readonly fix: string;
}

/** A definition problem code or a call error code. */
export type ConnectorErrorCode = ConnectorProblemCode | CallErrorCode;

/** Every code engine-connectors reports. Codes are stable: clients branch on them, never rename one. */
export const CONNECTOR_ERROR_CODES = [
  'CONNECTOR_DEFINITION_INVALID', 'CONNECTOR_EXPRESSION_INVALID', 'CONNECTOR_AUTH_INVALID', 'CONNECTOR_OPERATION_UNKNOWN',
  'CONNECTOR_FORM_UNKNOWN', 'CONNECTOR_FIELD_UNKNOWN', 'CONNECTOR_HOOK_UNKNOWN',
  'CONNECTOR_TIMEOUT', 'CONNECTOR_UNREACHABLE', 'CONNECTOR_HTTP_ERROR', 'CONNECTOR_REJECTED', 'CONNECTOR_SESSION_EXPIRED',
  'CONNECTOR_MAPPING_FAILED',
] as const satisfies readonly ConnectorErrorCode[];

/**
 * Every code with its HTTP status, a generic bilingual message and a fix: 422 for a bad
 * definition or a mapping that fails on real data, 404 for an unknown operation or form, 502
 * for an outside system that refused or failed, 504 for a timeout.
 */
export const CONNECTOR_ERRORS = {
  CONNECTOR_DEFINITION_INVALID: { status: 422, message: { 'zh-CN': '连接器定义无效', en: 'The connector definition is invalid' }, fix: 'Follow packages/engine-connectors/src/types.ts: formatVersion 1, key ^[a-z][a-z0-9_]{0,62}$, a name, an absolute http(s) baseUrl, timeoutMs 100–120000, rateLimit.perMinute 1–100000, retry.maxAttempts 1–50 with ISO-8601 durations, operations with unique step ids and a method, inbound with verify, messageId and handlers.' },
  CONNECTOR_EXPRESSION_INVALID: { status: 422, message: { 'zh-CN': 'JSONata 表达式无效', en: 'Invalid JSONata expression' }, fix: 'Fix the expression at the given path: it must parse as JSONata (string literals are quoted: "\'text\'") and call only JSONata built-ins, Kiln helpers ($yuan, $fen, $netPrice, $truncateBytes, $byteLength, $parseJson, $date, $unixSeconds) or functions it defines itself.' },
  CONNECTOR_AUTH_INVALID: { status: 422, message: { 'zh-CN': '认证或验签配置无效', en: 'Invalid authentication or verification settings' }, fix: 'Give the fields the auth type needs (apiKey: in + name; basic: username; hmac: header; oauth2: tokenUrl + clientId; kingdee: acctId + username; yonyou: appKey; wechat: appId) and, for inbound verify, the scheme\'s fields (token: header; hmac-sha256: header + timestampHeader; douyin: appKey).' },
  CONNECTOR_OPERATION_UNKNOWN: { status: 404, message: { 'zh-CN': '连接器没有该操作', en: 'The connector has no such operation' }, fix: 'Use the key of an operation of the connector (rules, flows and inbound `call` handlers name operations by key).' },
  CONNECTOR_FORM_UNKNOWN: { status: 404, message: { 'zh-CN': '表单不存在', en: 'Unknown form' }, fix: 'Point the inbound upsert/update handler at a form of the same app.' },
  CONNECTOR_FIELD_UNKNOWN: { status: 422, message: { 'zh-CN': '表单没有该字段', en: 'The form has no such field' }, fix: 'List in `match` only field keys of the handler\'s form.' },
  CONNECTOR_HOOK_UNKNOWN: { status: 422, message: { 'zh-CN': '没有该名称的 Webhook 规则', en: 'No webhook rule has this hook name' }, fix: 'Create and publish a webhook rule with this hook name, or use the hook name of an existing one.' },
  CONNECTOR_TIMEOUT: { status: 504, message: { 'zh-CN': '外部系统响应超时', en: 'The outside system did not answer in time' }, fix: 'The delivery is retried with the same idempotency key; raise timeoutMs if the system is slow, check it is up if this persists.' },
  CONNECTOR_UNREACHABLE: { status: 502, message: { 'zh-CN': '无法连接外部系统', en: 'The outside system cannot be reached' }, fix: 'Check the base URL in the connector settings and that the system is up; the delivery is retried.' },
  CONNECTOR_HTTP_ERROR: { status: 502, message: { 'zh-CN': '外部系统返回了错误状态码', en: 'The outside system answered with an error status' }, fix: 'See the step\'s response in the deliveries monitor. 4xx other than 408/429 is permanent (fix the data or the mapping, then replay); 5xx is retried.' },
  CONNECTOR_REJECTED: { status: 502, message: { 'zh-CN': '外部系统拒绝了请求', en: 'The outside system refused the request' }, fix: 'Read the system\'s messages in the error details (e.g. Kingdee Errors[].Message, WeCom errmsg), correct the record or the mapping, then replay the delivery.' },
  CONNECTOR_SESSION_EXPIRED: { status: 502, message: { 'zh-CN': '会话已失效，重新登录后仍失效', en: 'The session stayed expired after logging in again' }, fix: 'Check the connector\'s credentials (account, user, secret) in its settings; the delivery is retried.' },
  CONNECTOR_MAPPING_FAILED: { status: 422, message: { 'zh-CN': '字段映射执行失败', en: 'A field mapping failed' }, fix: 'Fix the JSONata expression at the path in the message (try it in the studio\'s preview with the same input); the delivery is dead until replayed.' },
} as const satisfies Record<ConnectorErrorCode, ConnectorErrorInfo>;

/**
 * The error `compileConnector` throws (an invalid definition, problems in `details`) and the
 * inbound functions and `idempotencyKey` throw (a mapping that failed, the expression's JSON
 * pointer in `path`). Operation runs never throw: they return a `CallError`.
 *
 * @example
 * try { compileConnector(def) } catch (e) { if (e instanceof ConnectorError) reply.code(CONNECTOR_ERRORS[e.code].status).send({ code: e.code, problems: e.details }) }
 */
export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly path?: string;
  readonly details?: unknown;
  constructor(code: ConnectorErrorCode, message: string, opts: { path?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'ConnectorError';
    this.code = code;
    if (opts.path !== undefined) this.path = opts.path;
    if (opts.details !== undefined) this.details = opts.details;
  }
}

/**
 * The registry as a Markdown table (code, HTTP status, English message, Chinese message, fix),
 * for the runtime to include in docs/errors.md.
 */
export function connectorErrorsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = CONNECTOR_ERROR_CODES.map((code) => {
    const e: ConnectorErrorInfo = CONNECTOR_ERRORS[code];
    return `| \`${code}\` | ${e.status} | ${esc(e.message.en)} | ${esc(e.message['zh-CN'])} | ${esc(e.fix)} |`;
  });
  return ['| Code | HTTP | Message | 中文 | Fix |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
