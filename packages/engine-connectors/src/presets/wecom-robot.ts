import type { ConnectorDefinition, StepDefinition } from '../types.js';

/** WeCom answers HTTP 200 even on failure: `errcode` decides. 93000 (bad key) and 40058 (too long) never heal. */
const send = (body: string): StepDefinition => ({
  id: 'send',
  method: 'POST',
  path: 'cgi-bin/webhook/send',
  body,
  success: 'response.body.errcode = 0',
  error: '$exists(response.body.errcode) ? response.body.errmsg & " (" & response.body.errcode & ")"',
  permanent: 'response.body.errcode in [93000, 40058]',
});

const OK = { send: { status: 200, body: { errcode: 0, errmsg: 'ok' } } };

/** WeCom group robot (docs/connector-protocols.md): text ≤ 2048 and markdown ≤ 4096 UTF-8 bytes, 20 messages/min. */
export function wecomRobot(key: string): ConnectorDefinition {
  return {
    formatVersion: 1,
    key,
    name: { 'zh-CN': '企业微信群机器人', en: 'WeCom group robot' },
    description: { 'zh-CN': '向企业微信群发送文本或 Markdown 消息（密钥为机器人 webhook 的 key）', en: 'Sends text or markdown messages to a WeCom group (the secret is the robot webhook key)' },
    preset: 'wecom-robot',
    baseUrl: 'http://127.0.0.1:4103',
    auth: { type: 'apiKey', in: 'query', name: 'key' },
    rateLimit: { perMinute: 20 },
    operations: {
      send_text: {
        name: { 'zh-CN': '发送文本', en: 'Send text' },
        description: { 'zh-CN': '输入 {content, mentionedList?, mentionedMobileList?}；超过 2048 字节时截断', en: 'Input {content, mentionedList?, mentionedMobileList?}; cut to 2048 bytes' },
        steps: [send('{"msgtype": "text", "text": {"content": $truncateBytes(input.content, 2048), "mentioned_list": [input.mentionedList], "mentioned_mobile_list": [input.mentionedMobileList]}}')],
        result: 'steps.send.body',
        sample: { input: { content: '新订单 LV-000001 已同步到 ERP，金额 ¥1,000.00', mentionedList: ['@all'] }, responses: OK },
      },
      send_markdown: {
        name: { 'zh-CN': '发送 Markdown', en: 'Send markdown' },
        description: { 'zh-CN': '输入 {content}；超过 4096 字节时截断', en: 'Input {content}; cut to 4096 bytes' },
        steps: [send('{"msgtype": "markdown", "markdown": {"content": $truncateBytes(input.content, 4096)}}')],
        result: 'steps.send.body',
        sample: { input: { content: '### 直播间订单\n> 订单 **LV-000001** 已审核' }, responses: OK },
      },
    },
  };
}
