import type { Aggregate } from './types.js';
import type { ReportErrorCode } from './errors.js';

/** A problem `validateReport` / `validateDashboard` found: code, JSON pointer into the definition, message in the caller's locale. */
export interface ReportProblem {
  readonly code: ReportErrorCode;
  readonly path: string;
  readonly message: string;
}

/** How a field's values behave in a report (what the studio palette and the charts care about). */
export const VALUE_TYPES = ['number', 'money', 'text', 'date', 'datetime', 'boolean', 'region', 'relation', 'select'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** One addressable path of a dataset, for the studio's field palette. */
export interface DatasetField {
  readonly path: string;
  /** Localized, hops joined with ` › ` (e.g. `客户 › 地区`). */
  readonly label: string;
  /** The form field type (`formula` fields keep `formula`; computed columns are `expr` / `rollup`; system fields their natural type). */
  readonly type: string;
  readonly valueType: ValueType;
  /** date/datetime: can take a time bucket. */
  readonly canBucket: boolean;
  /** region: can take a level. */
  readonly canLevel: boolean;
  /** Can be a dimension (groupable scalar). */
  readonly canGroup: boolean;
  readonly aggregates: readonly Aggregate[];
}

/** A `date_range` value resolved in the report's time zone: half-open `[from, to)`. */
export interface DateRange {
  /** ISO instant of the first day's start. */
  readonly from: string;
  /** ISO instant of the start of the day after the last. */
  readonly to: string;
  /** First day `YYYY-MM-DD`. */
  readonly fromDate: string;
  /** The day after the last `YYYY-MM-DD` (exclusive). */
  readonly toDate: string;
  readonly days: number;
}

/**
 * A parameter value after `resolveParams`. A `date_range` of `all` has no `range` (filters on it
 * are skipped); parameters without a value and without a default are absent from the map.
 */
export type ResolvedParam =
  | { readonly type: 'date_range'; readonly raw: string; readonly range?: DateRange }
  | { readonly type: 'select' | 'choice' | 'text'; readonly value: string }
  | { readonly type: 'number' | 'relation'; readonly value: number };
