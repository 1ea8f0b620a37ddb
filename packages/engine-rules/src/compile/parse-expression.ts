import { getLineInfo, parse, Parser, tokTypes, type BlockStatement, type Expression, type Options, type TokenType } from 'acorn';

/**
 * How an expression source was read: one JavaScript expression (`record.total > 0`), or a
 * function body with `return` (`const x = 1; return x + 1;`).
 */
export type ExpressionMode = 'expression' | 'body';

/** A parsed expression source. Node positions minus `offset` are offsets into `source`. */
export interface ParsedExpression {
  readonly mode: ExpressionMode;
  readonly source: string;
  /** `expression`: the expression; `body`: the function body block. */
  readonly node: Expression | BlockStatement;
  readonly offset: number;
}

/** A syntax error, positioned in the expression's own source (line/column 1-based). */
export interface ExpressionSyntaxError {
  /** Acorn's message without its position suffix, e.g. `Unexpected token`. */
  readonly detail: string;
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
}

/** The parsed expression, or where and why it does not parse. */
export type ParseExpressionResult = { readonly ok: true; readonly parsed: ParsedExpression } | { readonly ok: false; readonly error: ExpressionSyntaxError };

/** Acorn options: latest syntax, strict mode (the program runs strict), script goal. */
export const ACORN_OPTIONS: Options = Object.freeze({ ecmaVersion: 'latest', sourceType: 'script', strict: true, allowHashBang: false }) as Options;

/**
 * The text a function-body source is parsed in, and emitted in (compile/emit-expression.ts):
 * the same parameters, so `let record = 1` is refused here exactly as V8 would refuse it.
 * @internal
 */
export function bodyPrefix(params: readonly string[]): string {
  return `(function (${params.join(', ')}) {\n`;
}

interface AcornError {
  message: string;
  pos?: number;
}

function isAcornError(e: unknown): e is AcornError {
  return e instanceof SyntaxError;
}

/** Where a source offset is: 1-based line and column, counted like V8 counts lines. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const p = getLineInfo(source, Math.max(0, Math.min(offset, source.length)));
  return { line: p.line, column: p.column + 1 };
}

function syntaxError(source: string, e: unknown, shift: number): ExpressionSyntaxError {
  const err = isAcornError(e) ? e : { message: String(e) };
  const from = Math.max(0, Math.min(source.length, (err.pos ?? source.length + shift) - shift));
  const to = Math.min(source.length, from + 1);
  return { detail: err.message.replace(/\s*\(\d+:\d+\)$/, ''), ...lineColumn(source, from), from, to };
}

/** The parts of acorn's Parser that `parseExpressionAt` uses, plus where it stopped. */
interface ExpressionParser {
  nextToken(): void;
  parseExpression(): Expression;
  /** The current token (after the expression): must be the end of the input. */
  readonly type: TokenType;
  readonly start: number;
}
const ExpressionParserClass = Parser as unknown as new (options: Options, input: string, startPos: number) => ExpressionParser;

function tryExpression(source: string): ParseExpressionResult {
  // Like acorn's parseExpressionAt, but keeping the parser to see where it stopped: a node's
  // `end` leaves out enclosing parentheses, so `({ a: 1 })` would look unfinished.
  try {
    const p = new ExpressionParserClass(ACORN_OPTIONS, source, 0);
    p.nextToken();
    const node = p.parseExpression();
    if (p.type !== tokTypes.eof) return { ok: false, error: syntaxError(source, Object.assign(new SyntaxError('Unexpected token'), { pos: p.start }), 0) };
    return { ok: true, parsed: { mode: 'expression', source, node, offset: 0 } };
  } catch (e) {
    return { ok: false, error: syntaxError(source, e, 0) };
  }
}

function tryBody(source: string, params: readonly string[]): ParseExpressionResult {
  const prefix = bodyPrefix(params);
  const wrapped = `${prefix}${source}\n})`;
  try {
    const program = parse(wrapped, ACORN_OPTIONS);
    const stmt = program.body[0];
    const fn = stmt?.type === 'ExpressionStatement' ? stmt.expression : undefined;
    // The source must be exactly the function's body (it cannot close the function early).
    if (program.body.length !== 1 || fn?.type !== 'FunctionExpression' || fn.start !== 1 || fn.end !== wrapped.length - 1) {
      const at = fn && fn.type === 'FunctionExpression' ? fn.body.end - 1 : prefix.length;
      return { ok: false, error: syntaxError(source, Object.assign(new SyntaxError('Unexpected token'), { pos: at }), prefix.length) };
    }
    return { ok: true, parsed: { mode: 'body', source, node: fn.body, offset: prefix.length } };
  } catch (e) {
    return { ok: false, error: syntaxError(source, e, prefix.length) };
  }
}

/**
 * Parses an expression source: first as one expression consuming all the input, else as a
 * function body whose parameters are `params` (the fact names of its context). Errors are
 * positioned in `source`; when both readings fail, the error that got further is reported.
 *
 * @example
 * parseExpression('record.total > 0').parsed.mode   // 'expression'
 * parseExpression('return 1;').parsed.mode          // 'body'
 * parseExpression('record.total >').error.column    // 15
 */
export function parseExpression(source: string, params: readonly string[] = []): ParseExpressionResult {
  const asExpression = tryExpression(source);
  if (asExpression.ok) return asExpression;
  const asBody = tryBody(source, params);
  if (asBody.ok) return asBody;
  return asBody.error.from > asExpression.error.from ? asBody : asExpression;
}
