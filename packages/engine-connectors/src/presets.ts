import { aliyunSms } from './presets/aliyun-sms.js';
import { douyinShop } from './presets/douyin-shop.js';
import { kingdeeK3cloud } from './presets/kingdee-k3cloud.js';
import { rest } from './presets/rest.js';
import { wechatChannels } from './presets/wechat-channels.js';
import { wecomRobot } from './presets/wecom-robot.js';
import { yonyouYonbip } from './presets/yonyou-yonbip.js';
import type { ConnectorDefinition, Localized, PresetId } from './types.js';

export interface PresetInfo {
  id: PresetId;
  name: Localized;
  description: Localized;
  /** A complete, valid definition to start from (operations, inbound, auth, rate limit filled in). */
  definition(key: string): ConnectorDefinition;
}

export interface SecretSpec {
  name: string;
  label: Localized;
  /** Which part needs it. */
  for: 'auth' | 'inbound';
}

const preset = (build: (key: string) => ConnectorDefinition): PresetInfo => {
  const shown = build('preset');
  return { id: shown.preset!, name: shown.name, description: shown.description ?? shown.name, definition: build };
};

/**
 * The presets a connector can start from, by id. Each definition follows
 * docs/connector-protocols.md and points at the local fakes' ports; its operations carry sample
 * inputs and responses for the studio's preview. Both ERP presets' `push_order` take the same
 * input `{billNo, date, customer, saleOrg?, saler?, lines: [{material, qty, taxPrice, taxRate?}]}`
 * and return `{billNo, id}`.
 */
export const PRESETS: Record<PresetId, PresetInfo> = {
  rest: preset(rest),
  'kingdee-k3cloud': preset(kingdeeK3cloud),
  'yonyou-yonbip': preset(yonyouYonbip),
  'wecom-robot': preset(wecomRobot),
  'douyin-shop': preset(douyinShop),
  'wechat-channels': preset(wechatChannels),
  'aliyun-sms': preset(aliyunSms),
};

/**
 * A new connector from a preset (a fresh object every call), optionally renamed.
 *
 * @example connectorFromPreset('kingdee-k3cloud', 'erp', { 'zh-CN': '金蝶', en: 'Kingdee' })
 */
export function connectorFromPreset(presetId: PresetId, key: string, name?: Localized): ConnectorDefinition {
  const info = PRESETS[presetId];
  if (!info) throw new Error(`Unknown connector preset "${String(presetId)}"`);
  const def = info.definition(key);
  return name === undefined ? def : { ...def, name };
}

const AUTH_SECRETS: Record<string, { name: string; label: Localized } | undefined> = {
  apiKey: { name: 'apiKey', label: { 'zh-CN': 'API 密钥', en: 'API key' } },
  basic: { name: 'password', label: { 'zh-CN': '密码', en: 'Password' } },
  bearer: { name: 'token', label: { 'zh-CN': '访问令牌', en: 'Access token' } },
  hmac: { name: 'hmacSecret', label: { 'zh-CN': 'HMAC 签名密钥', en: 'HMAC signing secret' } },
  oauth2: { name: 'clientSecret', label: { 'zh-CN': 'OAuth2 客户端密钥', en: 'OAuth2 client secret' } },
  yonyou: { name: 'appSecret', label: { 'zh-CN': '应用密钥 AppSecret', en: 'App secret' } },
  wechat: { name: 'appSecret', label: { 'zh-CN': '应用密钥 AppSecret', en: 'App secret' } },
  aliyun: { name: 'accessKeySecret', label: { 'zh-CN': '阿里云 AccessKey Secret', en: 'Alibaba Cloud AccessKey secret' } },
};

const VERIFY_SECRETS: Record<string, { name: string; label: Localized } | undefined> = {
  token: { name: 'inboundToken', label: { 'zh-CN': '回调令牌', en: 'Callback token' } },
  'hmac-sha256': { name: 'inboundSecret', label: { 'zh-CN': '回调签名密钥', en: 'Callback signing secret' } },
  douyin: { name: 'appSecret', label: { 'zh-CN': '抖店应用密钥 app_secret', en: 'Douyin app secret' } },
  wechat: { name: 'token', label: { 'zh-CN': '消息推送 Token', en: 'Message push token' } },
};

/**
 * The secrets a definition needs (from its auth type and inbound verification scheme), each
 * name once: the runtime's settings API stores their values encrypted, per installation. When
 * outbound and inbound need the same name (e.g. `appSecret`), the auth entry is kept.
 *
 * @example secretNames(connectorFromPreset('kingdee-k3cloud', 'erp')) // → [{ name: 'password', for: 'auth', … }]
 */
export function secretNames(def: ConnectorDefinition): SecretSpec[] {
  const out: SecretSpec[] = [];
  const add = (s: { name: string; label: Localized } | undefined, part: 'auth' | 'inbound') => {
    if (s && !out.some((x) => x.name === s.name)) out.push({ name: s.name, label: s.label, for: part });
  };
  const auth = def.auth;
  if (auth?.type === 'kingdee') {
    add(auth.appId ? { name: 'appSecret', label: { 'zh-CN': '第三方应用密钥 AppSecret', en: 'App secret' } } : { name: 'password', label: { 'zh-CN': '登录密码', en: 'Password' } }, 'auth');
  } else if (auth) {
    add(AUTH_SECRETS[auth.type], 'auth');
  }
  if (def.inbound?.verify) add(VERIFY_SECRETS[def.inbound.verify.scheme], 'inbound');
  return out;
}
