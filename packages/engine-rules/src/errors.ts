import type { LocalizedText, RuleErrorCode } from './types.js';

/** One entry of the error registry. */
export interface RuleErrorInfo {
  /** HTTP status when the error reaches the API on its own (the runtime wraps evaluation errors in RULE_FAILED). */
  readonly status: number;
  /** Generic message; checks and generated code give a concrete one (see `ruleMessage`). */
  readonly message: Readonly<LocalizedText>;
  /** What the rule author should do about it. */
  readonly fix: string;
  /** Found by the static checks / compiler (`static`) or while evaluating (`runtime`). */
  readonly when: 'static' | 'runtime';
}

/**
 * Every code engine-rules reports, with its HTTP status, a generic bilingual message and a fix.
 * Codes are stable (clients branch on them); `RULE_ERROR_CODES` in types.ts lists the same set.
 */
export const RULE_ERRORS = {
  RULE_SYNTAX: { status: 422, when: 'static', message: { 'zh-CN': '表达式语法错误', en: 'The expression has a syntax error' }, fix: 'Fix the expression at line/column; an expression is one JavaScript expression or a function body with `return`.' },
  RULE_UNKNOWN_NAME: { status: 422, when: 'static', message: { 'zh-CN': '表达式使用了未知的名称', en: 'The expression uses an unknown name' }, fix: 'Use the facts of the context (record, old, changed, event, results, item, index, $), a helper, a JavaScript built-in, or declare the name.' },
  RULE_UNKNOWN_FIELD: { status: 422, when: 'static', message: { 'zh-CN': '字段不存在', en: 'No such field' }, fix: 'Use a field key of the form (not its label); the message suggests the closest key.' },
  RULE_UNKNOWN_FORM: { status: 422, when: 'static', message: { 'zh-CN': '表单不存在', en: 'No such form' }, fix: 'Use the key of a form of the same app.' },
  RULE_UNKNOWN_TABLE: { status: 422, when: 'static', message: { 'zh-CN': '决策表不存在', en: 'No such decision table' }, fix: 'Point `table` at the key of a rule of type `table`.' },
  RULE_ARG_TYPE: { status: 422, when: 'static', message: { 'zh-CN': '函数或参数类型不对', en: 'Unknown helper or wrong argument' }, fix: 'Check the helper name, the number of arguments and their types against the helper catalog.' },
  RULE_INVALID: { status: 422, when: 'static', message: { 'zh-CN': '规则定义无效', en: 'The rule definition is invalid' }, fix: 'Follow the rule format in packages/engine-rules/src/types.ts; the path names the property.' },
  RULE_TABLE_OVERLAP: { status: 422, when: 'static', message: { 'zh-CN': '决策表的行有重叠', en: 'Rows of the decision table overlap' }, fix: 'With hit policy `unique` at most one row may match any input: narrow one of the two rows, or use `first`.' },
  RULE_TABLE_CELL: { status: 422, when: 'static', message: { 'zh-CN': '决策表单元格无效', en: 'Invalid decision table cell' }, fix: 'Write `-`, `< 5`, `[1..10]`, `"a", "b"`, `not("a")`, a literal, or an expression using `$`.' },
  RULE_RUNTIME: { status: 422, when: 'runtime', message: { 'zh-CN': '规则执行出错', en: 'The rule failed while running' }, fix: 'Read the message and the line/column in the expression at `path`; guard against missing values (`record.x ?? 0`).' },
  RULE_TIMEOUT: { status: 422, when: 'runtime', message: { 'zh-CN': '规则执行超时', en: 'The rule ran out of time' }, fix: 'Avoid unbounded loops; fetch fewer records (`db.all` with a filter and limit).' },
  RULE_MEMORY_LIMIT: { status: 422, when: 'runtime', message: { 'zh-CN': '规则内存超限', en: 'The rule ran out of memory' }, fix: 'Build smaller lists and strings.' },
  RULE_RESULT_INVALID: { status: 422, when: 'runtime', message: { 'zh-CN': '表达式结果的类型不对', en: 'The expression produced a value of the wrong shape' }, fix: 'Return what the property expects (see the message), e.g. `entries` a list of objects.' },
  RULE_LOOKUP_FAILED: { status: 500, when: 'runtime', message: { 'zh-CN': '数据查询失败', en: 'A lookup failed' }, fix: 'Check the form and filter of the db.* call; retry if the database was unavailable.' },
} as const satisfies Record<RuleErrorCode, RuleErrorInfo>;

/**
 * The registry as a Markdown table (code, HTTP status, English message, Chinese message, fix),
 * for the runtime to include in docs/errors.md.
 */
export function ruleErrorsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = (Object.keys(RULE_ERRORS) as RuleErrorCode[]).map((code) => {
    const e: RuleErrorInfo = RULE_ERRORS[code];
    return `| \`${code}\` | ${e.status} | ${esc(e.message.en)} | ${esc(e.message['zh-CN'])} | ${esc(e.fix)} |`;
  });
  return ['| Code | HTTP | Message | 中文 | Fix |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
