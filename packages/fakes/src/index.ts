/**
 * @kiln/fakes — local stand-ins for the outside systems Kiln's connectors talk to, following
 * each published protocol closely (paths, auth, signing, payload shapes, error replies, session
 * expiry, rate limits), driven over real HTTP on 127.0.0.1. Tests start them in-process;
 * `pnpm kiln fakes` starts them all on fixed ports (see {@link DEFAULT_PORTS}).
 *
 * Every fake also answers a control API under `/_fake/`: `GET /_fake/state`, `GET /_fake/requests`,
 * `POST /_fake/reset`, `POST /_fake/fault {kind, count?, delayMs?}` (and per fake: Kingdee
 * `POST /_fake/ship`, Douyin `POST /_fake/push`, Channels `POST /_fake/orders` and `POST /_fake/push`).
 *
 * The fakes verify and sign on their own (node:crypto only, nothing imported from Kiln), so a
 * contract test against a fake checks Kiln's side independently. See README.md.
 */

// ---- types ----
export type {
  AliyunSmsFake,
  AliyunSmsMessage,
  AliyunSmsOptions,
  AliyunSmsTemplate,
  AllFakes,
  ChannelsEvent,
  ChannelsFake,
  ChannelsOptions,
  ChannelsOrder,
  DouyinFake,
  DouyinOptions,
  FakeServer,
  Fault,
  FaultKind,
  KingdeeFake,
  KingdeeOptions,
  KingdeeOrder,
  PushReply,
  RecordedRequest,
  RestFake,
  RestOptions,
  RestAuth,
  WecomFake,
  WecomMessage,
  WecomOptions,
  YonyouFake,
  YonyouOptions,
  YonyouOrder,
} from './types.js';
export type { DouyinMessage } from './douyin.js';

// ---- fakes ----
export { startKingdee, KingdeeFakeError } from './kingdee.js';
export { startYonyou } from './yonyou.js';
export { startWecom } from './wecom.js';
export { startDouyin, douyinPaidMessage } from './douyin.js';
export { startChannels, channelsDemoOrder } from './channels.js';
export { startRest } from './rest.js';
export { startAliyunSms } from './aliyun-sms.js';
export { startAllFakes, describeFakes, DEFAULT_PORTS, DEMO_CALLBACK_SECRET } from './all.js';
