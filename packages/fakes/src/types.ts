/**
 * The public types of @kiln/fakes (re-exported from `index.ts`).
 */

/**
 * An injected fault, applied to the next `count` business requests (default: until cleared):
 * - `500` — HTTP 500 with an HTML body;
 * - `down` — the socket is destroyed without a reply (connection reset);
 * - `timeout` — the request is carried out, then the reply is held for `delayMs` (default 30 s):
 *   the client times out although the server did the work (the idempotency case);
 * - `reject` — a protocol-level refusal: Kingdee `IsSuccess:false` with `Errors`, Yonyou a
 *   non-200 `code`, the REST fake a 422, Alibaba Cloud SMS `isv.AMOUNT_NOT_ENOUGH` (HTTP 200);
 * - `partial` — Yonyou: `code` 200 but `failCount` 1 with `messages`;
 * - `errcode` — WeCom: HTTP 200 with `errcode` ≠ 0 (93000 invalid webhook url);
 * - `expire` — the current session / token is reported expired on the next call (Kingdee
 *   `MsgCode: 1` "会话信息已丢失", Yonyou code `310036`, WeChat errcode 42001);
 * - `duplicate` — push fakes send every message `count` extra times (default 2 more); for this
 *   kind `count` is the number of extra copies and the fault lasts until cleared.
 *
 * Faults apply to business requests only: never to `/_fake/*`, and to login / token requests
 * only when the kind is `500` or `down`. A fake refuses (throws, or HTTP 400 over the control
 * API) a kind it does not support.
 */
export interface Fault {
  kind: FaultKind;
  count?: number;
  delayMs?: number;
  /** `errcode` fault only: the errcode WeCom answers (default 93000). */
  errcode?: number;
}

/** The kinds of {@link Fault}. */
export type FaultKind = '500' | 'down' | 'timeout' | 'reject' | 'partial' | 'errcode' | 'expire' | 'duplicate';

/** One request a fake received (its control API `/_fake/*` excluded). */
export interface RecordedRequest {
  method: string;
  /** Path with the query string, as received. */
  path: string;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The raw body (UTF-8). */
  body: string;
  /** ISO time of arrival (real clock). */
  at: string;
}

/** The reply a push / callback got from its target (`status` 0 when it could not be reached). */
export interface PushReply {
  status: number;
  body: string;
}

/** What every fake has. */
export interface FakeServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Every request received (method, path with query, headers, raw body), oldest first. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  fault(f: Fault | null): void;
  /** Forgets stored data, sessions, faults and requests (keeps configuration). */
  reset(): void;
  close(): Promise<void>;
}

// ---- Kingdee K3 Cloud WebAPI (under /k3cloud/) ----

export interface KingdeeOrder {
  /** Internal id (FID). */
  id: number;
  /** FBillNo (the client's, or generated XSDD000001). */
  number: string;
  /** Z created (saved) → A … B submitted → C audited (FDocumentStatus). */
  status: 'A' | 'B' | 'C';
  model: Record<string, unknown>;
}
export interface KingdeeOptions {
  port?: number;
  /** Users allowed to log in with ValidateUser (default acctId `kiln-demo`, username `demo`, password `demo-pass`). */
  users?: Array<{ acctId: string; username: string; password: string }>;
  /** Apps for LoginByAppSecret (default appId `kiln_app`, appSecret `kiln_app_secret`, same acctId/username). */
  apps?: Array<{ acctId: string; username: string; appId: string; appSecret: string }>;
  /** Session lifetime (ms, real time; default 20 min). */
  sessionTtlMs?: number;
  /** Where shipment events are posted (generic HMAC-SHA256: headers `X-Kiln-Signature`, `X-Kiln-Timestamp`). */
  callback?: { url: string; secret: string };
}
export interface KingdeeFake extends FakeServer {
  /** `${url}/k3cloud/` */
  readonly apiBase: string;
  /** Where shipment events go (null: not set). */
  readonly callback: { url: string; secret: string } | null;
  orders(): KingdeeOrder[];
  /** Ends every session (the next business call answers MsgCode 1). */
  expireSessions(): void;
  setCallback(cb: { url: string; secret: string } | null): void;
  /**
   * Marks a sales order shipped / delivered and posts `{"event","billNo","at","logistics"?}` to the callback,
   * signed: `X-Kiln-Timestamp` unix seconds, `X-Kiln-Signature` hex HMAC-SHA256(secret, `${ts}.${body}`).
   * Returns the callback's HTTP status and body.
   */
  ship(billNo: string, event?: 'shipped' | 'delivered'): Promise<PushReply>;
}

// ---- Yonyou YonBIP ----

export interface YonyouOrder {
  id: string;
  code: string;
  resubmitCheckKey: string;
  data: Record<string, unknown>;
}
export interface YonyouOptions {
  port?: number;
  /** Default appKey `41832a3d2df94989b500da6a22268747`, appSecret `demo_secret` (domain.md's vector). */
  appKey?: string;
  appSecret?: string;
  /** Calls per minute per app (default 60; over it: HTTP 429 `{"code":"429",…}`). */
  perMinute?: number;
  /** Accepted skew of `timestamp` (ms, default 10 min). */
  skewMs?: number;
}
export interface YonyouFake extends FakeServer {
  orders(): YonyouOrder[];
  expireTokens(): void;
}

// ---- WeCom group robot ----

export interface WecomMessage {
  key: string;
  msgtype: 'text' | 'markdown';
  content: string;
  mentioned_list?: string[];
  mentioned_mobile_list?: string[];
  at: string;
}
export interface WecomOptions {
  port?: number;
  /** Robot keys that exist (default `['demo-robot-key']`); any other → errcode 93000. */
  keys?: string[];
  /** Messages per minute per robot (default 20; over it errcode 45009). */
  perMinute?: number;
}
export interface WecomFake extends FakeServer {
  messages(key?: string): WecomMessage[];
}

// ---- Douyin Shop message push (the platform side: it sends to Kiln) ----

export interface DouyinOptions {
  port?: number;
  /** Default `demo_app_key` / `demo_app_secret` (domain.md's vector). */
  appKey?: string;
  appSecret?: string;
  /** Where pushes go, e.g. `http://127.0.0.1:3000/api/hooks/livestream/douyin`. */
  target?: string;
}
export interface DouyinFake extends FakeServer {
  /** Where pushes go (null: not set). */
  readonly target: string | null;
  setTarget(url: string): void;
  /**
   * Sends one push (a JSON array of `{tag, msg_id, data}` with `data` JSON-encoded here, big
   * integers kept exact) signed with `event-sign`; with a `duplicate` fault or `times`, sends it
   * again. Returns each reply. `badSign` sends a wrong signature.
   */
  push(messages: Array<{ tag: string; msg_id: string; data: unknown }>, opts?: { times?: number; badSign?: boolean }): Promise<PushReply[]>;
  /** The signature of a raw body: lowercase hex md5(appKey + body + appSecret). */
  sign(rawBody: string): string;
}

// ---- WeChat Channels store (视频号小店): events out, token + order detail API in ----

export interface ChannelsOrder {
  order_id: string;
  status: number;
  openid: string;
  create_time: number;
  update_time: number;
  order_detail: {
    product_infos: Array<{ product_id: string; sku_id: string; sku_cnt: number; sale_price: number; real_price: number; title: string; out_sku_id?: string }>;
    price_info: { product_price: number; order_price: number; freight: number };
    pay_info?: { pay_time: number; transaction_id: string };
    delivery_info: { address_info: { user_name: string; tel_number: string; province_name: string; city_name: string; county_name: string; detail_info: string } };
  };
}
/** The order events WeChat Channels pushes. */
export type ChannelsEvent = 'channels_ec_order_new' | 'channels_ec_order_pay' | 'channels_ec_order_deliver' | 'channels_ec_order_confirm' | 'channels_ec_order_cancel';

export interface ChannelsOptions {
  port?: number;
  /** Default appId `wx_demo_appid`, appSecret `wx_demo_secret`, token `wx_demo_token`. */
  appId?: string;
  appSecret?: string;
  token?: string;
  target?: string;
}
export interface ChannelsFake extends FakeServer {
  /** Where events go (null: not set). */
  readonly target: string | null;
  setTarget(url: string): void;
  /** Orders served by the order API. */
  orders(): ChannelsOrder[];
  /**
   * The platform's URL check: `GET target?signature&timestamp&nonce&echostr`; the target must
   * answer with `echostr` as the body (`ok` tells whether it did).
   */
  verifyTarget(opts?: { badSign?: boolean }): Promise<PushReply & { echostr: string; ok: boolean }>;
  /** Adds or replaces an order served by `POST /channels/ec/order/get`. */
  putOrder(order: ChannelsOrder): void;
  /**
   * Sends an event `{ToUserName, FromUserName, CreateTime, MsgType:"event", Event, order_info:{order_id}}`
   * (JSON, order_id as a bare big integer) to the target with `?signature&timestamp&nonce`,
   * `times` times (WeChat retries until it reads `success`). Returns each reply.
   */
  pushEvent(event: ChannelsEvent, orderId: string, opts?: { times?: number; badSign?: boolean }): Promise<PushReply[]>;
  expireTokens(): void;
}

// ---- Generic REST (an "ERP" with bearer auth and Idempotency-Key) ----

/**
 * How the REST fake authenticates `/api/*` requests (a wrong or missing credential → 401):
 * - `none` — open;
 * - `bearer` — `Authorization: Bearer <token>`;
 * - `basic` — `Authorization: Basic base64(username:password)`;
 * - `apiKey` — the key in header `name` (case-insensitive) or query parameter `name`;
 * - `hmac` — header `header` (default `X-Kiln-Signature`) = lowercase hex
 *   HMAC-SHA256(secret, `${timestamp}.${rawBody}`), the unix-seconds timestamp in `timestampHeader`
 *   (default `X-Kiln-Timestamp`) within `windowSeconds` (default 300) of the real clock;
 * - `oauth2` — client credentials: `POST /oauth/token` (form `grant_type=client_credentials`,
 *   client id / secret in the form or HTTP Basic) issues `{access_token, token_type, expires_in}`
 *   valid `tokenTtlSeconds` (default 3600, real time); `/api/*` wants `Authorization: Bearer <access_token>`.
 */
export type RestAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'apiKey'; in: 'header' | 'query'; name: string; key: string }
  | { kind: 'hmac'; secret: string; header?: string; timestampHeader?: string; windowSeconds?: number }
  | { kind: 'oauth2'; clientId: string; clientSecret: string; tokenTtlSeconds?: number };

export interface RestOptions {
  port?: number;
  /**
   * Shorthand for `auth: {kind: 'bearer', token}` (null → `{kind: 'none'}`); default bearer
   * `demo-token`. Give `token` or `auth`, not both.
   */
  token?: string | null;
  /** How `/api/*` requests authenticate (see {@link RestAuth}); default bearer `demo-token`. */
  auth?: RestAuth;
}
export interface RestFake extends FakeServer {
  /** The auth mode in force (after defaults). */
  readonly auth: RestAuth;
  /** Stored resources by collection, e.g. `items('orders')`. */
  items(collection: string): Array<Record<string, unknown> & { id: string }>;
  /** `oauth2` only (throws otherwise): ends every issued access token; the next API call with one gets 401 `invalid_token`. */
  expireTokens(): void;
}

// ---- Alibaba Cloud SMS (Dysmsapi SendSms, RPC signature v1) ----

/** An SMS template the fake knows: its text with `${name}` variables (every variable must be given). */
export interface AliyunSmsTemplate {
  content: string;
}
export interface AliyunSmsOptions {
  port?: number;
  /** Key pairs that exist (default AccessKeyId `LTAI-demo`, AccessKeySecret `demo-access-key-secret`). */
  accessKeys?: Array<{ accessKeyId: string; accessKeySecret: string }>;
  /** Approved signature names (default `['Kiln']`); any other → `isv.SMS_SIGNATURE_ILLEGAL`. */
  signNames?: string[];
  /**
   * Approved templates by code (default `SMS_000001` the sign-in code `${code}`, `SMS_000002` a
   * shipping notice `${billNo}` / `${company}`); any other code → `isv.SMS_TEMPLATE_ILLEGAL`.
   */
  templates?: Record<string, AliyunSmsTemplate>;
  /** Messages per phone number per minute (default 1; over it `isv.BUSINESS_LIMIT_CONTROL`). */
  perNumberPerMinute?: number;
  /** Accepted skew of `Timestamp` against the fake's real clock (ms, default 15 min; beyond it `InvalidTimeStamp.Expired`). */
  skewMs?: number;
}
/** One message the fake accepted (one per number of a `PhoneNumbers` list). */
export interface AliyunSmsMessage {
  /** The mainland number, 11 digits (a `+86` / `0086` prefix removed). */
  phone: string;
  signName: string;
  templateCode: string;
  /** The parsed `TemplateParam` (values as strings). */
  params: Record<string, string>;
  /** The template with its variables filled in, prefixed `【SignName】` as a phone shows it. */
  content: string;
  outId: string | null;
  accessKeyId: string;
  bizId: string;
  requestId: string;
  at: string;
}
export interface AliyunSmsFake extends FakeServer {
  /** Messages accepted, oldest first; only those to `phone` (11 digits) when given. */
  messages(phone?: string): AliyunSmsMessage[];
  /**
   * The RPC v1 signature of a parameter list as the fake computes it (Base64 HMAC-SHA1 with
   * `secret&` over `METHOD&%2F&pct(sorted query)`): for tests that sign by hand.
   */
  sign(method: string, params: Record<string, string>, accessKeySecret: string): string;
}

// ---- All of them (pnpm kiln fakes) ----

export interface AllFakes {
  kingdee: KingdeeFake;
  yonyou: YonyouFake;
  wecom: WecomFake;
  douyin: DouyinFake;
  channels: ChannelsFake;
  rest: RestFake;
  aliyunSms: AliyunSmsFake;
  close(): Promise<void>;
}
