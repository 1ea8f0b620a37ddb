/**
 * Prelude fragment, run last: publish the helper globals, remove what programs must not have,
 * disable code generation from strings, and deep-freeze every intrinsic reachable from the
 * global object (plus the hidden ones: iterator, generator and async-function prototypes) and
 * the global object itself. After this nothing an evaluation can reach is mutable, so one
 * evaluation cannot change what the next one sees.
 * @internal
 */
export const HARDEN_JS = String.raw`
const REMOVED = ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef', '__kilnHost'];
/* RegExp's legacy statics (RegExp.$1, lastMatch…) would carry match text from one evaluation to the next. */
const REGEXP_STATICS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$' + String.fromCharCode(96), 'rightContext', "$'"];
/* Data properties of Object.prototype turned into accessors so that o.toString = … or
   o.constructor = … on an ordinary object still works once the prototype is frozen. */
const OVERRIDABLE = ['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'];
function noCodeGeneration() { throw new EvalError('Code generation from strings is disabled in rules'); }
function disableCodeGeneration() {
  const samples = [function () {}, function* () {}, async function () {}, async function* () {}];
  for (let i = 0; i < samples.length; i++) {
    defineProp(getProto(samples[i]), 'constructor', { value: noCodeGeneration, writable: false, enumerable: false, configurable: false });
  }
  defineProp(noCodeGeneration, 'prototype', { value: Function.prototype, writable: false });
}
function enableOverride(proto, name) {
  const desc = Reflect.getOwnPropertyDescriptor(proto, name);
  if (!desc || !('value' in desc)) return;
  const value = desc.value;
  defineProp(proto, name, {
    get: function () { return value; },
    set: function (v) {
      if (this === proto || this === null || (typeof this !== 'object' && typeof this !== 'function')) throw new TypeError('Cannot assign to read only property ' + name);
      defineProp(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable, configurable: false,
  });
}
function hiddenIntrinsics() {
  const roots = [
    function* () {}, async function () {}, async function* () {}, (function* () {})(),
    [][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator](),
    /x/g[Symbol.matchAll](''), Intl.Segmenter ? new Intl.Segmenter().segment('') : null,
  ];
  if (Intl.Segmenter) roots.push(roots[roots.length - 1][Symbol.iterator]());
  if (typeof Iterator === 'function') roots.push([].values().map(function (x) { return x; }), Iterator.from({ next: function () { return { done: true }; } }));
  return roots.map(function (o) { return o === null ? null : getProto(o); });
}
function deepFreeze(roots) {
  const seen = new Set(), todo = roots.slice();
  while (todo.length > 0) {
    const o = todo.pop();
    if (o === null || o === undefined || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
    seen.add(o);
    freeze(o);
    const ks = Reflect.ownKeys(o);
    for (let i = 0; i < ks.length; i++) {
      const d = Reflect.getOwnPropertyDescriptor(o, ks[i]);
      if (d === undefined) continue;
      if ('value' in d) todo.push(d.value); else todo.push(d.get, d.set);
    }
    todo.push(getProto(o));
  }
}
function publish(name, value) {
  defineProp(globalThis, name, { value: value, writable: false, enumerable: false, configurable: false });
}
function harden() {
  for (let i = 0; i < REMOVED.length; i++) delete globalThis[REMOVED[i]];
  for (let i = 0; i < REGEXP_STATICS.length; i++) delete RegExp[REGEXP_STATICS[i]];
  disableCodeGeneration();
  installLimits();
  for (let i = 0; i < OVERRIDABLE.length; i++) enableOverride(ObjProto, OVERRIDABLE[i]);
  publish('Function', noCodeGeneration);
  publish('eval', noCodeGeneration);
  publish('Date', KilnDate);
  const helpers = { money: money, num: num, str: str, list: list, date: date, db: db, now: now, today: today, ref: ref, __kiln: __kiln };
  const names = objectKeys(helpers);
  for (let i = 0; i < names.length; i++) publish(names[i], helpers[names[i]]);
  deepFreeze([globalThis].concat(hiddenIntrinsics()));
}
`;
