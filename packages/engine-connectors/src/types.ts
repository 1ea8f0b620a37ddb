/**
 * The connector model: how Kiln talks to an outside system. A connector is app metadata
 * (kind `connectors`, versioned and published like forms and flows). Secrets never live here:
 * the definition names which secrets it needs ({@link secretNames}); their values are set per
 * installation through the runtime's settings API and stored encrypted.
 *
 * Every mapping is a JSONata expression (https://docs.jsonata.org) evaluated over a documented
 * scope. Expressions see no clock but the runtime's (`$now()` / `$millis()` are rebound) and
 * have the helper functions listed in `functions.ts` (`$yuan`, `$netPrice`, `$truncateBytes`, …).
 */

export const CONNECTOR_FORMAT_VERSION = 1;

/** Text shown to people, in one language or both. */
export type Localized = string | { 'zh-CN'?: string; en?: string };

/** The presets a connector can start from (`rest` = generic REST). */
export const PRESET_IDS = ['rest', 'kingdee-k3cloud', 'yonyou-yonbip', 'wecom-robot', 'douyin-shop', 'wechat-channels', 'aliyun-sms'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * How outbound calls authenticate. Secret values come from the connector's settings, by the
 * names {@link secretNames} returns for the auth type:
 * - `none`;
 * - `apiKey` — secret `apiKey`, sent in header or query parameter `name` (WeCom robot: query `key`);
 * - `basic` — secret `password`;
 * - `bearer` — secret `token`;
 * - `hmac` — secret `hmacSecret`; header `header` = lowercase hex HMAC-SHA256 of
 *   `${timestamp}.${rawBody}`, the unix-seconds timestamp in `timestampHeader` (default `X-Kiln-Timestamp`);
 * - `oauth2` — client credentials: secret `clientSecret`; POST form to `tokenUrl`, token cached
 *   until `expires_in`, sent as Bearer;
 * - `kingdee` — K3 Cloud login (`ValidateUser` with `[acctId, username, password, lcid]`, or
 *   `LoginByAppSecret` with `[acctId, username, appId, appSecret, lcid]` when `appId` is set);
 *   session cookie cached; secrets `password` or `appSecret`;
 * - `yonyou` — YonBIP self-app token (`getAccessToken` with the HmacSHA256 signature), cached
 *   until `expire`, sent as query `access_token`; secret `appSecret`;
 * - `wechat` — `cgi-bin/token?grant_type=client_credential`, cached until `expires_in`, sent
 *   as query `access_token`; secret `appSecret`;
 * - `aliyun` — Alibaba Cloud RPC signature v1 (Dysmsapi `SendSms` and the other RPC-style APIs):
 *   every request gets the common query parameters (`AccessKeyId`, `Format=JSON`,
 *   `SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`, a fresh `SignatureNonce`, `Timestamp` in
 *   UTC without milliseconds, `Version` 2017-05-25 unless the step sets it) and `Signature` =
 *   Base64 HMAC-SHA1(`accessKeySecret&`, `METHOD&%2F&pct(sorted query)`); secret `accessKeySecret`.
 * The preset logins re-login once when an operation step's `expired` expression says so.
 */
export type AuthConfig =
  | { type: 'none' }
  | { type: 'apiKey'; in: 'header' | 'query'; name: string }
  | { type: 'basic'; username: string }
  | { type: 'bearer' }
  | { type: 'hmac'; header: string; timestampHeader?: string }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; scope?: string }
  | { type: 'kingdee'; acctId: string; username: string; appId?: string; lcid?: number }
  | { type: 'yonyou'; appKey: string }
  | { type: 'wechat'; appId: string }
  | { type: 'aliyun'; accessKeyId: string };
export type AuthType = AuthConfig['type'];

/**
 * One HTTP call of an operation. Expressions are evaluated over the {@link StepScope}.
 * - `path` is appended to the connector's base URL; `{expr}` parts are JSONata, URL-encoded.
 * - `query` / `headers` values are JSONata expressions (a string literal is `"'text'"`);
 *   a null / undefined result leaves the entry out.
 * - `body` is a JSONata expression whose value is sent as JSON; absent → no body.
 * Response expressions see the same scope plus `response`:
 * - `success` — true when the call did what it should (default: 200 ≤ status < 300). WeCom:
 *   `response.body.errcode = 0`; Kingdee: `response.body.Result.ResponseStatus.IsSuccess`.
 * - `error` — the error message(s) when not successful (a string or an array of strings).
 * - `expired` — true when the server says the session/token is no longer valid: the runtime
 *   logs in again once and re-sends this step.
 * - `permanent` — true when retrying cannot help (bad data): the delivery goes `dead` at once.
 *   Default: a 4xx status other than 408 and 429.
 */
export interface StepDefinition {
  /** Unique within the operation; later steps read earlier ones as `steps.<id>`. */
  id: string;
  /** JSONata: when false the step is skipped (its `steps.<id>` is null). */
  when?: string;
  method: HttpMethod;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  success?: string;
  error?: string;
  expired?: string;
  permanent?: string;
}

/** Sample data for the studio's live preview: an input and, per step id, a canned response. */
export interface OperationSample {
  input?: unknown;
  responses?: Record<string, { status: number; body: unknown; headers?: Record<string, string> }>;
}

/**
 * A named outbound call (one or several steps). Rules (`connector` action) and flows (action
 * node `connector`) enqueue a delivery of it with an `input` payload.
 * - `key` — JSONata over `{input, delivery: {id, app, connector}}`: the idempotency key, computed once
 *   at the first attempt and reused by every retry and replay (default `"KLN" & app & "D" & delivery.id`).
 *   Steps read it as `key`: Kingdee's `FBillNo`, Yonyou's `resubmitCheckKey` (≤ 32 characters).
 * - `result` — JSONata over the final scope (`steps` filled): the delivery's result, shown in the monitor.
 * - `writeBack` — JSONata over the final scope plus `result`: field values written onto the record
 *   the delivery came from (e.g. `{"status": "synced", "erp_bill_no": result.billNo}`).
 * - `rule` — the hook name of a published webhook rule fired after success with payload
 *   `{input, result}` (in the same transaction as the write back).
 */
export interface OperationDefinition {
  name?: Localized;
  description?: Localized;
  steps: StepDefinition[];
  key?: string;
  result?: string;
  writeBack?: string;
  rule?: string;
  sample?: OperationSample;
}

/**
 * How an inbound request proves where it came from:
 * - `none`;
 * - `token` — header `header` equals secret `inboundToken` (constant-time);
 * - `hmac-sha256` — header `header` = hex HMAC-SHA256(secret `inboundSecret`, `${timestamp}.${rawBody}`),
 *   optionally prefixed `sha256=`; `timestampHeader` (unix seconds) within `windowSeconds` (default 300)
 *   of the runtime clock;
 * - `douyin` — header `app-id` = `appKey` and `event-sign` = lowercase hex md5(appKey + rawBody + secret `appSecret`);
 * - `wechat` — query `signature` = sha1 of the sorted concatenation of secret `token`, `timestamp`, `nonce`
 *   (a GET with `echostr` is the URL check and is answered with `echostr`).
 */
export type VerifyConfig =
  | { scheme: 'none' }
  | { scheme: 'token'; header: string }
  | { scheme: 'hmac-sha256'; header: string; timestampHeader: string; windowSeconds?: number }
  | { scheme: 'douyin'; appKey: string }
  | { scheme: 'wechat' };
export type VerifyScheme = VerifyConfig['scheme'];

/**
 * What one inbound message does. Expressions see {@link InboundScope}.
 * - `upsert` — find the record of `form` whose `match` fields equal the mapped values; update it, or create it.
 * - `update` — like upsert but never creates (no match → the message is recorded as `ignored`).
 * - `rule` — fire the published webhook rule `hook` with `payload` (default: the message).
 * - `call` — enqueue a delivery of this connector's `operation` with `input` (e.g. WeChat Channels:
 *   an order event → fetch the order detail; its `rule`/`writeBack` then make the record).
 * `values` / `payload` / `input` are JSONata; `match` lists field keys that must be in `values`.
 */
export type InboundHandler = { when?: string } & (
  | { action: 'upsert'; form: string; match: string[]; values: string }
  | { action: 'update'; form: string; match: string[]; values: string }
  | { action: 'rule'; hook: string; payload?: string }
  | { action: 'call'; operation: string; input: string }
);

/**
 * Inbound webhooks at `POST /api/hooks/{app}/{connector}`.
 * - `messages` — JSONata over `{body, headers, query}`: the messages one request carries
 *   (default `[body]`; Douyin sends an array). An array result is a list of messages.
 * - `messageId` — JSONata over a message: its id; a message id seen before is not processed again.
 * - `reply` — what the platform expects back on success (Douyin `{"code":0,"msg":"success"}`,
 *   WeChat `success` as text/plain); default `{"ok":true}` JSON.
 */
export interface InboundDefinition {
  verify: VerifyConfig;
  messages?: string;
  messageId: string;
  handlers: InboundHandler[];
  reply?: { status?: number; contentType?: string; body: string };
  /** A sample request body for the studio's preview. */
  sample?: unknown;
}

export interface ConnectorDefinition {
  formatVersion: 1;
  key: string;
  name: Localized;
  description?: Localized;
  /** The preset it started from (informative; the definition is complete on its own). */
  preset?: PresetId;
  /** Base URL of outbound calls (an installation may override it in its settings). */
  baseUrl?: string;
  auth?: AuthConfig;
  /** Per-call time limit (default 10000 ms, 100–120000). */
  timeoutMs?: number;
  /** Calls per minute across every runtime process (e.g. Yonyou 60, WeCom robot 20). */
  rateLimit?: { perMinute: number };
  /** Delivery retries: attempts before `dead` (default 8, 1–50), first delay and cap (ISO 8601 durations; default PT30S, PT1H). */
  retry?: { maxAttempts?: number; initialDelay?: string; maxDelay?: string };
  operations?: Record<string, OperationDefinition>;
  inbound?: InboundDefinition;
}

/** A definition problem, placed by a JSON pointer (like the other engines). */
export interface ConnectorProblem {
  path: string;
  code: ConnectorProblemCode;
  message: string;
}

export type ConnectorProblemCode =
  | 'CONNECTOR_DEFINITION_INVALID'
  | 'CONNECTOR_EXPRESSION_INVALID'
  | 'CONNECTOR_AUTH_INVALID'
  | 'CONNECTOR_OPERATION_UNKNOWN'
  | 'CONNECTOR_FORM_UNKNOWN'
  | 'CONNECTOR_FIELD_UNKNOWN'
  | 'CONNECTOR_HOOK_UNKNOWN';

/** What validation may check against (omitted → not checked). */
export interface ValidateOptions {
  locale?: 'zh-CN' | 'en';
  /** Published/draft forms of the app: key → field keys. */
  forms?: Record<string, string[]>;
  /** Hook names of the app's webhook rules. */
  hooks?: string[];
}

// ---- Execution (the runtime supplies the transport; the studio supplies canned responses) ----

/** A request as sent: absolute URL, headers, serialized body. Secrets are added by the transport. */
export interface HttpRequestSpec {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** The JSON value of the body (undefined → no body). */
  json?: unknown;
}

/** A response as received. `body` is parsed JSON when the content is JSON (lossless: integers beyond 2^53 become strings), else the text. */
export interface HttpResponseSpec {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  durationMs?: number;
}

/**
 * Sends one request. Throws {@link TransportError} for timeouts and connection failures.
 * `reauthenticate` (when the auth has a login) drops the cached session/token and logs in again.
 */
export interface Transport {
  send(req: HttpRequestSpec, step: string): Promise<HttpResponseSpec>;
  reauthenticate?(): Promise<void>;
}

/** A timeout or a connection failure, thrown by a transport. */
export class TransportError extends Error {
  constructor(readonly code: 'CONNECTOR_TIMEOUT' | 'CONNECTOR_UNREACHABLE', message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The scope step expressions see. */
export interface StepScope {
  input: unknown;
  /** The idempotency key of the delivery. */
  key: string;
  /** Earlier steps of this run: `{status, headers, body}`, or null when skipped. */
  steps: Record<string, { status: number; headers: Record<string, string>; body: unknown } | null>;
  /** Present in response expressions. */
  response?: { status: number; headers: Record<string, string>; body: unknown };
}

/** One step as it ran (for the deliveries monitor and the test call). */
export interface StepLog {
  step: string;
  skipped?: boolean;
  request?: HttpRequestSpec;
  response?: HttpResponseSpec;
  /** Set when this step failed. */
  error?: CallError;
  /** True when the step was re-sent after a re-login. */
  relogin?: boolean;
}

export type CallErrorCode =
  | 'CONNECTOR_TIMEOUT'
  | 'CONNECTOR_UNREACHABLE'
  | 'CONNECTOR_HTTP_ERROR'
  | 'CONNECTOR_REJECTED'
  | 'CONNECTOR_SESSION_EXPIRED'
  | 'CONNECTOR_MAPPING_FAILED'
  | 'CONNECTOR_OPERATION_UNKNOWN';

/** Why a call failed; `permanent` → no retry. */
export interface CallError {
  code: CallErrorCode;
  message: string;
  step?: string;
  permanent: boolean;
  /** The server's own messages (e.g. Kingdee `Errors[].Message`, WeCom `errmsg`). */
  details?: string[];
}

export type OperationOutcome =
  | { ok: true; result: unknown; writeBack: Record<string, unknown> | null; steps: StepLog[] }
  | { ok: false; error: CallError; steps: StepLog[] };

/** An inbound request as received. */
export interface InboundRequest {
  body: unknown;
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** The scope inbound handler expressions see. */
export interface InboundScope {
  message: unknown;
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** One handler's resolved effect, for the runtime to carry out in one transaction. */
export type InboundEffect =
  | { action: 'upsert' | 'update'; form: string; match: Record<string, unknown>; values: Record<string, unknown> }
  | { action: 'rule'; hook: string; payload: unknown }
  | { action: 'call'; operation: string; input: unknown };
