import { parseDuration } from './duration.js';
import { collectExpressions } from './expressions.js';
import { CONNECTOR_FORMAT_VERSION, PRESET_IDS, type ConnectorProblem, type ValidateOptions } from './types.js';
import { checkAuth } from './validate/auth.js';
import { expressionProblem } from './validate/expression.js';
import { checkInbound } from './validate/inbound.js';
import { checkOperations } from './validate/operations.js';
import { Problems, checkLocalized, isHttpUrl, isIntIn, isObj } from './validate/problems.js';

const KEY = /^[a-z][a-z0-9_]{0,62}$/;
const TOP_KEYS = ['formatVersion', 'key', 'name', 'description', 'preset', 'baseUrl', 'auth', 'timeoutMs', 'rateLimit', 'retry', 'operations', 'inbound'] as const;

function checkRetry(p: Problems, retry: unknown): void {
  if (retry === undefined) return;
  if (!isObj(retry)) return p.shape('/retry', 'retry 应为对象', 'retry is an object');
  p.unknownKeys(retry, '/retry', ['maxAttempts', 'initialDelay', 'maxDelay']);
  if (retry.maxAttempts !== undefined && !isIntIn(retry.maxAttempts, 1, 50)) p.shape('/retry/maxAttempts', 'maxAttempts 应为 1–50 的整数', 'maxAttempts is an integer 1–50');
  const ms: Record<string, number | null> = {};
  for (const k of ['initialDelay', 'maxDelay'] as const) {
    const v = retry[k];
    if (v === undefined) continue;
    ms[k] = typeof v === 'string' ? parseDuration(v) : null;
    if (!ms[k]) p.shape(`/retry/${k}`, `${k} 应为 ISO-8601 时长（如 PT30S、PT1H、P1D）`, `${k} is an ISO-8601 duration (e.g. PT30S, PT1H, P1D)`);
  }
  const initial = ms.initialDelay ?? 30_000;
  const max = ms.maxDelay ?? 3_600_000;
  if ((ms.initialDelay || ms.maxDelay) && initial > max) p.shape('/retry/initialDelay', 'initialDelay 不能大于 maxDelay', 'initialDelay cannot exceed maxDelay');
}

/**
 * Every problem of a connector definition (shape, JSONata syntax of every expression, auth
 * fields, step ids, handler targets), with JSON pointers and messages in `opts.locale`
 * (zh-CN by default). Forms and hooks are checked only when `opts` lists them. Never throws.
 *
 * @example validateConnector(def, { locale: 'en', hooks: ['douyin_order'] }) // → [] when valid
 */
export function validateConnector(def: unknown, opts: ValidateOptions = {}): ConnectorProblem[] {
  const p = new Problems(opts.locale === 'en' ? 'en' : 'zh-CN');
  if (!isObj(def)) {
    p.shape('', '连接器定义应为对象', 'A connector definition is an object');
    return p.all;
  }
  p.unknownKeys(def, '', TOP_KEYS);
  if (def.formatVersion !== CONNECTOR_FORMAT_VERSION) p.shape('/formatVersion', `formatVersion 应为 ${CONNECTOR_FORMAT_VERSION}`, `formatVersion is ${CONNECTOR_FORMAT_VERSION}`);
  if (typeof def.key !== 'string' || !KEY.test(def.key)) p.shape('/key', 'key 应匹配 ^[a-z][a-z0-9_]{0,62}$', 'key matches ^[a-z][a-z0-9_]{0,62}$');
  checkLocalized(p, def.name, '/name', true);
  checkLocalized(p, def.description, '/description', false);
  if (def.preset !== undefined && !(PRESET_IDS as readonly unknown[]).includes(def.preset)) p.shape('/preset', `preset 应为 ${PRESET_IDS.join('/')}`, `preset is one of ${PRESET_IDS.join(', ')}`);
  if (def.baseUrl !== undefined && !isHttpUrl(def.baseUrl)) p.shape('/baseUrl', 'baseUrl 应为 http(s) 绝对地址', 'baseUrl is an absolute http(s) URL');
  if (def.auth !== undefined) checkAuth(p, def.auth);
  if (def.timeoutMs !== undefined && !isIntIn(def.timeoutMs, 100, 120_000)) p.shape('/timeoutMs', 'timeoutMs 应为 100–120000 的整数', 'timeoutMs is an integer 100–120000');
  if (def.rateLimit !== undefined && !(isObj(def.rateLimit) && isIntIn(def.rateLimit.perMinute, 1, 100_000) && Object.keys(def.rateLimit).length === 1)) {
    p.shape('/rateLimit', 'rateLimit 应为 {perMinute: 1–100000}', 'rateLimit is {perMinute: 1–100000}');
  }
  checkRetry(p, def.retry);
  checkOperations(p, def.operations, opts);
  checkInbound(p, def.inbound, def.operations, opts);
  if (def.operations === undefined && def.inbound === undefined) p.shape('/operations', '连接器至少需要一个操作或入站配置', 'A connector needs operations or inbound (or both)');
  for (const site of collectExpressions(def)) {
    const bad = expressionProblem(site.source);
    if (bad) p.add('CONNECTOR_EXPRESSION_INVALID', site.pointer, bad.zh, bad.en);
  }
  return p.all;
}
