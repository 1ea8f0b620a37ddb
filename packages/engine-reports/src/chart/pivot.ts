import type { Locale } from '@kiln/engine-forms';
import { formatValue } from '../result/format.js';
import type { ReportDefinition, ResultColumn } from '../types.js';
import { nameOf } from './axes.js';

/** A pivot laid out wide: row dimension names, then one column per column-dimension value (× measure). */
export interface PivotTable {
  readonly header: string[];
  readonly rows: (string | number | null)[][];
}

/**
 * Lays long rows out as the pivot shows them: `visual.pivot.rows` down, `visual.pivot.columns`
 * across (values joined with ` / `), a cell per measure (`<column> · <measure>` when several).
 * `cell` turns a value into the cell (formatted text by default). @internal
 */
export function pivotTable(
  def: ReportDefinition,
  columns: readonly ResultColumn[],
  rows: readonly Record<string, unknown>[],
  locale: Locale,
  cell: (c: ResultColumn, v: unknown) => string | number | null = (c, v) => (v === null || v === undefined ? null : formatValue(v, c.format, locale)),
): PivotTable {
  const dims = columns.filter((c) => c.role === 'dimension');
  const measures = columns.filter((c) => c.role === 'measure');
  const pick = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => dims.find((d) => d.key === id)).filter((d): d is ResultColumn => d !== undefined);
  let rowDims = pick(def.visual.pivot?.rows);
  let colDims = pick(def.visual.pivot?.columns);
  // Dimensions the pivot does not place (e.g. after a drill) go down the rows.
  rowDims = [...rowDims, ...dims.filter((d) => !rowDims.includes(d) && !colDims.includes(d))];
  if (!rowDims.length && !colDims.length) colDims = [];
  const key = (ds: readonly ResultColumn[], r: Record<string, unknown>) => JSON.stringify(ds.map((d) => r[d.key] ?? null));
  const colKeys = new Map<string, string>();
  const rowKeys = new Map<string, Record<string, unknown>>();
  const cells = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const ck = key(colDims, r);
    if (!colKeys.has(ck)) colKeys.set(ck, colDims.map((d) => nameOf(d, r)).join(' / '));
    const rk = key(rowDims, r);
    if (!rowKeys.has(rk)) rowKeys.set(rk, r);
    cells.set(`${rk}\u0000${ck}`, r);
  }
  const header = [
    ...rowDims.map((d) => d.label),
    ...[...colKeys.values()].flatMap((cname) => measures.map((m) => (colDims.length === 0 ? m.label : measures.length > 1 ? `${cname} · ${m.label}` : cname))),
  ];
  const out = [...rowKeys.entries()].map(([rk, sample]) => [
    ...rowDims.map((d) => nameOf(d, sample)),
    ...[...colKeys.keys()].flatMap((ck) => measures.map((m) => cell(m, cells.get(`${rk}\u0000${ck}`)?.[m.key]))),
  ]);
  return { header, rows: out };
}
