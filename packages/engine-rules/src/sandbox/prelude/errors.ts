import { PROGRAM_FILENAME } from '../../abi.js';

/* `kiln:program:LINE:COL` in a stack trace. */
const STACK_POSITION_SOURCE = PROGRAM_FILENAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ':(\\d+):(\\d+)';

/**
 * Prelude fragment: turning thrown values into RuleErrors, and `__kiln.fail` for generated code.
 *
 * `fail(code, message, path, err, origin)`: when `err` is already a tagged error it is rethrown
 * unchanged (an inner expression already located it). Otherwise it throws
 * `{ [RULE_ERROR_TAG]: { code, message, rule, path, line, column } }` where `message` defaults to
 * the error's own, `rule` is `origin[2]`, and line/column come from the first
 * `kiln:program:LINE:COL` frame of `err.stack`, made relative to `origin = [line, column]` (the
 * 1-based program position of the expression's first character): `line = L − originLine + 1`,
 * `column = C − originColumn + 1` on the origin line, else `C`. Positions before the origin
 * are dropped.
 * @internal
 */
export const ERRORS_JS = String.raw`
const STACK_POS = new RegExp(${JSON.stringify(STACK_POSITION_SOURCE)});
function isTagged(e) {
  return e !== null && typeof e === 'object' && hasOwn.call(e, TAG);
}
function describe(e) {
  try {
    if (e instanceof Error) return String(e.name) + ': ' + String(e.message);
    if (e !== null && typeof e === 'object') return 'Uncaught ' + ObjProto.toString.call(e);
    return 'Uncaught ' + String(e);
  } catch (_) {
    return 'Uncaught value that cannot be read';
  }
}
function clip(s) { return s.length > 1000 ? s.slice(0, 1000) + '…' : s; }
function cleanRuleError(x) {
  const out = { code: 'RULE_RUNTIME', message: 'Unknown error' };
  if (x === null || typeof x !== 'object') return out;
  if (CODES.has(x.code)) out.code = x.code;
  if (typeof x.message === 'string') out.message = clip(x.message);
  if (typeof x.rule === 'string') out.rule = x.rule;
  if (typeof x.path === 'string') out.path = x.path;
  const nums = ['line', 'column', 'from', 'to'];
  for (let i = 0; i < nums.length; i++) if (Number.isSafeInteger(x[nums[i]])) out[nums[i]] = x[nums[i]];
  return out;
}
function toRuleError(e) {
  try {
    if (isTagged(e)) return cleanRuleError(e[TAG]);
  } catch (_) { /* a hostile getter: fall through */ }
  return { code: 'RULE_RUNTIME', message: clip(describe(e)) };
}
function stackPosition(err) {
  try {
    if (err === null || (typeof err !== 'object' && typeof err !== 'function')) return null;
    const stack = err.stack;
    const m = typeof stack === 'string' ? STACK_POS.exec(stack) : null;
    return m ? [Number(m[1]), Number(m[2])] : null;
  } catch (_) {
    return null;
  }
}
function fail(code, message, path, err, origin) {
  if (isTagged(err)) throw err;
  const e = { code: CODES.has(code) ? code : 'RULE_RUNTIME', message: clip(typeof message === 'string' && message !== '' ? message : describe(err)) };
  if (isArray(origin) && typeof origin[2] === 'string') e.rule = origin[2];
  if (typeof path === 'string') e.path = path;
  const pos = stackPosition(err);
  if (pos && isArray(origin) && Number.isInteger(origin[0]) && Number.isInteger(origin[1])) {
    const line = pos[0] - origin[0] + 1;
    const column = line === 1 ? pos[1] - origin[1] + 1 : pos[1];
    if (line >= 1 && column >= 1) { e.line = line; e.column = column; }
  }
  const thrown = {};
  thrown[TAG] = e;
  throw thrown;
}
const __kiln = { fail: fail };
`;
