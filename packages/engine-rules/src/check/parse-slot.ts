import type { Locale } from '@kiln/engine-forms';
import { parseExpression, type ParsedExpression } from '../compile/parse-expression.js';
import type { Reporter } from './reporter.js';

/** Chinese renderings of the parser messages people meet most; others stay in English. */
const ZH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Unexpected token$/, '意外的符号'],
  [/^Unexpected character '(.*)'$/, '意外的字符 “$1”'],
  [/^Unterminated string constant$/, '字符串没有结束引号'],
  [/^Unterminated template$/, '模板字符串没有结束'],
  [/^Unterminated comment$/, '注释没有结束'],
  [/^Unterminated regular expression$/, '正则表达式没有结束'],
  [/^Identifier '(.*)' has already been declared$/, '名称 “$1” 已经声明过'],
  [/^Invalid number$/, '数字无效'],
  [/^Octal literal in strict mode$/, '严格模式下不能使用八进制数字'],
  [/^The keyword '(.*)' is reserved$/, '“$1” 是保留字'],
  [/^'return' outside of function$/, 'return 只能用在函数体中'],
  [/^Assigning to rvalue$/, '不能给这个表达式赋值'],
];

/** The parser's message in the locale. @internal */
export function syntaxDetail(detail: string, locale: Locale): string {
  if (locale === 'en') return detail;
  for (const [re, zh] of ZH) if (re.test(detail)) return detail.replace(re, zh);
  return detail;
}

/**
 * Parses the expression at `path`, reporting RULE_SYNTAX (an empty required expression, or a
 * syntax error with line/column and from/to). Returns null when it cannot be used.
 * @internal
 */
export function parseSlot(rep: Reporter, source: string, path: string, params: readonly string[], optional = false): ParsedExpression | null {
  if (source.trim() === '') {
    if (!optional) rep.add('RULE_SYNTAX', path, 'emptyExpression', {}, { source, from: 0, to: source.length });
    return null;
  }
  const r = parseExpression(source, params);
  if (r.ok) return r.parsed;
  const e = r.error;
  rep.add('RULE_SYNTAX', path, 'syntax', { detail: syntaxDetail(e.detail, rep.locale), line: e.line, column: e.column }, { source, from: e.from, to: e.to });
  return null;
}
