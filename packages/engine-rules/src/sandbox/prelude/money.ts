/**
 * Prelude fragment: `money.*`. Amounts are integer fen; percentages and factors may carry up to
 * four decimals. Each operand becomes an exact fraction (integer ÷ 1 or ÷ 10⁴) and the result is
 * one exact integer division (remainder arithmetic, BigInt once a product leaves the safe-integer
 * range), so `money.pct(1999, 5)` is 99 and never 99.94999… or 100. `pct`/`mul` round toward −∞
 * (floor), `share` toward zero.
 * @internal
 */
export const MONEY_JS = String.raw`
/* x as [integer, scale] with x = integer / scale: integers as they are, others to 4 decimals. */
function decimal(name, what, x) {
  if (Number.isInteger(finite(name, what, x))) return [x, 1];
  const s = Math.round(x * 10000);
  if (!Number.isSafeInteger(s)) throw new RangeError(name + ': ' + what + ' is out of range');
  return [s, 10000];
}
function product(a, b) {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a * b) <= MAX_SAFE) return a * b;
  return BigInt(a) * BigInt(b);
}
/* Exact n ÷ d rounded toward −∞ (floor) or toward zero (trunc); n, d integers (number or bigint). */
function divide(n, d, floor) {
  if (typeof n === 'number' && typeof d === 'number') {
    const r = n % d;
    let q = (n - r) / d;
    if (floor && r !== 0 && (r < 0) !== (d < 0)) q -= 1;
    return q + 0;
  }
  const bn = BigInt(n), bd = BigInt(d);
  let q = bn / bd;
  const r = bn % bd;
  if (floor && r !== 0n && (r < 0n) !== (bd < 0n)) q -= 1n;
  return Number(q) + 0;
}
function shiftDecimal(x, places) {
  const parts = String(x).split('e');
  return Number(parts[0] + 'e' + (Number(parts[1] || 0) + places));
}
function groupThousands(digits) {
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? ',' + out : '');
  return out;
}
const money = {
  pct(fen, percent) {
    const a = decimal('money.pct', 'fen', fen), p = decimal('money.pct', 'percent', percent);
    return divide(product(a[0], p[0]), a[1] * p[1] * 100, true);
  },
  mul(fen, factor) {
    const a = decimal('money.mul', 'fen', fen), f = decimal('money.mul', 'factor', factor);
    return divide(product(a[0], f[0]), a[1] * f[1], true);
  },
  share(fen, part, whole) {
    const a = decimal('money.share', 'fen', fen), p = decimal('money.share', 'part', part), w = decimal('money.share', 'whole', whole);
    if (w[0] === 0) throw new RangeError('money.share: whole must not be 0');
    return divide(product(product(a[0], p[0]), w[1]), product(w[0], a[1] * p[1]), false);
  },
  fromYuan(yuan) {
    finite('money.fromYuan', 'yuan', yuan);
    const r = Math.round(shiftDecimal(Math.abs(yuan), 2));
    return r === 0 ? 0 : (yuan < 0 ? -r : r);
  },
  format(fen) {
    const f = Math.round(finite('money.format', 'fen', fen));
    const abs = Math.abs(f), cents = abs % 100;
    return (f < 0 ? '-' : '') + '¥' + groupThousands(String((abs - cents) / 100)) + '.' + (cents < 10 ? '0' : '') + cents;
  },
  sum(items, fn) {
    return sumOf('money.sum', items, fn);
  },
};
function sumOf(name, items, fn) {
  const list = toList(name, items), f = optFn(name, fn);
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const v = f ? f(list[i], i) : list[i];
    if (v === null || v === undefined) continue;
    total += finite(name, 'item ' + i, v);
  }
  return total;
}
`;
