import type { ValidateOptions } from '../types.js';
import { checkVerify } from './auth.js';
import { isIntIn, isNonEmptyString, isObj, type Problems } from './problems.js';

const INBOUND_KEYS = ['verify', 'messages', 'messageId', 'handlers', 'reply', 'sample'] as const;
const HANDLER_KEYS: Record<string, readonly string[]> = {
  upsert: ['when', 'action', 'form', 'match', 'values'],
  update: ['when', 'action', 'form', 'match', 'values'],
  rule: ['when', 'action', 'hook', 'payload'],
  call: ['when', 'action', 'operation', 'input'],
};
const EXPR = (p: Problems, h: Record<string, unknown>, ptr: string, k: string, required: boolean) => {
  if (h[k] === undefined ? required : typeof h[k] !== 'string') p.shape(`${ptr}/${k}`, `${k} 应为 JSONata 表达式文本`, `${k} is a JSONata expression (text)`);
};

function checkHandler(p: Problems, h: unknown, ptr: string, operations: unknown, opts: ValidateOptions): void {
  if (!isObj(h)) return p.shape(ptr, '处理器应为对象', 'A handler is an object');
  const keys = typeof h.action === 'string' ? HANDLER_KEYS[h.action] : undefined;
  if (!keys) return p.shape(`${ptr}/action`, 'action 应为 upsert/update/rule/call', 'action is one of upsert, update, rule, call');
  p.unknownKeys(h, ptr, keys);
  EXPR(p, h, ptr, 'when', false);
  if (h.action === 'upsert' || h.action === 'update') {
    EXPR(p, h, ptr, 'values', true);
    const fields = isNonEmptyString(h.form) ? opts.forms?.[h.form] : undefined;
    if (!isNonEmptyString(h.form)) p.shape(`${ptr}/form`, 'form 应为表单键', 'form is a form key');
    else if (opts.forms && !fields) p.add('CONNECTOR_FORM_UNKNOWN', `${ptr}/form`, `表单 "${h.form}" 不存在`, `Unknown form "${h.form}"`);
    if (!Array.isArray(h.match) || h.match.length === 0 || !h.match.every(isNonEmptyString) || new Set(h.match).size !== h.match.length) {
      p.shape(`${ptr}/match`, 'match 应为不重复的字段键列表（至少一个）', 'match is a list of distinct field keys (at least one)');
    } else if (fields) {
      h.match.forEach((f: string, j: number) => {
        if (!fields.includes(f)) p.add('CONNECTOR_FIELD_UNKNOWN', `${ptr}/match/${j}`, `表单 "${h.form}" 没有字段 "${f}"`, `Form "${h.form}" has no field "${f}"`);
      });
    }
  } else if (h.action === 'rule') {
    EXPR(p, h, ptr, 'payload', false);
    if (!isNonEmptyString(h.hook)) p.shape(`${ptr}/hook`, 'hook 应为 Webhook 规则的钩子名', 'hook is the hook name of a webhook rule');
    else if (opts.hooks && !opts.hooks.includes(h.hook)) p.add('CONNECTOR_HOOK_UNKNOWN', `${ptr}/hook`, `没有钩子名为 "${h.hook}" 的 Webhook 规则`, `No webhook rule has the hook name "${h.hook}"`);
  } else {
    EXPR(p, h, ptr, 'input', true);
    if (!isNonEmptyString(h.operation)) p.shape(`${ptr}/operation`, 'operation 应为本连接器的操作键', 'operation is an operation key of this connector');
    else if (!isObj(operations) || !Object.hasOwn(operations, h.operation)) p.add('CONNECTOR_OPERATION_UNKNOWN', `${ptr}/operation`, `本连接器没有操作 "${h.operation}"`, `This connector has no operation "${h.operation}"`);
  }
}

/** Checks `inbound`: verify, messages/messageId, handlers and their targets, reply. */
export function checkInbound(p: Problems, inbound: unknown, operations: unknown, opts: ValidateOptions): void {
  if (inbound === undefined) return;
  if (!isObj(inbound)) return p.shape('/inbound', 'inbound 应为对象', 'inbound is an object');
  p.unknownKeys(inbound, '/inbound', INBOUND_KEYS);
  if (inbound.verify === undefined) p.add('CONNECTOR_AUTH_INVALID', '/inbound/verify', '缺少验签配置（无需验签时写 {"scheme":"none"}）', 'verify is missing (write {"scheme":"none"} for none)');
  else checkVerify(p, inbound.verify);
  EXPR(p, inbound, '/inbound', 'messages', false);
  EXPR(p, inbound, '/inbound', 'messageId', true);
  if (!Array.isArray(inbound.handlers)) p.shape('/inbound/handlers', 'handlers 应为数组', 'handlers is an array');
  else inbound.handlers.forEach((h, i) => checkHandler(p, h, `/inbound/handlers/${i}`, operations, opts));
  const r = inbound.reply;
  if (r !== undefined) {
    if (!isObj(r) || typeof r.body !== 'string') p.shape('/inbound/reply', 'reply 应为 {status?, contentType?, body: 文本}', 'reply is {status?, contentType?, body: text}');
    else {
      p.unknownKeys(r, '/inbound/reply', ['status', 'contentType', 'body']);
      if (r.status !== undefined && !isIntIn(r.status, 200, 299)) p.shape('/inbound/reply/status', 'status 应为 200–299', 'status is 200–299');
      if (r.contentType !== undefined && !/^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(String(r.contentType))) p.shape('/inbound/reply/contentType', 'contentType 应为 MIME 类型', 'contentType is a MIME type');
    }
  }
}
