/**
 * Prelude fragment: `copyOut(value)`, run on every entry point's result before it leaves the
 * isolate. It rebuilds the value from plain data only (null, booleans, numbers, strings,
 * undefined, arrays, plain objects, Dates), so what crosses is inert: no getters or proxies run
 * during the copy, and functions, promises (async code), symbols, bigints, class instances and
 * cycles are reported as RULE_RESULT_INVALID with the path to the offending value.
 * @internal
 */
export const COPY_OUT_JS = String.raw`
const MAX_DEPTH = 100;
function kindOf(v) {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'bigint') return 'a BigInt';
  if (v instanceof Promise || (v !== null && typeof v === 'object' && typeof v.then === 'function')) return 'a Promise (async code is not supported)';
  const name = v !== null && typeof v === 'object' ? ObjProto.toString.call(v).slice(8, -1) : typeof v;
  return 'a value of type ' + name;
}
function badResult(what, path) {
  let where = '';
  for (let i = 0; i < path.length; i++) where += typeof path[i] === 'number' ? '[' + path[i] + ']' : '.' + path[i];
  throw tagged('RULE_RESULT_INVALID', 'The result contains ' + what + (where ? ' at ' + where.replace(/^\./, '') : ''));
}
function copyAny(v, path, open) {
  if (v === null || v === undefined) return v;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return v;
  if (t !== 'object') badResult(kindOf(v), path);
  if (open.has(v)) badResult('a cycle', path);
  if (path.length >= MAX_DEPTH) badResult('nesting deeper than ' + MAX_DEPTH + ' levels', path);
  let out;
  open.add(v);
  if (isArray(v)) {
    out = [];
    for (let i = 0; i < v.length; i++) { path.push(i); out.push(copyAny(v[i], path, open)); path.pop(); }
  } else {
    const proto = getProto(v);
    if (proto === RealDate.prototype) out = new RealDate(v.getTime());
    else if (proto !== ObjProto && proto !== null) badResult(kindOf(v), path);
    else {
      out = {};
      const ks = objectKeys(v);
      for (let i = 0; i < ks.length; i++) { path.push(ks[i]); setOwn(out, ks[i], copyAny(v[ks[i]], path, open)); path.pop(); }
    }
  }
  open.delete(v);
  return out;
}
function copyOut(v) { return copyAny(v, [], new Set()); }
`;
