import type { Locale } from '@kiln/engine-forms';
import { chartValue, unitSuffix } from '../result/format.js';
import type { ResultColumn } from '../types.js';

/** The columns a chart reads: dimensions (with the key naming their values) and measures. @internal */
export interface ChartColumns {
  readonly dims: readonly ResultColumn[];
  readonly measures: readonly ResultColumn[];
}

/** Splits result columns by role. @internal */
export function chartColumns(columns: readonly ResultColumn[]): ChartColumns {
  return { dims: columns.filter((c) => c.role === 'dimension'), measures: columns.filter((c) => c.role === 'measure') };
}

/** The display name of a dimension value in a row (its label column, else the value). @internal */
export function nameOf(dim: ResultColumn, row: Record<string, unknown>): string {
  const label = dim.labelKey ? row[dim.labelKey] : undefined;
  const v = label ?? row[dim.key];
  return v === null || v === undefined ? '' : String(v);
}

/** A measure's series name with its unit: `订单金额 (元)`, `Share (%)`. @internal */
export const seriesName = (m: ResultColumn, locale: Locale): string => `${m.label}${unitSuffix(m.format, locale)}`;

/** A row's measure value as charted (yuan, percent 0–100). @internal */
export const plotted = (m: ResultColumn, row: Record<string, unknown> | undefined): number | null => (row ? chartValue(row[m.key], m.format) : null);

/** Distinct values of a dimension in row order, with their names. @internal */
export function categories(dim: ResultColumn, rows: readonly Record<string, unknown>[]): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const row of rows) {
    const key = JSON.stringify(row[dim.key] ?? null);
    if (!seen.has(key)) seen.set(key, nameOf(dim, row));
  }
  return [...seen.entries()].map(([key, name]) => ({ key, name }));
}

/** The value axis name: the shared unit of the measures on it. @internal */
export function axisName(measures: readonly ResultColumn[], locale: Locale): string {
  const formats = new Set(measures.map((m) => m.format));
  if (formats.size !== 1) return '';
  const f = measures[0]?.format;
  if (f === 'money') return locale === 'en' ? 'CNY' : '元';
  if (f === 'percent') return '%';
  return '';
}
