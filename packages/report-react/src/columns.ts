import type { ResultColumn } from '@kiln/engine-reports';
import { formatValue } from './format-value';
import type { ReportLocale } from './messages';

type Row = Readonly<Record<string, unknown>>;

/** The dimension columns of a result, in order. @internal */
export const dimensionsOf = (columns: readonly ResultColumn[]) => columns.filter((c) => c.role === 'dimension');

/** The measure columns of a result, in order. @internal */
export const measuresOf = (columns: readonly ResultColumn[]) => columns.filter((c) => c.role === 'measure');

/** Label columns that name a dimension's values (shown in the dimension's cell, not on their own). @internal */
export function usedLabelKeys(columns: readonly ResultColumn[]): Set<string> {
  return new Set(columns.flatMap((c) => (c.role === 'dimension' && c.labelKey ? [c.labelKey] : [])));
}

/**
 * The text of a dimension value in `row`: its label column's value when the dimension has one
 * (a relation's name, a bucket's "2026-03"), else the key itself, unformatted (ids stay `12345`).
 * @internal
 */
export function dimensionText(row: Row, col: ResultColumn): string {
  const label = col.labelKey ? row[col.labelKey] : undefined;
  const v = label !== undefined && label !== null && label !== '' ? label : row[col.key];
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The text of any cell: dimensions through `dimensionText`, the rest through `formatValue`. @internal */
export function cellText(row: Row, col: ResultColumn, locale: ReportLocale): string {
  return col.role === 'dimension' ? dimensionText(row, col) : formatValue(row[col.key], col.format, locale);
}

/**
 * The key of the top-N "others" group (mirrors the engine's `OTHERS_KEY`; not imported, so the
 * browser bundle does not pull in the engine).
 * @internal
 */
export const OTHERS_KEY = '__others__';

/** Whether a dimension value can be drilled into: any value but the "others" group (null is the "empty" group). @internal */
export const isDrillable = (value: unknown): boolean => value !== undefined && value !== OTHERS_KEY;
