import { parseExpression } from '@kiln/engine-rules';
import { sql } from 'kysely';
import type { ValueType } from '../model.js';
import type { Scope } from '../paths/scope.js';
import { list, type Sql } from '../sql/kysely.js';
import { bi } from '../text.js';
import { fail } from './context.js';

/** Longest expression source of a computed column. */
export const MAX_EXPR_LENGTH = 2000;

/** A compiled expression. @internal */
export interface CompiledExpr {
  readonly sql: Sql;
  readonly valueType: ValueType;
  readonly usesLine: boolean;
}

/** The ESTree node fields this compiler reads (acorn's output). */
interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [k: string]: unknown;
}

const NUMERIC = new Set<ValueType>(['number', 'money']);
const CMP: Record<string, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '===': '=', '!=': '<>', '!==': '<>' };

/** Helpers a report column may call, compiled to SQL functions of the same meaning. */
const HELPERS: Record<string, { min: number; max: number; returns: (args: CompiledExpr[]) => ValueType; emit: (a: Sql[]) => Sql; args: 'numeric' | 'text' }> = {
  'num.round': { min: 1, max: 2, args: 'numeric', returns: () => 'number', emit: (a) => (a[1] ? sql`round((${a[0]})::numeric, (${a[1]})::int)` : sql`round((${a[0]})::numeric)`) },
  'num.floor': { min: 1, max: 1, args: 'numeric', returns: () => 'number', emit: (a) => sql`floor(${a[0]})` },
  'num.ceil': { min: 1, max: 1, args: 'numeric', returns: () => 'number', emit: (a) => sql`ceil(${a[0]})` },
  'num.abs': { min: 1, max: 1, args: 'numeric', returns: (x) => x[0]!.valueType, emit: (a) => sql`abs(${a[0]})` },
  'num.min': { min: 1, max: 20, args: 'numeric', returns: (x) => (x.every((e) => e.valueType === 'money') ? 'money' : 'number'), emit: (a) => sql`least(${list(a)})` },
  'num.max': { min: 1, max: 20, args: 'numeric', returns: (x) => (x.every((e) => e.valueType === 'money') ? 'money' : 'number'), emit: (a) => sql`greatest(${list(a)})` },
  'money.pct': { min: 2, max: 2, args: 'numeric', returns: () => 'money', emit: (a) => sql`floor((${a[0]}) * (${a[1]}) / 100.0)` },
  'str.lower': { min: 1, max: 1, args: 'text', returns: () => 'text', emit: (a) => sql`lower(${a[0]})` },
  'str.upper': { min: 1, max: 1, args: 'text', returns: () => 'text', emit: (a) => sql`upper(${a[0]})` },
  'str.trim': { min: 1, max: 1, args: 'text', returns: () => 'text', emit: (a) => sql`btrim(${a[0]})` },
  'str.len': { min: 1, max: 1, args: 'text', returns: () => 'number', emit: (a) => sql`char_length(${a[0]})` },
};

const TEXTUAL = new Set<ValueType>(['text', 'select', 'region']);

/**
 * Compiles a computed column's rule-language expression to SQL over the dataset row: a safe
 * subset (literals, `record.<path>`, arithmetic, comparisons, logic, `?:`, a few helpers).
 * Division by zero gives NULL (as a formula that fails). Anything else is
 * REPORT_EXPR_UNSUPPORTED; syntax and type errors are REPORT_EXPR_INVALID. @internal
 */
export function compileExpr(scope: Scope, source: unknown, at: string): CompiledExpr {
  const ctx = scope.ctx;
  if (typeof source !== 'string' || source.trim() === '' || source.length > MAX_EXPR_LENGTH) {
    fail(ctx, 'REPORT_EXPR_INVALID', at, bi(`表达式应为不超过 ${MAX_EXPR_LENGTH} 个字符的文本`, `The expression is a text of at most ${MAX_EXPR_LENGTH} characters`));
  }
  const parsed = parseExpression(source, ['record']);
  if (!parsed.ok) {
    const e = parsed.error;
    fail(ctx, 'REPORT_EXPR_INVALID', at, bi(`表达式语法错误（第 ${e.line} 行第 ${e.column} 列）：${e.detail}`, `Syntax error at ${e.line}:${e.column}: ${e.detail}`), { line: e.line, column: e.column });
  }
  if (parsed.parsed.mode !== 'expression') {
    fail(ctx, 'REPORT_EXPR_UNSUPPORTED', at, bi('报表计算列只支持单个表达式（不支持 return 语句）', 'A report column is one expression (no statements or return)'));
  }
  let usesLine = false;
  const unsupported = (n: Node, what: string): never =>
    fail(ctx, 'REPORT_EXPR_UNSUPPORTED', at, bi(`报表计算列不支持 ${what}（位置 ${n.start}）`, `Report columns cannot compute ${what} (at ${n.start})`), { from: n.start, to: n.end, node: n.type });
  const typeError = (n: Node, why: string, whyZh: string): never =>
    fail(ctx, 'REPORT_EXPR_INVALID', at, bi(`${whyZh}（位置 ${n.start}）`, `${why} (at ${n.start})`), { from: n.start, to: n.end });

  const memberPath = (n: Node): string[] | undefined => {
    if (n.type === 'Identifier') return [n.name as string];
    if (n.type !== 'MemberExpression' || n.optional) return undefined;
    const obj = memberPath(n.object as Node);
    const prop = n.property as Node;
    if (!obj) return undefined;
    if (!n.computed && prop.type === 'Identifier') return [...obj, prop.name as string];
    if (n.computed && prop.type === 'Literal' && typeof prop.value === 'string') return [...obj, prop.value];
    return undefined;
  };

  const numeric = (n: Node): CompiledExpr => {
    const e = walk(n);
    if (!NUMERIC.has(e.valueType)) typeError(n, 'A number is needed here', '此处需要数字');
    return e;
  };
  const boolean = (n: Node): CompiledExpr => {
    const e = walk(n);
    if (e.valueType !== 'boolean') typeError(n, 'A true/false value is needed here', '此处需要真/假值');
    return e;
  };
  const out = (s: Sql, valueType: ValueType): CompiledExpr => ({ sql: s, valueType, usesLine: false });

  function walk(n: Node): CompiledExpr {
    switch (n.type) {
      case 'Literal': {
        const v = n.value;
        if (typeof v === 'number') return Number.isFinite(v) ? out(sql.lit(v), 'number') : unsupported(n, 'this number');
        if (typeof v === 'string') return out(sql`${v}::text`, 'text');
        if (typeof v === 'boolean') return out(sql.raw(v ? 'true' : 'false'), 'boolean');
        if (v === null) return out(sql`null`, 'number');
        return unsupported(n, 'this literal');
      }
      case 'MemberExpression': {
        const segs = memberPath(n);
        if (!segs || segs[0] !== 'record' || segs.length < 2) return unsupported(n, 'this value (use record.<field>)');
        const r = scope.resolve(segs.slice(1).join('.'), at);
        if (!r.groupable) typeError(n, `"${r.path}" cannot be used in an expression`, `"${r.path}" 不能用于表达式`);
        if (r.usesLine) usesLine = true;
        return out(r.sql, r.valueType);
      }
      case 'UnaryExpression': {
        const op = n.operator as string;
        if (op === '-') {
          const e = numeric(n.argument as Node);
          return out(sql`(- ${e.sql})`, e.valueType);
        }
        if (op === '+') return numeric(n.argument as Node);
        if (op === '!') return out(sql`(not ${boolean(n.argument as Node).sql})`, 'boolean');
        return unsupported(n, `the operator ${op}`);
      }
      case 'BinaryExpression': {
        const op = n.operator as string;
        const left = n.left as Node;
        const right = n.right as Node;
        if (op in CMP) {
          const isNull = (x: Node) => x.type === 'Literal' && x.value === null;
          if (isNull(right) || isNull(left)) {
            if (op !== '===' && op !== '==' && op !== '!==' && op !== '!=') typeError(n, 'null can only be compared with === / !==', 'null 只能用 === / !== 比较');
            const e = walk(isNull(right) ? left : right);
            return out(op.startsWith('!') ? sql`(${e.sql} is not null)` : sql`(${e.sql} is null)`, 'boolean');
          }
          const a = walk(left);
          const b = walk(right);
          const kind = (t: ValueType) => (NUMERIC.has(t) ? 'n' : TEXTUAL.has(t) ? 's' : t);
          if (kind(a.valueType) !== kind(b.valueType)) typeError(n, `Cannot compare ${a.valueType} with ${b.valueType}`, `不能比较 ${a.valueType} 与 ${b.valueType}`);
          return out(sql`(${a.sql} ${sql.raw(CMP[op]!)} ${b.sql})`, 'boolean');
        }
        if (op === '+') {
          const a = walk(left);
          const b = walk(right);
          if (TEXTUAL.has(a.valueType) || TEXTUAL.has(b.valueType)) return out(sql`(${a.sql} || ${b.sql})`, 'text');
          if (!NUMERIC.has(a.valueType)) typeError(left, 'A number is needed here', '此处需要数字');
          if (!NUMERIC.has(b.valueType)) typeError(right, 'A number is needed here', '此处需要数字');
          return out(sql`(${a.sql} + ${b.sql})`, a.valueType === 'money' || b.valueType === 'money' ? 'money' : 'number');
        }
        if (op === '-' || op === '*' || op === '/' || op === '%') {
          const a = numeric(left);
          const b = numeric(right);
          const money = (a.valueType === 'money') !== (b.valueType === 'money') || (op === '-' && a.valueType === 'money');
          const type: ValueType = op === '/' && a.valueType === 'money' && b.valueType === 'money' ? 'number' : money ? 'money' : 'number';
          if (op === '/') return out(sql`((${a.sql})::numeric / nullif(${b.sql}, 0))`, type);
          if (op === '%') return out(sql`mod(${a.sql}, nullif(${b.sql}, 0))`, type);
          return out(sql`(${a.sql} ${sql.raw(op)} ${b.sql})`, type);
        }
        return unsupported(n, `the operator ${op}`);
      }
      case 'LogicalExpression': {
        const op = n.operator as string;
        if (op === '??') {
          const a = walk(n.left as Node);
          const b = walk(n.right as Node);
          return out(sql`coalesce(${a.sql}, ${b.sql})`, a.valueType);
        }
        const a = boolean(n.left as Node);
        const b = boolean(n.right as Node);
        return out(sql`(${a.sql} ${sql.raw(op === '&&' ? 'and' : 'or')} ${b.sql})`, 'boolean');
      }
      case 'ConditionalExpression': {
        const c = boolean(n.test as Node);
        const a = walk(n.consequent as Node);
        const b = walk(n.alternate as Node);
        return out(sql`(case when ${c.sql} then ${a.sql} else ${b.sql} end)`, a.valueType === 'number' && b.valueType === 'money' ? 'money' : a.valueType);
      }
      case 'CallExpression': {
        const callee = memberPath(n.callee as Node)?.join('.');
        const h = callee && Object.prototype.hasOwnProperty.call(HELPERS, callee) ? HELPERS[callee] : undefined;
        if (!h || n.optional) return unsupported(n, `the call ${callee ?? ''}`.trim());
        const args = n.arguments as Node[];
        if (args.length < h.min || args.length > h.max) typeError(n, `${callee} takes ${h.min}–${h.max} arguments`, `${callee} 需要 ${h.min}–${h.max} 个参数`);
        const compiled = args.map((a) => {
          if (a.type === 'SpreadElement') return unsupported(a, 'spread arguments');
          const e = walk(a);
          const ok = h.args === 'numeric' ? NUMERIC.has(e.valueType) : TEXTUAL.has(e.valueType);
          if (!ok) typeError(a, h.args === 'numeric' ? 'A number is needed here' : 'A text is needed here', h.args === 'numeric' ? '此处需要数字' : '此处需要文本');
          return e;
        });
        return out(h.emit(compiled.map((c) => c.sql)), h.returns(compiled));
      }
      default:
        return unsupported(n, n.type);
    }
  }
  const result = walk(parsed.parsed.node as unknown as Node);
  return { ...result, usesLine };
}
