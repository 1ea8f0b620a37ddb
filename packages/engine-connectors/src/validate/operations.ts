import { esc, splitPathTemplate } from '../expressions.js';
import { HTTP_METHODS, type ValidateOptions } from '../types.js';
import { checkLocalized, isHeaderName, isIntIn, isNonEmptyString, isObj, type Problems } from './problems.js';

export const OPERATION_KEY = /^[a-z][a-zA-Z0-9_]{0,62}$/;
const STEP_KEYS = ['id', 'when', 'method', 'path', 'query', 'headers', 'body', 'success', 'error', 'expired', 'permanent'] as const;
const OPERATION_KEYS = ['name', 'description', 'steps', 'key', 'result', 'writeBack', 'rule', 'sample'] as const;
const STRING_EXPRS = ['when', 'body', 'success', 'error', 'expired', 'permanent'] as const;

function checkStep(p: Problems, step: unknown, ptr: string, ids: Set<string>): string | undefined {
  if (!isObj(step)) {
    p.shape(ptr, '步骤应为对象', 'A step is an object');
    return undefined;
  }
  p.unknownKeys(step, ptr, STEP_KEYS);
  const id = step.id;
  if (typeof id !== 'string' || !OPERATION_KEY.test(id)) p.shape(`${ptr}/id`, '步骤 id 应匹配 ^[a-z][a-zA-Z0-9_]{0,62}$', 'A step id matches ^[a-z][a-zA-Z0-9_]{0,62}$');
  else if (ids.has(id)) p.shape(`${ptr}/id`, `步骤 id "${id}" 重复`, `Duplicate step id "${id}"`);
  else ids.add(id);
  if (!(HTTP_METHODS as readonly unknown[]).includes(step.method)) p.shape(`${ptr}/method`, `method 应为 ${HTTP_METHODS.join('/')}`, `method is one of ${HTTP_METHODS.join(', ')}`);
  // fetch() refuses a GET with a body: catch it when the definition is saved, not when a delivery runs.
  else if (step.method === 'GET' && step.body !== undefined) p.shape(`${ptr}/body`, 'GET 请求不能有请求体', 'A GET request cannot have a body');
  if (typeof step.path !== 'string') p.shape(`${ptr}/path`, 'path 应为文本（相对于 baseUrl）', 'path is a text (relative to baseUrl)');
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(step.path)) p.shape(`${ptr}/path`, 'path 应相对于 baseUrl，不能是完整地址', 'path is relative to baseUrl, not a full URL');
  else {
    const split = splitPathTemplate(step.path);
    if ('error' in split) p.add('CONNECTOR_EXPRESSION_INVALID', `${ptr}/path`, `路径模板无效：${split.error}`, `Invalid path template: ${split.error}`);
  }
  for (const k of ['query', 'headers'] as const) {
    const m = step[k];
    if (m === undefined) continue;
    if (!isObj(m)) {
      p.shape(`${ptr}/${k}`, `${k} 应为 名称 → 表达式 的对象`, `${k} is an object of name → expression`);
      continue;
    }
    for (const [name, v] of Object.entries(m)) {
      if (typeof v !== 'string') p.shape(`${ptr}/${k}/${esc(name)}`, '应为 JSONata 表达式文本', 'Expected a JSONata expression (text)');
      if (k === 'headers' ? !isHeaderName(name) : name === '') p.shape(`${ptr}/${k}/${esc(name)}`, `名称 "${name}" 无效`, `Invalid name "${name}"`);
    }
  }
  for (const k of STRING_EXPRS) if (step[k] !== undefined && typeof step[k] !== 'string') p.shape(`${ptr}/${k}`, '应为 JSONata 表达式文本', 'Expected a JSONata expression (text)');
  return typeof id === 'string' ? id : undefined;
}

function checkSample(p: Problems, sample: unknown, ptr: string, stepIds: Set<string>): void {
  if (sample === undefined) return;
  if (!isObj(sample)) return p.shape(ptr, 'sample 应为对象', 'sample is an object');
  p.unknownKeys(sample, ptr, ['input', 'responses']);
  if (sample.responses === undefined) return;
  if (!isObj(sample.responses)) return p.shape(`${ptr}/responses`, 'responses 应为 步骤 id → 响应 的对象', 'responses is an object of step id → response');
  for (const [id, r] of Object.entries(sample.responses)) {
    const rp = `${ptr}/responses/${esc(id)}`;
    if (!stepIds.has(id)) p.shape(rp, `没有 id 为 "${id}" 的步骤`, `No step has id "${id}"`);
    if (!isObj(r) || !isIntIn(r.status, 100, 599)) p.shape(rp, '响应应为 {status: 100–599, body, headers?}', 'A response is {status: 100–599, body, headers?}');
    else if (r.headers !== undefined && !(isObj(r.headers) && Object.values(r.headers).every((h) => typeof h === 'string'))) p.shape(`${rp}/headers`, 'headers 应为 文本 → 文本', 'headers maps text to text');
  }
}

/** Checks `operations`: keys, steps (ids unique, methods, paths), expression types, hooks, samples. */
export function checkOperations(p: Problems, ops: unknown, opts: ValidateOptions): void {
  if (ops === undefined) return;
  if (!isObj(ops)) return p.shape('/operations', 'operations 应为 操作键 → 操作 的对象', 'operations is an object of key → operation');
  for (const [name, op] of Object.entries(ops)) {
    const ptr = `/operations/${esc(name)}`;
    if (!OPERATION_KEY.test(name)) p.shape(ptr, `操作键 "${name}" 应匹配 ^[a-z][a-zA-Z0-9_]{0,62}$`, `Operation key "${name}" must match ^[a-z][a-zA-Z0-9_]{0,62}$`);
    if (!isObj(op)) {
      p.shape(ptr, '操作应为对象', 'An operation is an object');
      continue;
    }
    p.unknownKeys(op, ptr, OPERATION_KEYS);
    checkLocalized(p, op.name, `${ptr}/name`, false);
    checkLocalized(p, op.description, `${ptr}/description`, false);
    for (const k of ['key', 'result', 'writeBack'] as const) if (op[k] !== undefined && typeof op[k] !== 'string') p.shape(`${ptr}/${k}`, '应为 JSONata 表达式文本', 'Expected a JSONata expression (text)');
    const ids = new Set<string>();
    if (!Array.isArray(op.steps) || op.steps.length === 0) p.shape(`${ptr}/steps`, '至少需要一个步骤', 'At least one step is needed');
    else op.steps.forEach((s, i) => checkStep(p, s, `${ptr}/steps/${i}`, ids));
    if (op.rule !== undefined) {
      if (!isNonEmptyString(op.rule)) p.shape(`${ptr}/rule`, 'rule 应为 Webhook 规则的钩子名', 'rule is the hook name of a webhook rule');
      else if (opts.hooks && !opts.hooks.includes(op.rule)) p.add('CONNECTOR_HOOK_UNKNOWN', `${ptr}/rule`, `没有钩子名为 "${op.rule}" 的 Webhook 规则`, `No webhook rule has the hook name "${op.rule}"`);
    }
    checkSample(p, op.sample, `${ptr}/sample`, ids);
  }
}
