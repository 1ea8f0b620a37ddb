/**
 * Prelude fragment: `num.*` and `str.*`. String helpers treat `null`/`undefined` as the empty
 * string and convert other values with `String()`, so a missing field does not throw.
 * @internal
 */
export const NUM_STR_JS = String.raw`
function values(name, args) {
  const list = args.length === 1 && isArray(args[0]) ? args[0] : args;
  for (let i = 0; i < list.length; i++) finite(name, 'value ' + i, list[i]);
  return list;
}
const num = {
  floor(x) { return Math.floor(finite('num.floor', 'x', x)); },
  ceil(x) { return Math.ceil(finite('num.ceil', 'x', x)); },
  round(x, digits) {
    finite('num.round', 'x', x);
    const d = digits === undefined || digits === null ? 0 : finite('num.round', 'digits', digits);
    if (!Number.isInteger(d) || d < -15 || d > 15) throw new RangeError('num.round: digits must be an integer in [-15, 15]');
    /* Decimal shifting through the exponent avoids 1.005 * 100 = 100.49999…; halves go away from zero. */
    const r = shiftDecimal(Math.round(shiftDecimal(Math.abs(x), d)), -d);
    return r === 0 ? 0 : (x < 0 ? -r : r);
  },
  clamp(x, min, max) {
    finite('num.clamp', 'x', x); finite('num.clamp', 'min', min); finite('num.clamp', 'max', max);
    return x < min ? min : x > max ? max : x;
  },
  min(...args) { return Math.min(...values('num.min', args)); },
  max(...args) { return Math.max(...values('num.max', args)); },
  abs(x) { return Math.abs(finite('num.abs', 'x', x)); },
};
function text(x) { return x === null || x === undefined ? '' : String(x); }
const str = {
  lower(s) { return text(s).toLowerCase(); },
  upper(s) { return text(s).toUpperCase(); },
  trim(s) { return text(s).trim(); },
  len(s) { let n = 0; for (const _ of text(s)) n++; return n; },
  contains(s, part) { return text(s).includes(text(part)); },
  startsWith(s, prefix) { return text(s).startsWith(text(prefix)); },
  pad(s, length, fill) {
    finite('str.pad', 'length', length);
    return text(s).padStart(length, fill === undefined || fill === null ? ' ' : text(fill));
  },
  concat(...parts) { let out = ''; for (let i = 0; i < parts.length; i++) out += text(parts[i]); return out; },
};
`;
