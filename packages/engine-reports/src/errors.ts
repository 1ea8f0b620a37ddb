/** One entry of the error registry. */
export interface ReportErrorInfo {
  /** HTTP status the runtime answers when the error reaches the API on its own. */
  readonly status: number;
  /** Generic message; validation and the compiler give a concrete one. */
  readonly message: { readonly 'zh-CN': string; readonly en: string };
  /** What the report author (or the API client) should do about it. */
  readonly fix: string;
}

/** Every code engine-reports reports. Codes are stable: clients branch on them, never rename one. */
export const REPORT_ERROR_CODES = [
  'REPORT_DEFINITION_INVALID', 'REPORT_ID_DUPLICATE', 'REPORT_LIMIT_EXCEEDED', 'REPORT_FORM_UNKNOWN', 'REPORT_FIELD_UNKNOWN',
  'REPORT_FIELD_UNSUPPORTED', 'REPORT_AGGREGATE_INVALID', 'REPORT_DIMENSION_INVALID', 'REPORT_MEASURE_INVALID', 'REPORT_FILTER_INVALID',
  'REPORT_SORT_INVALID', 'REPORT_TOPN_INVALID', 'REPORT_VISUAL_INVALID', 'REPORT_DRILL_INVALID', 'REPORT_PARAM_UNKNOWN',
  'REPORT_PARAM_INVALID', 'REPORT_EXPR_INVALID', 'REPORT_EXPR_UNSUPPORTED', 'REPORT_ROLLUP_INVALID', 'REPORT_NOT_FOUND',
  'REPORT_DASHBOARD_INVALID', 'REPORT_STORAGE_INVALID', 'REPORT_FIELD_HIDDEN',
] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

/**
 * Every code engine-reports produces, with its HTTP status, a generic bilingual message and a
 * fix: 422 for a bad definition, 400 for a malformed view-time parameter or drill step, 404 for
 * something unknown, 500 for a storage catalog that breaks the identifier rules.
 */
export const REPORT_ERRORS = {
  REPORT_DEFINITION_INVALID: { status: 422, message: { 'zh-CN': '报表定义无效', en: 'The report definition is invalid' }, fix: 'Follow the format in packages/engine-reports/src/types.ts: key, name, dataset.form, dimensions and measures arrays with ids matching ^[A-Za-z][A-Za-z0-9_]*$ (no "__"), a known visual type, a valid IANA timeZone.' },
  REPORT_ID_DUPLICATE: { status: 422, message: { 'zh-CN': '标识重复', en: 'Duplicate id' }, fix: 'Give every dimension, measure, computed column and parameter its own id (they share one namespace, because they become result columns).' },
  REPORT_LIMIT_EXCEEDED: { status: 422, message: { 'zh-CN': '超出报表限制', en: 'A report limit is exceeded' }, fix: 'At most 5 dimensions and 20 measures; limit 1–10000 (records pages 1–1000); topN 1–1000; tree depth 1–10.' },
  REPORT_FORM_UNKNOWN: { status: 404, message: { 'zh-CN': '表单不存在或未发布', en: 'Unknown or unpublished form' }, fix: 'Point dataset.form (or a rollup/relation/param form) at a published form of the same app.' },
  REPORT_FIELD_UNKNOWN: { status: 422, message: { 'zh-CN': '字段路径无法解析', en: 'The field path does not resolve' }, fix: 'Use a field key of the dataset form, a system field (id, createdAt, updatedAt, createdBy), up to three hops through single relations (customer.referrer.name), `<sub-table>.<field>` with dataset.unnest, or `$<column id>`.' },
  REPORT_FIELD_UNSUPPORTED: { status: 422, message: { 'zh-CN': '该字段不能用于此处', en: 'The field cannot be used here' }, fix: 'Sub-tables are read through dataset.unnest; many-relations and multi-selects can only be filtered; a path cannot hop through a many-relation.' },
  REPORT_AGGREGATE_INVALID: { status: 422, message: { 'zh-CN': '聚合方式与字段类型不匹配', en: 'The aggregate does not fit the field type' }, fix: 'sum/avg need a number, money or numeric formula/column; min/max a number, money, date or date-time; count_distinct a groupable field. On an unnested dataset, sum/avg only line fields (record fields would count once per line).' },
  REPORT_DIMENSION_INVALID: { status: 422, message: { 'zh-CN': '维度无效', en: 'Invalid dimension' }, fix: 'bucket (day/week/month/quarter/year) only on date or date-time fields, level (province/city/district) only on region fields; a dimension needs a groupable field (not a sub-table, many-relation or multi-select).' },
  REPORT_MEASURE_INVALID: { status: 422, message: { 'zh-CN': '指标无效', en: 'Invalid measure' }, fix: 'ratio needs num and den, share and running need of; they must name other measures of the report, without cycles. count needs no field, the other aggregates do.' },
  REPORT_FILTER_INVALID: { status: 422, message: { 'zh-CN': '筛选条件无效', en: 'Invalid filter' }, fix: 'Use an operator that applies to the field and a value of its type (numbers for number/money in fen, ids for relations, an option value for selects, ISO dates), `between` as [from, to) or a date_range parameter, `in` with at most 1000 values; give either value or param.' },
  REPORT_SORT_INVALID: { status: 422, message: { 'zh-CN': '排序无效', en: 'Invalid sort' }, fix: 'Sort by the id of a dimension or measure of the report.' },
  REPORT_TOPN_INVALID: { status: 422, message: { 'zh-CN': '前 N 设置无效', en: 'Invalid top N' }, fix: 'topN needs at least one dimension, n between 1 and 1000 and `by` naming an aggregate measure (not a derived one; not count_distinct when there are several dimensions).' },
  REPORT_VISUAL_INVALID: { status: 422, message: { 'zh-CN': '图表设置不适用', en: 'The visual does not fit the report' }, fix: 'pie/donut/funnel: one dimension and one measure; kpi: no dimension, one measure (compare names a date_range parameter); bar/line/area: one or two dimensions; pivot: visual.pivot rows/columns naming the dimensions; tree: visual.tree with a self relation of the dataset form, a relation parameter as root, no dimensions.' },
  REPORT_DRILL_INVALID: { status: 400, message: { 'zh-CN': '下钻参数无效', en: 'Invalid drill step' }, fix: 'Each step names a dimension of the report and a value as returned in its rows (a relation id, a bucket start YYYY-MM-DD aligned to the bucket, a region code of the level, an option value); the "others" row cannot be drilled.' },
  REPORT_PARAM_UNKNOWN: { status: 422, message: { 'zh-CN': '引用的参数未声明', en: 'The referenced parameter is not declared' }, fix: 'Declare the parameter in `params` (filters, `when`, visual.compare and visual.tree.root refer to params by key) with the type the reference needs.' },
  REPORT_PARAM_INVALID: { status: 400, message: { 'zh-CN': '参数值无效', en: 'Invalid parameter value' }, fix: 'date_range: a preset (today, last_7_days, …, all) or YYYY-MM-DD..YYYY-MM-DD; select/choice: one of the options; number: a finite number; relation: a positive integer id; text: at most 200 characters. Required parameters need a value or a default.' },
  REPORT_EXPR_INVALID: { status: 422, message: { 'zh-CN': '计算列表达式无效', en: 'Invalid column expression' }, fix: 'Write one rule-language expression over `record.<path>` (e.g. `record.total - record.postage`); it must parse and its operands must have fitting types.' },
  REPORT_EXPR_UNSUPPORTED: { status: 422, message: { 'zh-CN': '计算列表达式使用了不支持的写法', en: 'The column expression uses something reports cannot compute' }, fix: 'Report columns support numbers, strings, booleans, null, record.<path>, + - * / %, comparisons, && || ! ??, c ? a : b and num.round/floor/ceil/abs/min/max, str.lower/upper/trim/len, money.pct. Move anything else into a formula field of the form.' },
  REPORT_ROLLUP_INVALID: { status: 422, message: { 'zh-CN': '汇总列无效', en: 'Invalid rollup column' }, fix: 'form names another form, via a single relation field of it pointing at the dataset form, agg fits field (count needs none); filters use fields of that form.' },
  REPORT_NOT_FOUND: { status: 404, message: { 'zh-CN': '报表不存在', en: 'No such report' }, fix: 'Use the key of a report of the app (dashboards place reports by key).' },
  REPORT_DASHBOARD_INVALID: { status: 422, message: { 'zh-CN': '仪表盘定义无效', en: 'The dashboard definition is invalid' }, fix: 'Items need unique ids and a grid position inside 12 columns (x ≥ 0, w ≥ 1, x + w ≤ 12, h ≥ 1); filters need unique params that some report declares with the same type; refreshSeconds is 0 or at least 5.' },
  REPORT_STORAGE_INVALID: { status: 500, message: { 'zh-CN': '存储目录中的标识符不安全', en: 'An identifier in the storage catalog is unsafe' }, fix: 'A table or column name does not match ^[a-z][a-z0-9_]{0,62}$: the storage registry is corrupt; republish the app.' },
  REPORT_FIELD_HIDDEN: { status: 403, message: { 'zh-CN': '报表读取了您的角色隐藏的字段', en: 'The report reads a field your roles hide' }, fix: 'The viewer\'s app roles hide a field this report groups, measures, filters or joins by. Grant the field to the role (roles designer → fields), or take the report off the role\'s reports, or build a report for that role without the field.' },
} as const satisfies Record<ReportErrorCode, ReportErrorInfo>;

/**
 * The error the compiler, `resolveParams` and `buildResult` throw: a stable code, a JSON pointer
 * into the definition (or `/params/<key>`, `/drill/<i>`) and details for the client.
 *
 * @example
 * try { compileReport(def, catalog, opts) } catch (e) { if (e instanceof ReportError) reply.code(REPORT_ERRORS[e.code].status) }
 */
export class ReportError extends Error {
  readonly code: ReportErrorCode;
  readonly path?: string;
  readonly details?: Record<string, unknown>;
  /** The message in both UI languages (`message` is one of them: the caller's locale, zh-CN by default). */
  readonly messages: { readonly 'zh-CN': string; readonly en: string };
  constructor(
    code: ReportErrorCode,
    messages?: { readonly 'zh-CN': string; readonly en: string },
    options: { path?: string; details?: Record<string, unknown>; locale?: 'zh-CN' | 'en' } = {},
  ) {
    const m = messages ?? REPORT_ERRORS[code].message;
    super(m[options.locale ?? 'zh-CN']);
    this.name = 'ReportError';
    this.code = code;
    this.messages = m;
    if (options.path !== undefined) this.path = options.path;
    if (options.details !== undefined) this.details = options.details;
  }

  /** The same error with its message in `locale`. */
  localized(locale: 'zh-CN' | 'en'): ReportError {
    return new ReportError(this.code, this.messages, { path: this.path, details: this.details, locale });
  }
}

/**
 * The registry as a Markdown table (code, HTTP status, English message, Chinese message, fix),
 * for the runtime to include in docs/errors.md.
 */
export function reportErrorsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = REPORT_ERROR_CODES.map((code) => {
    const e: ReportErrorInfo = REPORT_ERRORS[code];
    return `| \`${code}\` | ${e.status} | ${esc(e.message.en)} | ${esc(e.message['zh-CN'])} | ${esc(e.fix)} |`;
  });
  return ['| Code | HTTP | Message | 中文 | Fix |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
