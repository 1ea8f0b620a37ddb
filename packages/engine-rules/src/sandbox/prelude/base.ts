import { RULE_ERROR_TAG } from '../../abi.js';
import { RULE_ERROR_CODES } from '../../types.js';

/**
 * Prelude fragment: intrinsics captured before anything can be replaced, the per-evaluation
 * environment, and small helpers the other fragments share. Runs first, inside the prelude's
 * closure (see `prelude/index.ts`), so none of these names is visible to programs.
 * @internal
 */
export const BASE_JS = String.raw`
const RealDate = Date, ObjProto = Object.prototype, hasOwn = Object.prototype.hasOwnProperty;
const isArray = Array.isArray, getProto = Object.getPrototypeOf, defineProp = Object.defineProperty;
const objectKeys = Object.keys, freeze = Object.freeze, realNow = Date.now, MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TAG = ${JSON.stringify(RULE_ERROR_TAG)};
const CODES = new Set(${JSON.stringify(RULE_ERROR_CODES)});
/* Per-evaluation state, reset by every invoke. */
const env = { nowMs: 0, timeZone: 'Asia/Shanghai', batch: false, touchedDb: false };

function show(x) {
  if (x === null) return 'null';
  if (isArray(x)) return 'a list';
  return typeof x === 'string' ? JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x) : typeof x;
}
function finite(name, what, x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new TypeError(name + ': ' + what + ' must be a finite number, got ' + show(x));
  return x;
}
function toList(name, items) {
  if (items === null || items === undefined) return [];
  if (!isArray(items)) throw new TypeError(name + ': expected a list, got ' + show(items));
  return items;
}
function optFn(name, fn) {
  if (fn === undefined || fn === null) return null;
  if (typeof fn !== 'function') throw new TypeError(name + ': expected a function, got ' + show(fn));
  return fn;
}
function tagged(code, message) {
  const e = {};
  e[TAG] = { code: code, message: message };
  return e;
}
/* A property assignment that works even for names inherited from the frozen Object.prototype. */
function setOwn(o, k, v) {
  if (k in ObjProto) defineProp(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}
`;
