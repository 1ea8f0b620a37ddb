import type { CellNode, CellValue } from './cell.js';

/** The set of values a cell matches, in a form that intersections can be computed on. */
type Domain =
  | { readonly t: 'all' }
  | { readonly t: 'none' }
  | { readonly t: 'points'; readonly values: readonly CellValue[]; readonly negated: boolean }
  | { readonly t: 'interval'; readonly lo: number | string | null; readonly hi: number | string | null; readonly loOpen: boolean; readonly hiOpen: boolean; readonly num: boolean };

const same = (a: CellValue, b: CellValue) => a === b;

function interval(num: boolean, lo: number | string | null, loOpen: boolean, hi: number | string | null, hiOpen: boolean): Domain {
  return { t: 'interval', num, lo, hi, loOpen, hiOpen };
}

function domainOf(c: CellNode): Domain | undefined {
  switch (c.kind) {
    case 'any':
      return { t: 'all' };
    case 'literal':
      return { t: 'points', values: [c.value], negated: false };
    case 'list':
      return { t: 'points', values: c.values, negated: c.negated };
    case 'range':
      return interval(typeof c.lo === 'number', c.lo, c.loOpen, c.hi, c.hiOpen);
    case 'compare': {
      if (c.op === '=') return { t: 'points', values: [c.value], negated: false };
      if (c.op === '!=') return { t: 'points', values: [c.value], negated: true };
      if (typeof c.value !== 'number' && typeof c.value !== 'string') return { t: 'none' };
      const num = typeof c.value === 'number';
      if (c.op === '<') return interval(num, null, true, c.value, true);
      if (c.op === '<=') return interval(num, null, true, c.value, false);
      if (c.op === '>') return interval(num, c.value, true, null, true);
      return interval(num, c.value, false, null, true);
    }
    case 'expr':
      return undefined;
  }
}

type Interval = Extract<Domain, { t: 'interval' }>;

function inInterval(v: CellValue, d: Interval): boolean {
  if (d.num ? typeof v !== 'number' : typeof v !== 'string') return false;
  const x = v as number | string;
  if (d.lo !== null && (x < d.lo || (x === d.lo && d.loOpen))) return false;
  if (d.hi !== null && (x > d.hi || (x === d.hi && d.hiOpen))) return false;
  return true;
}

function intervalEmpty(d: Interval): boolean {
  if (d.lo === null || d.hi === null) return false;
  return d.lo > d.hi || (d.lo === d.hi && (d.loOpen || d.hiOpen));
}

function meetIntervals(a: Interval, b: Interval): Interval | null {
  if (a.num !== b.num) return null;
  let lo = a.lo;
  let loOpen = a.loOpen;
  if (b.lo !== null && (lo === null || b.lo > lo || (b.lo === lo && b.loOpen))) {
    lo = b.lo;
    loOpen = b.loOpen || (a.lo === b.lo && a.loOpen);
  }
  let hi = a.hi;
  let hiOpen = a.hiOpen;
  if (b.hi !== null && (hi === null || b.hi < hi || (b.hi === hi && b.hiOpen))) {
    hi = b.hi;
    hiOpen = b.hiOpen || (a.hi === b.hi && a.hiOpen);
  }
  const m: Interval = { t: 'interval', num: a.num, lo, hi, loOpen, hiOpen };
  return intervalEmpty(m) ? null : m;
}

function nonEmpty(d: Domain): boolean {
  if (d.t === 'none') return false;
  if (d.t === 'points') return d.negated || d.values.length > 0;
  if (d.t === 'interval') return !intervalEmpty(d);
  return true;
}

function meet(a: Domain, b: Domain): boolean {
  if (a.t === 'none' || b.t === 'none') return false;
  if (a.t === 'all') return nonEmpty(b);
  if (b.t === 'all') return nonEmpty(a);
  if (a.t === 'interval' && b.t === 'interval') return meetIntervals(a, b) !== null;
  if (a.t === 'interval' || b.t === 'interval') {
    const i = (a.t === 'interval' ? a : b) as Interval;
    const p = (a.t === 'points' ? a : b) as Extract<Domain, { t: 'points' }>;
    if (!p.negated) return p.values.some((v) => inInterval(v, i));
    if (intervalEmpty(i)) return false;
    // An interval wider than one point holds infinitely many values; a point may be excluded.
    if (i.lo !== null && i.lo === i.hi) return !p.values.some((v) => same(v, i.lo));
    return true;
  }
  const pa = a as Extract<Domain, { t: 'points' }>;
  const pb = b as Extract<Domain, { t: 'points' }>;
  if (pa.negated && pb.negated) return true;
  if (!pa.negated && !pb.negated) return pa.values.some((v) => pb.values.some((w) => same(v, w)));
  const [pos, neg] = pa.negated ? [pb, pa] : [pa, pb];
  return pos.values.some((v) => !neg.values.some((w) => same(v, w)));
}

/**
 * Whether some value matches both cells: `true`/`false`, or `undefined` when either is an
 * expression cell (which cannot be proven either way).
 *
 * @example
 * cellsIntersect(cell.range(0, 10), cell.compare('>=', 10)) // true (10)
 * cellsIntersect(cell.range(0, 10, false, true), cell.compare('>=', 10)) // false
 */
export function cellsIntersect(a: CellNode, b: CellNode): boolean | undefined {
  const da = domainOf(a);
  const db = domainOf(b);
  if (!da || !db) return undefined;
  return meet(da, db);
}

/** Two rows of a table whose cells intersect in every input column. */
export interface RowOverlap {
  /** Row indexes, `first < second`. */
  readonly first: number;
  readonly second: number;
}

/**
 * Pairs of rows that can match the same input: every input column's cells intersect (a missing
 * cell is `-`). Pairs involving an expression cell in a column are not reported (unprovable).
 * `rows[i]` maps input id → parsed cell (cells that failed to parse should be left out).
 */
export function findOverlaps(inputIds: readonly string[], rows: readonly Readonly<Record<string, CellNode>>[]): RowOverlap[] {
  const out: RowOverlap[] = [];
  const anyCell: CellNode = { kind: 'any' };
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      let overlap: boolean | undefined = true;
      for (const id of inputIds) {
        const r = cellsIntersect(rows[i]![id] ?? anyCell, rows[j]![id] ?? anyCell);
        if (r !== true) {
          overlap = r;
          break;
        }
      }
      if (overlap === true) out.push({ first: i, second: j });
    }
  }
  return out;
}
