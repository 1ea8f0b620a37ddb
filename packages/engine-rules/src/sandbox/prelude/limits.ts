/**
 * Prelude fragment: size guards on built-ins that, given one huge input, allocate or loop in
 * V8's C++ runtime where neither the isolate's memory limit nor the time limit can stop them.
 * Measured on Node 20 (V8 11.3), a string of 2²⁸ characters (28 concatenations) or an array
 * with `length = 2 ** 28` makes `s.split('')`, `s.match(/x/g)`, `JSON.parse`, `a.fill(0)`,
 * `a.toSorted()`, `Array.from({ length })` abort the whole process (V8 "invalid size" / heap
 * OOM), `s.replace(/x/g, …)` hang it for minutes, and `a.sort()`, `a.shift()`, `a.splice(0)`,
 * `Object.assign({}, s)` block it for 8–25 s whatever the timeout. Rules never need such sizes,
 * so string and array methods (and a few statics) refuse inputs longer than MAX_LENGTH with a
 * RangeError, and Map/Set refuse to grow past MAX_ENTRIES (their rehash of a large table aborts
 * the process the same way). NOT containable here: a plain object used as a growing dictionary
 * (`o['k' + i] = i` in an endless loop) still aborts the process with a V8 heap OOM — the reason
 * to run the sandbox in a process of its own when rule authors are not trusted. Left alone: iterators and push/pop (step by step, so the limits apply) — and what
 * cannot be wrapped (`+`, comparisons), which can still cost ~1 s on a 2²⁸-character string.
 * @internal
 */
export const LIMITS_JS = String.raw`
const MAX_LENGTH = 4194304;
/* Map/Set tables double as they grow; past ~2^18 entries one rehash can outgrow the heap's headroom. */
const MAX_ENTRIES = 262144;
function checkSize(label, n) {
  if (n > MAX_LENGTH) throw new RangeError(label + ': input of length ' + n + ' is larger than the ' + MAX_LENGTH + ' a rule may use');
}
function toText(x) {
  if (typeof x === 'string') return x;
  if (x === null || x === undefined) throw new TypeError('Cannot convert ' + x + ' to a string');
  return ''.concat(x);
}
function lengthOf(x) {
  if (typeof x === 'string') return x.length;
  if (x === null || x === undefined || (typeof x !== 'object' && typeof x !== 'function')) return 0;
  const n = Number(x.length);
  return n === n ? n : 0;
}
function replaceMethod(owner, key, make) {
  const original = owner[key];
  const wrapped = make(original);
  defineProp(wrapped, 'length', { value: original.length });
  defineProp(wrapped, 'name', { value: original.name });
  defineProp(owner, key, { value: wrapped, writable: true, enumerable: false, configurable: true });
}
/* Array methods: check this.length. */
function guardArrayMethod(key) {
  const label = 'Array.prototype.' + String(key);
  replaceMethod(Array.prototype, key, function (original) {
    return { m(...args) { checkSize(label, lengthOf(this)); return Reflect.apply(original, this, args); } }.m;
  });
}
/* String methods: convert the receiver once (a toString() cannot answer the check with a short
   string and the built-in with a long one), check its length, call the built-in on it. */
function guardStringMethod(key) {
  const label = 'String.prototype.' + String(key);
  replaceMethod(String.prototype, key, function (original) {
    return { m(...args) { const s = toText(this); checkSize(label, s.length); return Reflect.apply(original, s, args); } }.m;
  });
}
/* Functions whose first argument is the text (JSON.parse, RegExp's symbol methods). */
function guardTextArgument(owner, key, label) {
  replaceMethod(owner, key, function (original) {
    return { m(...args) { if (args.length > 0) { args[0] = toText(args[0]); checkSize(label, args[0].length); } return Reflect.apply(original, this, args); } }.m;
  });
}
/* Functions that turn every argument that is a string or array-like into properties. */
function guardAllArguments(owner, key, label, arrayLikes) {
  replaceMethod(owner, key, function (original) {
    return {
      m(...args) {
        for (let i = 0; i < args.length; i++) {
          const x = args[i];
          if (typeof x === 'string') checkSize(label, x.length);
          else if (arrayLikes && x !== null && x !== undefined && typeof x !== 'string' && x[Symbol.iterator] === undefined) checkSize(label, lengthOf(x));
        }
        return Reflect.apply(original, this, args);
      },
    }.m;
  });
}
/* Map.prototype.set / Set.prototype.add: refuse a new entry beyond MAX_ENTRIES. */
function guardCollection(proto, key, label) {
  replaceMethod(proto, key, function (original) {
    const size = Reflect.getOwnPropertyDescriptor(proto, 'size').get, has = proto.has;
    return {
      m(...args) {
        if (Reflect.apply(size, this, []) >= MAX_ENTRIES && !Reflect.apply(has, this, [args[0]])) throw new RangeError(label + ': more than ' + MAX_ENTRIES + ' entries');
        return Reflect.apply(original, this, args);
      },
    }.m;
  });
}
const UNGUARDED = new Set(['constructor', 'toString', 'valueOf', 'push', 'pop', 'at', 'keys', 'values', 'entries', Symbol.iterator]);
function installLimits() {
  for (const key of Reflect.ownKeys(Array.prototype)) {
    if (!UNGUARDED.has(key) && typeof Array.prototype[key] === 'function') guardArrayMethod(key);
  }
  for (const key of Reflect.ownKeys(String.prototype)) {
    if (!UNGUARDED.has(key) && typeof String.prototype[key] === 'function') guardStringMethod(key);
  }
  const regexps = [Symbol.split, Symbol.match, Symbol.matchAll, Symbol.replace];
  for (let i = 0; i < regexps.length; i++) guardTextArgument(RegExp.prototype, regexps[i], 'RegExp.prototype[' + regexps[i].description + ']');
  guardTextArgument(JSON, 'parse', 'JSON.parse');
  guardAllArguments(Array, 'from', 'Array.from', true);
  const objectStatics = ['keys', 'values', 'entries', 'assign', 'getOwnPropertyNames', 'getOwnPropertyDescriptors'];
  for (let i = 0; i < objectStatics.length; i++) guardAllArguments(Object, objectStatics[i], 'Object.' + objectStatics[i], false);
  guardAllArguments(Reflect, 'ownKeys', 'Reflect.ownKeys', false);
  guardCollection(Map.prototype, 'set', 'Map.prototype.set');
  guardCollection(Set.prototype, 'add', 'Set.prototype.add');
  guardAllArguments(JSON, 'stringify', 'JSON.stringify', false);
  const uri = ['encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent', 'escape', 'unescape'];
  for (let i = 0; i < uri.length; i++) guardAllArguments(globalThis, uri[i], uri[i], false);
}
`;
