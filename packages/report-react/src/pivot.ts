import type { Measure, ResultColumn, ReportResult, Visual } from '@kiln/engine-reports';
import { dimensionText, dimensionsOf, measuresOf } from './columns';
import { toNumber } from './format-value';

type Row = Readonly<Record<string, unknown>>;

/** One distinct combination of header dimension values (a pivot row or column). @internal */
export interface PivotKey {
  readonly id: string;
  readonly values: readonly unknown[];
  readonly labels: readonly string[];
}

/** The cross-tab of a result, built client side. @internal */
export interface PivotModel {
  readonly rowDims: readonly ResultColumn[];
  readonly colDims: readonly ResultColumn[];
  readonly measures: readonly ResultColumn[];
  readonly rowKeys: readonly PivotKey[];
  readonly colKeys: readonly PivotKey[];
  /** The value of `measure` at (row, column); `colId` '' is the whole row when there are no column dimensions. */
  cell(rowId: string, colId: string, measure: string): number | undefined;
  rowTotal(rowId: string, measure: string): number | undefined;
  colTotal(colId: string, measure: string): number | undefined;
  grandTotal(measure: string): number | undefined;
}

/**
 * How a measure's cells combine into a total: sums of sums and counts, min of mins, max of
 * maxes. Averages, ratios, shares, running totals and distinct counts cannot be recombined from
 * the cells, so they get no total. The aggregate comes from the column (`aggregate`, when the
 * server marks it) or the definition's measure; when neither is known, everything but
 * percentages is summed.
 */
function combiner(col: ResultColumn, measure: Measure | undefined): ((xs: number[]) => number | undefined) | undefined {
  const agg = (col as { aggregate?: unknown }).aggregate ?? measure?.agg;
  const sum = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) : undefined);
  if (agg === 'min') return (xs) => (xs.length ? Math.min(...xs) : undefined);
  if (agg === 'max') return (xs) => (xs.length ? Math.max(...xs) : undefined);
  if (agg === 'sum' || agg === 'count') return sum;
  if (agg !== undefined) return undefined;
  return col.format === 'percent' ? undefined : sum;
}

function keyOf(row: Row, dims: readonly ResultColumn[]): PivotKey {
  const values = dims.map((d) => row[d.key] ?? null);
  return { id: JSON.stringify(values), values, labels: dims.map((d) => dimensionText(row, d)) };
}

function compareValues(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const nx = toNumber(x);
    const ny = toNumber(y);
    const c = nx !== undefined && ny !== undefined ? nx - ny : String(x).localeCompare(String(y));
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Builds the cross-tab of `result` with `visual.pivot.rows` on rows and `.columns` on columns
 * (dimension ids; unknown ids are ignored, and without a pivot spec the first dimension goes on
 * rows and the others on columns). Rows keep the server's order; columns are sorted by value so
 * months and stages read left to right. `measures` (the definition's) tell which totals are exact.
 * @internal
 */
export function buildPivot(result: ReportResult, visual: Visual, measures?: readonly Measure[]): PivotModel {
  const dims = dimensionsOf(result.columns);
  const byId = new Map(dims.map((d) => [d.key, d]));
  const pick = (ids: readonly string[] | undefined) => (ids ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  let rowDims = pick(visual.pivot?.rows);
  let colDims = pick(visual.pivot?.columns);
  if (!rowDims.length && !colDims.length) {
    rowDims = dims.slice(0, 1);
    colDims = dims.slice(1);
  }
  const measureCols = measuresOf(result.columns);

  const rowKeys = new Map<string, PivotKey>();
  const colKeys = new Map<string, PivotKey>();
  const cells = new Map<string, number[]>();
  const push = (k: string, v: number) => {
    const list = cells.get(k);
    if (list) list.push(v);
    else cells.set(k, [v]);
  };
  for (const row of result.rows) {
    const rk = keyOf(row, rowDims);
    const ck = keyOf(row, colDims);
    if (!rowKeys.has(rk.id)) rowKeys.set(rk.id, rk);
    if (!colKeys.has(ck.id)) colKeys.set(ck.id, ck);
    for (const m of measureCols) {
      const v = toNumber(row[m.key]);
      if (v === undefined) continue;
      push(`c|${rk.id}|${ck.id}|${m.key}`, v);
      push(`r|${rk.id}|${m.key}`, v);
      push(`k|${ck.id}|${m.key}`, v);
      push(`g|${m.key}`, v);
    }
  }
  const combiners = new Map(measureCols.map((m) => [m.key, combiner(m, measures?.find((x) => x.id === m.key))]));
  // One contributing cell is its own total, whatever the aggregate.
  const read = (k: string, measure: string) => {
    const xs = cells.get(k);
    if (!xs?.length) return undefined;
    return xs.length === 1 ? xs[0] : combiners.get(measure)?.(xs);
  };
  return {
    rowDims,
    colDims,
    measures: measureCols,
    rowKeys: [...rowKeys.values()],
    colKeys: colDims.length ? [...colKeys.values()].sort((a, b) => compareValues(a.values, b.values)) : [{ id: '[]', values: [], labels: [] }],
    cell: (r, c, m) => read(`c|${r}|${c}|${m}`, m),
    rowTotal: (r, m) => read(`r|${r}|${m}`, m),
    colTotal: (c, m) => read(`k|${c}|${m}`, m),
    grandTotal: (m) => read(`g|${m}`, m),
  };
}
