/**
 * All seven fakes together, as `pnpm kiln fakes` runs them: fixed ports, each push fake pointed at
 * the livestream app's hooks on a running Kiln, and a printable summary.
 */
import type { AllFakes, FakeServer } from './types.js';
import { startKingdee } from './kingdee.js';
import { startYonyou } from './yonyou.js';
import { startWecom } from './wecom.js';
import { startDouyin } from './douyin.js';
import { startChannels } from './channels.js';
import { startRest } from './rest.js';
import { startAliyunSms } from './aliyun-sms.js';

/** Fixed ports of `pnpm kiln fakes` (the livestream template's connectors point at them). */
export const DEFAULT_PORTS: { kingdee: 4101; yonyou: 4102; wecom: 4103; douyin: 4104; channels: 4105; rest: 4106; aliyunSms: 4107 } = Object.freeze({
  kingdee: 4101,
  yonyou: 4102,
  wecom: 4103,
  douyin: 4104,
  channels: 4105,
  rest: 4106,
  aliyunSms: 4107,
});

/** The secret the Kingdee fake signs shipment callbacks with under {@link startAllFakes}. */
export const DEMO_CALLBACK_SECRET = 'demo-callback-secret';

/**
 * Starts every fake on {@link DEFAULT_PORTS} (or port 0 with `ephemeral`), pushing to `kiln`
 * (default `http://127.0.0.1:3000`) for app `app` (default `livestream`): Kingdee shipments to
 * `/api/hooks/{app}/erp_events` (secret `demo-callback-secret`), Douyin to
 * `/api/hooks/{app}/douyin`, Channels to `/api/hooks/{app}/channels`. If one cannot start (a port
 * in use), those already started are closed and the error is thrown. `ports` overrides single
 * ports (0 = ephemeral).
 */
export async function startAllFakes(opts: { kiln?: string; app?: string; ephemeral?: boolean; ports?: Partial<Record<keyof typeof DEFAULT_PORTS, number>> } = {}): Promise<AllFakes> {
  const kiln = (opts.kiln ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const app = opts.app ?? 'livestream';
  const hook = (name: string): string => `${kiln}/api/hooks/${encodeURIComponent(app)}/${name}`;
  const port = (name: keyof typeof DEFAULT_PORTS): number => opts.ports?.[name] ?? (opts.ephemeral ? 0 : DEFAULT_PORTS[name]);
  const started: FakeServer[] = [];
  const track = async <T extends FakeServer>(p: Promise<T>): Promise<T> => {
    const f = await p;
    started.push(f);
    return f;
  };
  try {
    const kingdee = await track(startKingdee({ port: port('kingdee'), callback: { url: hook('erp_events'), secret: DEMO_CALLBACK_SECRET } }));
    const yonyou = await track(startYonyou({ port: port('yonyou') }));
    const wecom = await track(startWecom({ port: port('wecom') }));
    const douyin = await track(startDouyin({ port: port('douyin'), target: hook('douyin') }));
    const channels = await track(startChannels({ port: port('channels'), target: hook('channels') }));
    const rest = await track(startRest({ port: port('rest') }));
    const aliyunSms = await track(startAliyunSms({ port: port('aliyunSms') }));
    return { kingdee, yonyou, wecom, douyin, channels, rest, aliyunSms, close: async () => void (await Promise.all(started.map((f) => f.close()))) };
  } catch (e) {
    await Promise.all(started.map((f) => f.close()));
    throw e;
  }
}

/**
 * A printable summary for `pnpm kiln fakes`: each fake's URL, its demo credentials, and example
 * control calls (in English, with the systems' Chinese names).
 */
export function describeFakes(all: AllFakes): string {
  const post = (url: string, body: string): string => `curl -X POST ${url} -H 'Content-Type: application/json' -d '${body}'`;
  const lines = [
    'Kiln fakes — local stand-ins for outside systems (本地模拟外部系统), on 127.0.0.1',
    '',
    `Kingdee K3 Cloud 金蝶云星空   ${all.kingdee.apiBase}`,
    '  ValidateUser: acctId kiln-demo, username demo, password demo-pass',
    '  LoginByAppSecret: appId kiln_app, appSecret kiln_app_secret',
    `  shipment callback → ${all.kingdee.callback?.url ?? '(none)'} (HMAC secret ${all.kingdee.callback?.secret ?? '-'})`,
    `  ship an order:  ${post(`${all.kingdee.url}/_fake/ship`, '{"billNo":"LV-000001"}')}`,
    '',
    `Yonyou YonBIP 用友   ${all.yonyou.url}`,
    '  appKey 41832a3d2df94989b500da6a22268747, appSecret demo_secret; 60 calls/min',
    '',
    `WeCom robot 企业微信群机器人   ${all.wecom.url}/cgi-bin/webhook/send?key=demo-robot-key`,
    `  messages received:  curl ${all.wecom.url}/_fake/state`,
    '',
    `Douyin Shop 抖店 (pushes to ${all.douyin.target ?? '(none)'})   ${all.douyin.url}`,
    '  app_key demo_app_key, app_secret demo_app_secret',
    `  push a demo paid order:  ${post(`${all.douyin.url}/_fake/push`, '{}')}`,
    '',
    `WeChat Channels 视频号小店 (pushes to ${all.channels.target ?? '(none)'})   ${all.channels.url}`,
    '  appid wx_demo_appid, secret wx_demo_secret, token wx_demo_token',
    `  add a demo order:  ${post(`${all.channels.url}/_fake/orders`, '{"order_id":"3705115058471208928"}')}`,
    `  push its payment:  ${post(`${all.channels.url}/_fake/push`, '{"event":"channels_ec_order_pay","orderId":"3705115058471208928"}')}`,
    '',
    `Generic REST   ${all.rest.url}/api/{collection}   (Authorization: Bearer demo-token)`,
    '',
    `Alibaba Cloud SMS 阿里云短信 (Dysmsapi SendSms, RPC signature v1)   ${all.aliyunSms.url}/`,
    '  AccessKeyId LTAI-demo, AccessKeySecret demo-access-key-secret; SignName Kiln; templates SMS_000001 (${code}), SMS_000002 (${billNo}, ${company})',
    `  messages received:  curl ${all.aliyunSms.url}/_fake/state`,
    '',
    'Every fake: GET /_fake/state · GET /_fake/requests · POST /_fake/reset',
    `  inject a fault:  ${post(`${all.kingdee.url}/_fake/fault`, '{"kind":"timeout","count":1,"delayMs":30000}')}`,
    `  clear it:        ${post(`${all.kingdee.url}/_fake/fault`, '{"kind":null}')}`,
    '  kinds: 500, down, timeout, reject (Kingdee, Yonyou, REST, Alibaba Cloud SMS), partial (Yonyou), errcode (WeCom), expire, duplicate (push fakes)',
  ];
  return lines.join('\n');
}
