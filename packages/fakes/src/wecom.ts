/**
 * The WeCom group robot fake: `POST /cgi-bin/webhook/send?key=KEY` with text or markdown,
 * UTF-8 byte limits, a per-robot rate limit, and HTTP 200 with an `errcode` for every failure
 * (see docs/connector-protocols.md).
 */
import type { WecomFake, WecomMessage, WecomOptions } from './types.js';
import { extend, json, startFakeServer, type FakeReply, type FakeRequest, type FakeSpec } from './server.js';
import { isObject, parseJson } from './json.js';
import { MinuteWindow } from './outbound.js';

const SEND_PATH = '/cgi-bin/webhook/send';
const LIMITS = { text: 2048, markdown: 4096 } as const;

const err = (errcode: number, errmsg: string): FakeReply => json(200, { errcode, errmsg });
const ERRMSG: Record<number, string> = {
  93000: 'invalid webhook url',
  40058: 'content exceed max length',
  45009: 'api freq out of limit',
};

/** Starts the WeCom robot fake. */
export async function startWecom(opts: WecomOptions = {}): Promise<WecomFake> {
  const keys = new Set(opts.keys ?? ['demo-robot-key']);
  const limiter = new MinuteWindow(opts.perMinute ?? 20);
  let messages: WecomMessage[] = [];

  const send = (req: FakeRequest): FakeReply => {
    if (req.method !== 'POST') return err(40035, 'invalid parameter: webhook send is POST');
    const key = req.url.searchParams.get('key') ?? '';
    if (!keys.has(key)) return err(93000, ERRMSG[93000] as string);
    if (req.fault?.kind === 'errcode') {
      const code = req.fault.errcode ?? 93000;
      return err(code, ERRMSG[code] ?? 'fake errcode');
    }
    if (!limiter.take(key)) return err(45009, ERRMSG[45009] as string);
    let body: unknown;
    try {
      body = parseJson(req.body);
    } catch {
      return err(40035, 'invalid parameter: body is not JSON');
    }
    if (!isObject(body)) return err(40035, 'invalid parameter: body is not a JSON object');
    const msgtype = body.msgtype;
    if (msgtype !== 'text' && msgtype !== 'markdown') return err(40008, `invalid message type (this fake takes text and markdown), got ${JSON.stringify(msgtype)}`);
    const part = body[msgtype];
    const content = isObject(part) ? part.content : undefined;
    if (typeof content !== 'string' || content === '') return err(44004, 'empty content');
    if (Buffer.byteLength(content, 'utf8') > LIMITS[msgtype]) return err(40058, `${ERRMSG[40058]}, limit ${LIMITS[msgtype]} bytes`);
    const msg: WecomMessage = { key, msgtype, content, at: new Date().toISOString() };
    if (msgtype === 'text' && isObject(part)) {
      for (const list of ['mentioned_list', 'mentioned_mobile_list'] as const) {
        const v = part[list];
        if (v === undefined) continue;
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return err(40035, `invalid parameter: ${list} must be an array of strings`);
        msg[list] = v as string[];
      }
    }
    messages.push(msg);
    return err(0, 'ok');
  };

  const spec: FakeSpec = {
    faults: ['500', 'down', 'timeout', 'errcode'],
    classify: (_m, url) => (url.pathname === SEND_PATH ? 'business' : 'none'),
    handle: (req) => (req.url.pathname === SEND_PATH ? send(req) : { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body>404 Not Found</body></html>' }),
    state: () => ({ messages: structuredClone(messages) }),
    reset: () => {
      messages = [];
      limiter.clear();
    },
  };
  const base = await startFakeServer(spec, opts.port);
  return extend(base, {
    messages: (key?: string) => structuredClone(key === undefined ? messages : messages.filter((m) => m.key === key)),
  }) satisfies WecomFake;
}
