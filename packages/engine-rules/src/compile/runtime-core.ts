import type { Locale } from '@kiln/engine-forms';
import { RULE_MESSAGES, TYPE_WORDS } from '../check/messages.js';
import { FACT_NAMES } from '../helpers.js';
import { RULE_ERROR_TAG } from '../abi.js';

/** Messages generated code can raise at run time. */
const RUNTIME_MESSAGES = [
  'forEachNotList', 'updateIdInvalid', 'entriesNotList', 'entryNotObject', 'entryNoKey', 'flowRecordInvalid', 'usersInvalid',
  'textInvalid', 'messageInvalid', 'valueInvalid', 'tableMissing', 'assignNeedsRecord', 'uniqueTwice', 'aggregateNotNumber', 'factsInvalid',
] as const;

/**
 * The support code at the top of every program (inside its closure): messages, tagged errors,
 * the expression wrapper `$fn(i)` (calls user function `$X[i]` with the facts its context names
 * and turns any throw into a RuleError through `__kiln.fail`, with origin `$O[i]`), and value
 * checks shared by the action and table runners.
 * @internal
 */
export function runtimeCore(locale: Locale): string {
  const messages = Object.fromEntries(RUNTIME_MESSAGES.map((id) => [id, RULE_MESSAGES[id][locale]]));
  const words = Object.fromEntries(Object.entries(TYPE_WORDS).map(([k, v]) => [k, v[locale].trim()]));
  return `const $TAG = ${JSON.stringify(RULE_ERROR_TAG)};
const $M = ${JSON.stringify(messages)};
const $W = ${JSON.stringify(words)};
const $CTX = ${JSON.stringify(FACT_NAMES)};
const $has = Object.prototype.hasOwnProperty;
function $fmt(id, p) {
  return $M[id].replace(/\\{(\\w+)\\}/g, function (w, k) { return $has.call(p, k) ? String(p[k]) : w; });
}
function $kind(v) {
  if (v === null) return $W.null;
  if (v === undefined) return $W.undefined;
  if (Array.isArray(v)) return $W.list;
  const t = typeof v;
  return $has.call($W, t) ? $W[t] : t;
}
function $fail(code, rule, path, id, p) {
  const e = {};
  e[$TAG] = { code: code, message: $fmt(id, p || {}), rule: rule, path: path };
  throw e;
}
function $msg(e) {
  try {
    if (e instanceof Error) return e.name + ': ' + e.message;
    if (e !== null && typeof e === 'object' && typeof e.message === 'string') return e.message;
    return String(e);
  } catch (_) {
    return 'error';
  }
}
function $fn(i) {
  const o = $O[i];
  const fn = $X[i];
  const names = $CTX[o[4]];
  const origin = [o[0], o[1], o[2]];
  return function (s) {
    const args = [];
    for (let k = 0; k < names.length; k++) args.push(s[names[k]]);
    try {
      return fn.apply(undefined, args);
    } catch (e) {
      __kiln.fail('RULE_RUNTIME', $msg(e), o[3], e, origin);
      throw e;
    }
  };
}
function $isRef(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.$ref === 'string';
}
function $plain(v, rule, path, prop) {
  const t = typeof v;
  if (t === 'function' || t === 'symbol' || t === 'bigint') $fail('RULE_RESULT_INVALID', rule, path, 'valueInvalid', { prop: prop, actual: $kind(v) });
  return v;
}
function $set(o, k, v) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
function $facts(f, rule) {
  if (f === undefined || f === null) return {};
  if (typeof f !== 'object') $fail('RULE_RUNTIME', rule, '', 'factsInvalid', {});
  return f;
}
`;
}
