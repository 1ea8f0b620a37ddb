/**
 * @kiln/engine-reports — report and dashboard definitions compiled to SQL: the definition format
 * (`types.ts`), publish-time validation, parameter resolution, the compiler (one scan, one GROUP
 * BY, every identifier from the storage catalog, every value bound), result shaping and pure
 * ECharts options, records behind a chart, CSV export. No I/O: the runtime runs the queries.
 */

// ---- types ----
export * from './types.js';
export type { Catalog, CompileOptions, DrillStep, RowFilter, FieldFilter, StorageColumn, FormStorageInfo } from './catalog.js';
export type { DatasetField, DateRange, ReportProblem, ResolvedParam, ValueType } from './model.js';
export type { ReportErrorCode, ReportErrorInfo } from './errors.js';
export type { CompiledReport } from './compile/compile-report.js';
export type { DimensionMeta } from './compile/dimensions.js';
export type { MeasureMeta } from './compile/measures.js';
export type { TreeMeta } from './compile/tree.js';
export type { PivotTable } from './chart/pivot.js';
export type { CompiledQuery } from 'kysely';

// ---- constants ----
export { ENGINE_VERSION } from './version.js';
export { VALUE_TYPES } from './model.js';
export { LIMITS } from './compile/prepare.js';
export { OTHERS_KEY } from './compile/drill.js';
export { DEFAULT_TIME_ZONE } from './compile/context.js';

// ---- errors ----
export { REPORT_ERROR_CODES, REPORT_ERRORS, ReportError, reportErrorsMarkdown } from './errors.js';

// ---- validation and the studio palette ----
export { validateReport } from './validate/validate-report.js';
export { validateDashboard } from './validate/validate-dashboard.js';
export { datasetFields } from './dataset-fields.js';

// ---- parameters ----
export { resolveParams } from './params/resolve-params.js';

// ---- compiler ----
export { compileReport } from './compile/compile-report.js';
export { compileRecords } from './compile/records.js';

// ---- results ----
export { buildResult } from './result/build-result.js';
export { chartOption } from './chart/chart-option.js';
export { pivotTable } from './chart/pivot.js';
export { toCsv } from './csv.js';
