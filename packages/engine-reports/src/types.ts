/**
 * The stored shape of a report and of a dashboard: metadata a business analyst edits in the
 * studio, versioned on publish, exported to template files. Identity is by stable `id`/`key`.
 *
 * A report reads one *dataset* (a form, optionally one row per sub-table line), groups it by
 * *dimensions*, computes *measures*, and shows them as a *visual*. Field references are paths:
 *
 * - `status`             a field of the dataset's form (or a system field: `id`, `createdAt`, `updatedAt`, `createdBy`)
 * - `customer.region`    through a single relation field (up to three hops: `customer.referrer.name`)
 * - `lines.sku`          a field of the unnested sub-table (`dataset.unnest = 'lines'`)
 * - `$margin`            a computed column of the dataset (`dataset.columns[].id`)
 *
 * Every path is resolved through the form definitions and the storage catalog (the identifier
 * allow-list); nothing a user types reaches SQL except as a bound value.
 */

/** A text in both UI languages (a plain string is shown as is in both). */
export type Localized = string | { readonly 'zh-CN'?: string; readonly en?: string };

export const VISUAL_TYPES = ['bar', 'stacked_bar', 'line', 'area', 'pie', 'donut', 'funnel', 'kpi', 'table', 'pivot', 'tree'] as const;
export type VisualType = (typeof VISUAL_TYPES)[number];

export const TIME_BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];

/** Aggregates over rows, and derived measures over other measures. */
export const AGGREGATES = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'] as const;
export const DERIVED = ['ratio', 'difference', 'share', 'running'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
export type DerivedKind = (typeof DERIVED)[number];

export const FILTER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'null', 'notnull', 'contains'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const PARAM_TYPES = ['date_range', 'select', 'text', 'number', 'relation', 'choice'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** How values are shown: money is stored in fen and shown in yuan. */
export const VALUE_FORMATS = ['number', 'integer', 'money', 'percent'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** Presets a `date_range` parameter accepts besides `YYYY-MM-DD..YYYY-MM-DD`. */
export const DATE_RANGE_PRESETS = ['today', 'last_7_days', 'last_30_days', 'last_90_days', 'this_month', 'last_month', 'this_quarter', 'this_year', 'all'] as const;
export type DateRangePreset = (typeof DATE_RANGE_PRESETS)[number];

/** Include a dimension or measure only when a `choice` parameter has this value (switchable figures). */
export interface When {
  readonly param: string;
  readonly equals: string;
}

/**
 * A condition on a field path. `value` is a literal; `param` binds the value at view time (a
 * filter whose parameter has no value is skipped). `between` takes `[from, to)` — for a
 * `date_range` parameter the range of its days.
 */
export interface Filter {
  readonly field: string;
  readonly op: FilterOp;
  readonly value?: unknown;
  readonly param?: string;
}

/** A computed column of the dataset. */
export type DatasetColumn = ExprColumn | RollupColumn;

/** A rule-language expression over the row, compiled to SQL (arithmetic, comparisons, `and`/`or`/`not`, `if(c, a, b)`, field paths `record.x`). */
export interface ExprColumn {
  readonly id: string;
  readonly kind: 'expr';
  readonly label: Localized;
  readonly expr: string;
  readonly format?: ValueFormat;
}

/**
 * An aggregate of the records of another form that point at this row through `via`
 * (e.g. a campaign's GMV: `sum(orders.total)` via `orders.campaign`).
 */
export interface RollupColumn {
  readonly id: string;
  readonly kind: 'rollup';
  readonly label: Localized;
  readonly form: string;
  readonly via: string;
  /**
   * The field of this dataset's row that `via` holds (default: the record id, for a relation).
   * A text `via` (e.g. `orders.code`) matches a text field here (e.g. `hook_scripts.code`).
   */
  readonly match?: string;
  readonly agg: Aggregate;
  readonly field?: string;
  readonly filters?: readonly Filter[];
  readonly format?: ValueFormat;
}

export interface Dataset {
  readonly form: string;
  /** A sub-table field key: the dataset has one row per line; its fields are `<key>.<sub-field>`. */
  readonly unnest?: string;
  /** Conditions every row meets (static, or bound to parameters). */
  readonly filters?: readonly Filter[];
  readonly columns?: readonly DatasetColumn[];
}

export interface Dimension {
  readonly id: string;
  readonly field: string;
  readonly label?: Localized;
  /** date/datetime fields: the time bucket (in the report's time zone). */
  readonly bucket?: TimeBucket;
  /** region fields: the level to group at. */
  readonly level?: RegionLevelName;
  readonly when?: When;
}

/**
 * A figure. Plain aggregates read a field (`count` needs none); `filters` make it conditional
 * (`count` of paid orders). Derived measures read other measures by id:
 * `ratio` = num ÷ den (or (num − den) ÷ den with `subtract`), `difference` = num − den, `share` = of ÷ its total over all
 * groups, `running` = running total of `of` along the first dimension.
 */
export interface Measure {
  readonly id: string;
  readonly label?: Localized;
  readonly agg: Aggregate | DerivedKind;
  readonly field?: string;
  readonly filters?: readonly Filter[];
  readonly num?: string;
  readonly den?: string;
  readonly subtract?: boolean;
  readonly of?: string;
  readonly format?: ValueFormat;
  readonly when?: When;
  /** Computed (for derived measures, topN.by) but not a result column (added in engine version 1). */
  readonly hidden?: boolean;
}

export interface ParamOption {
  readonly value: string;
  readonly label: Localized;
}

/** A value chosen by the viewer (a dashboard's shared filter binds parameters of the same key). */
export interface Param {
  readonly key: string;
  readonly label: Localized;
  readonly type: ParamType;
  /** select / choice: the allowed values. */
  readonly options?: readonly ParamOption[];
  /** relation: the form whose record ids are accepted. */
  readonly form?: string;
  /** date_range: a preset or `from..to`; choice: one of the options; others: a value. */
  readonly default?: unknown;
  readonly required?: boolean;
}

export interface SortKey {
  /** A dimension or measure id. */
  readonly by: string;
  readonly desc?: boolean;
}

/** Keep the first `n` groups of the first dimension by measure `by` (descending); the rest become one "others" row. */
export interface TopN {
  readonly n: number;
  readonly by: string;
  readonly others?: boolean;
}

export interface Visual {
  readonly type: VisualType;
  /** line/area: smooth curves. */
  readonly smooth?: boolean;
  /** kpi: compare with the previous period of this date_range parameter. */
  readonly compare?: { readonly param: string };
  /** pivot: dimension ids on rows and on columns. */
  readonly pivot?: { readonly rows: readonly string[]; readonly columns: readonly string[] };
  /** tree: the self-relation field that points at the parent (e.g. `referrer`), the field shown, the root (a parameter), depth. */
  readonly tree?: { readonly parent: string; readonly label: string; readonly root: string; readonly depth?: number };
}

/** What a click on a bar or slice opens: the next dimension in `path`, or the underlying records. */
export interface Drill {
  readonly path?: readonly string[];
  readonly records?: boolean;
}

export interface ReportDefinition {
  readonly key: string;
  readonly name: Localized;
  readonly description?: Localized;
  readonly dataset: Dataset;
  readonly dimensions: readonly Dimension[];
  readonly measures: readonly Measure[];
  readonly params?: readonly Param[];
  readonly sort?: readonly SortKey[];
  readonly limit?: number;
  readonly topN?: TopN;
  readonly visual: Visual;
  readonly drill?: Drill;
  /** IANA zone for time buckets and date ranges (default Asia/Shanghai). */
  readonly timeZone?: string;
}

/** A report placed on a dashboard grid (react-grid-layout units: 12 columns). */
export interface DashboardItem {
  readonly id: string;
  readonly report: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly title?: Localized;
}

/** A filter shown once on the dashboard; its value is passed to every report declaring a parameter of the same key. */
export interface DashboardFilter {
  readonly param: string;
  readonly label: Localized;
  readonly type: ParamType;
  readonly options?: readonly ParamOption[];
  readonly form?: string;
  readonly default?: unknown;
}

export interface DashboardDefinition {
  readonly key: string;
  readonly name: Localized;
  readonly items: readonly DashboardItem[];
  readonly filters?: readonly DashboardFilter[];
  /** Auto-refresh interval in seconds (0 / absent: off; minimum 5). */
  readonly refreshSeconds?: number;
}

/** One column of a report's result. */
export interface ResultColumn {
  readonly key: string;
  readonly label: string;
  readonly role: 'dimension' | 'measure' | 'label';
  readonly format?: ValueFormat;
  /** dimension columns: the id of the label column that names its values, when there is one. */
  readonly labelKey?: string;
}

/** The answer of the data API: `{columns, rows, chart}` (contract). */
export interface ReportResult {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly Record<string, unknown>[];
  readonly chart: Record<string, unknown>;
  /** kpi with compare: the previous period's row. */
  readonly previous?: Record<string, unknown>;
  /** More groups matched than `limit`: the rows were cut (added in engine version 1). */
  readonly truncated?: boolean;
  /** tree: how many nodes each level holds, root = depth 0 (added in engine version 1). */
  readonly levels?: readonly { readonly depth: number; readonly count: number }[];
}
