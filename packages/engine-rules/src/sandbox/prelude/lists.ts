/**
 * Prelude fragment: `list.*`. `null`/`undefined` count as an empty list; callbacks receive
 * `(item, index)`; `find`, `first` and `last` return `null` (not `undefined`) when nothing matches.
 * @internal
 */
export const LISTS_JS = String.raw`
function needFn(name, fn) {
  const f = optFn(name, fn);
  if (!f) throw new TypeError(name + ': expected a function');
  return f;
}
const list = {
  sum(items, fn) { return sumOf('list.sum', items, fn); },
  count(items, fn) {
    const l = toList('list.count', items), f = optFn('list.count', fn);
    if (!f) return l.length;
    let n = 0;
    for (let i = 0; i < l.length; i++) if (f(l[i], i)) n++;
    return n;
  },
  map(items, fn) {
    const l = toList('list.map', items), f = needFn('list.map', fn), out = [];
    for (let i = 0; i < l.length; i++) out.push(f(l[i], i));
    return out;
  },
  filter(items, fn) {
    const l = toList('list.filter', items), f = needFn('list.filter', fn), out = [];
    for (let i = 0; i < l.length; i++) if (f(l[i], i)) out.push(l[i]);
    return out;
  },
  find(items, fn) {
    const l = toList('list.find', items), f = needFn('list.find', fn);
    for (let i = 0; i < l.length; i++) if (f(l[i], i)) return l[i];
    return null;
  },
  includes(items, value) { return toList('list.includes', items).includes(value); },
  unique(items) { return Array.from(new Set(toList('list.unique', items))); },
  first(items) { const l = toList('list.first', items); return l.length ? l[0] : null; },
  last(items) { const l = toList('list.last', items); return l.length ? l[l.length - 1] : null; },
  range(n) {
    finite('list.range', 'n', n);
    if (!Number.isInteger(n) || n < 0) throw new RangeError('list.range: n must be a non-negative integer');
    const out = [];
    for (let i = 0; i < n; i++) out.push(i);
    return out;
  },
};
`;
