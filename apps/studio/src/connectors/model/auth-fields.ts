import type { AuthConfig, AuthType, VerifyConfig, VerifyScheme } from '@kiln/engine-connectors';

/** One property of an auth type or verify scheme as a panel field (`prop-<name>`). */
export interface ConfigField {
  /** Panel field name and test id suffix. */
  name: string;
  /** Property of the config object. */
  prop: string;
  kind: 'text' | 'number' | 'select';
  required: boolean;
  options?: readonly string[];
}

/** Every auth type, in the order the picker lists them. */
export const AUTH_TYPES: readonly AuthType[] = ['none', 'apiKey', 'basic', 'bearer', 'hmac', 'oauth2', 'kingdee', 'yonyou', 'wechat', 'aliyun'];

const f = (name: string, prop: string, required = true, kind: ConfigField['kind'] = 'text', options?: readonly string[]): ConfigField => ({ name, prop, kind, required, options });

/** The fields of each auth type (secrets are not among them: they live in the settings). */
export const AUTH_FIELDS: Readonly<Record<AuthType, readonly ConfigField[]>> = {
  none: [],
  apiKey: [f('auth-in', 'in', true, 'select', ['header', 'query']), f('auth-name', 'name')],
  basic: [f('auth-username', 'username')],
  bearer: [],
  hmac: [f('auth-header', 'header'), f('auth-timestamp-header', 'timestampHeader', false)],
  oauth2: [f('auth-token-url', 'tokenUrl'), f('auth-client-id', 'clientId'), f('auth-scope', 'scope', false)],
  kingdee: [f('auth-acct-id', 'acctId'), f('auth-username', 'username'), f('auth-app-id', 'appId', false), f('auth-lcid', 'lcid', false, 'number')],
  yonyou: [f('auth-app-key', 'appKey')],
  wechat: [f('auth-app-id', 'appId')],
  aliyun: [f('auth-access-key-id', 'accessKeyId')],
};

/** A fresh config of `type` with sensible starting values. */
export function defaultAuth(type: AuthType): AuthConfig {
  switch (type) {
    case 'apiKey':
      return { type, in: 'header', name: 'X-Api-Key' };
    case 'basic':
      return { type, username: '' };
    case 'hmac':
      return { type, header: 'X-Kiln-Signature', timestampHeader: 'X-Kiln-Timestamp' };
    case 'oauth2':
      return { type, tokenUrl: '', clientId: '' };
    case 'kingdee':
      return { type, acctId: '', username: '', lcid: 2052 };
    case 'yonyou':
      return { type, appKey: '' };
    case 'wechat':
      return { type, appId: '' };
    case 'aliyun':
      return { type, accessKeyId: '' };
    default:
      return { type };
  }
}

/** Every inbound verification scheme. */
export const VERIFY_SCHEMES: readonly VerifyScheme[] = ['none', 'token', 'hmac-sha256', 'douyin', 'wechat'];

/** The fields of each verification scheme. */
export const VERIFY_FIELDS: Readonly<Record<VerifyScheme, readonly ConfigField[]>> = {
  none: [],
  token: [f('verify-header', 'header')],
  'hmac-sha256': [f('verify-header', 'header'), f('verify-timestamp-header', 'timestampHeader'), f('verify-window', 'windowSeconds', false, 'number')],
  douyin: [f('verify-app-key', 'appKey')],
  wechat: [],
};

/** A fresh verification config of `scheme`. */
export function defaultVerify(scheme: VerifyScheme): VerifyConfig {
  switch (scheme) {
    case 'token':
      return { scheme, header: 'X-Kiln-Token' };
    case 'hmac-sha256':
      return { scheme, header: 'X-Kiln-Signature', timestampHeader: 'X-Kiln-Timestamp' };
    case 'douyin':
      return { scheme, appKey: '' };
    default:
      return { scheme };
  }
}

/** Sets one property of a config: an empty optional property is removed, an empty required one kept as `''`. */
export function setConfigProp<T extends object>(config: T, field: ConfigField, value: unknown): T {
  const next = { ...config } as Record<string, unknown>;
  const empty = value === undefined || value === null || value === '';
  if (empty && !field.required) delete next[field.prop];
  else next[field.prop] = empty ? '' : value;
  return next as T;
}
