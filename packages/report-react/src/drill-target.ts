import type { ReportResult } from '@kiln/engine-reports';
import { dimensionText, dimensionsOf, isDrillable } from './columns';

/** What a click drills into: the dimension id, its KEY value (relation id, bucket start…) and the text shown. */
export interface DrillStepInput {
  readonly dimension: string;
  readonly value: unknown;
  readonly label: string;
}

/** The part of an ECharts click event we read. @internal */
export interface ChartClick {
  readonly dataIndex?: number;
  readonly name?: string;
  readonly componentType?: string;
}

/**
 * Maps a click on a bar, slice, line point or funnel stage back to a row of `result.rows` and
 * returns the first dimension's KEY value. The server charts the distinct values of the first
 * dimension in row order, so `dataIndex` indexes those (one per row unless a second dimension
 * splits the series); the clicked `name` is checked against that group's label and, when it
 * does not match, looked up by label instead. Returns undefined for a click on nothing
 * drillable (the "others" group). A null key is the group of records without a value.
 * @internal
 */
export function drillTarget(result: ReportResult, click: ChartClick): DrillStepInput | undefined {
  const dim = dimensionsOf(result.columns)[0];
  if (!dim) return undefined;
  const name = click.name === undefined || click.name === null ? undefined : String(click.name);
  const matches = (r: Readonly<Record<string, unknown>>) => dimensionText(r, dim) === name || String(r[dim.key]) === name;
  const groups = firstRowPerValue(result.rows, dim.key);
  let row = typeof click.dataIndex === 'number' ? groups[click.dataIndex] : undefined;
  if (name !== undefined && (!row || !matches(row))) row = result.rows.find(matches);
  if (!row) return undefined;
  const value = row[dim.key];
  if (!isDrillable(value)) return undefined;
  return { dimension: dim.key, value, label: dimensionText(row, dim) };
}

/** The first row of each distinct value of `key`, in row order (the chart's categories). */
function firstRowPerValue(rows: ReportResult['rows'], key: string): Readonly<Record<string, unknown>>[] {
  const seen = new Set<string>();
  const out: Readonly<Record<string, unknown>>[] = [];
  for (const r of rows) {
    const k = JSON.stringify(r[key] ?? null);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}
