import { isHeaderName, isHttpUrl, isIntIn, isNonEmptyString, isObj, type Problems } from './problems.js';

type FieldCheck = [name: string, required: boolean, ok: (v: unknown) => boolean, zh: string, en: string];

const text = (name: string, required = true): FieldCheck => [name, required, isNonEmptyString, `${name} 应为非空文本`, `${name} is a non-empty text`];
const header = (name: string, required = true): FieldCheck => [name, required, isHeaderName, `${name} 应为 HTTP 头名称`, `${name} is an HTTP header name`];

/** The fields each auth type takes (besides `type`). */
const AUTH_FIELDS: Record<string, FieldCheck[]> = {
  none: [],
  apiKey: [['in', true, (v) => v === 'header' || v === 'query', 'in 应为 header 或 query', 'in is header or query'], text('name')],
  basic: [text('username')],
  bearer: [],
  hmac: [header('header'), header('timestampHeader', false)],
  oauth2: [['tokenUrl', true, isHttpUrl, 'tokenUrl 应为 http(s) 绝对地址', 'tokenUrl is an absolute http(s) URL'], text('clientId'), ['scope', false, (v) => typeof v === 'string', 'scope 应为文本', 'scope is a text']],
  kingdee: [text('acctId'), text('username'), text('appId', false), ['lcid', false, (v) => isIntIn(v, 1, 999999), 'lcid 应为正整数（如 2052）', 'lcid is a positive integer (e.g. 2052)']],
  yonyou: [text('appKey')],
  wechat: [text('appId')],
  aliyun: [text('accessKeyId')],
};

/** The fields each inbound verification scheme takes (besides `scheme`). */
const VERIFY_FIELDS: Record<string, FieldCheck[]> = {
  none: [],
  token: [header('header')],
  'hmac-sha256': [header('header'), header('timestampHeader'), ['windowSeconds', false, (v) => isIntIn(v, 1, 86400), 'windowSeconds 应为 1–86400 的整数', 'windowSeconds is an integer 1–86400']],
  douyin: [text('appKey')],
  wechat: [],
};

function checkFields(p: Problems, v: unknown, path: string, tag: 'type' | 'scheme', table: Record<string, FieldCheck[]>): void {
  if (!isObj(v)) {
    p.add('CONNECTOR_AUTH_INVALID', path, '应为对象', 'Expected an object');
    return;
  }
  const kind = v[tag];
  const fields = typeof kind === 'string' ? table[kind] : undefined;
  if (!fields) {
    const names = Object.keys(table).join(', ');
    p.add('CONNECTOR_AUTH_INVALID', `${path}/${tag}`, `${tag} 应为 ${names} 之一`, `${tag} is one of ${names}`);
    return;
  }
  for (const [name, required, ok, zh, en] of fields) {
    const x = v[name];
    if (x === undefined ? required : !ok(x)) p.add('CONNECTOR_AUTH_INVALID', `${path}/${name}`, zh, en);
  }
  if (kind === 'apiKey' && v.in === 'header' && isNonEmptyString(v.name) && !isHeaderName(v.name)) p.add('CONNECTOR_AUTH_INVALID', `${path}/name`, 'name 应为 HTTP 头名称', 'name is an HTTP header name');
  p.unknownKeys(v, path, [tag, ...fields.map((f) => f[0])], 'CONNECTOR_AUTH_INVALID');
}

/** Checks `auth` (outbound) against its type's fields. */
export function checkAuth(p: Problems, auth: unknown): void {
  checkFields(p, auth, '/auth', 'type', AUTH_FIELDS);
}

/** Checks `inbound.verify` against its scheme's fields. */
export function checkVerify(p: Problems, verify: unknown): void {
  checkFields(p, verify, '/inbound/verify', 'scheme', VERIFY_FIELDS);
}
