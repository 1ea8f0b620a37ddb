import { FACT_NAMES } from '../helpers.js';
import { parseExpression } from '../compile/parse-expression.js';
import { cell, type CellNode, type CellValue, type CompareOp } from './cell.js';
import { cellLiteral, rangeSeparator, splitTopLevel } from './cell-literal.js';

/** Why a cell's text is not valid cell grammar. */
export const CELL_ERROR_REASONS = ['syntax', 'compareValue', 'rangeBound', 'rangeTypes', 'emptyRange', 'listItem', 'alwaysTrue'] as const;
export type CellErrorReason = (typeof CELL_ERROR_REASONS)[number];

/** A cell error, positioned in the cell's text. `detail` is the parser's message for `syntax`. */
export interface CellError {
  readonly reason: CellErrorReason;
  readonly detail?: string;
  readonly from: number;
  readonly to: number;
}

/** The cell node, or why the text is not valid cell grammar. */
export type ParseCellResult = { readonly ok: true; readonly cell: CellNode } | { readonly ok: false; readonly error: CellError };

const OPS: ReadonlyArray<readonly [string, CompareOp]> = [
  ['!==', '!='], ['===', '='], ['<=', '<='], ['>=', '>='], ['!=', '!='], ['==', '='], ['<', '<'], ['>', '>'], ['=', '='],
];

const fail = (reason: CellErrorReason, from: number, to: number, detail?: string): ParseCellResult => ({ ok: false, error: { reason, from, to, ...(detail ? { detail } : {}) } });

function literals(parts: readonly { text: string; from: number; to: number }[]): { values: CellValue[] } | { bad: { from: number; to: number } } {
  const values: CellValue[] = [];
  for (const p of parts) {
    const lit = cellLiteral(p.text);
    if (!lit) return { bad: p };
    values.push(lit.value);
  }
  return { values };
}

function parseRange(text: string, base: number): ParseCellResult | undefined {
  const open = text[0];
  const close = text[text.length - 1];
  const bracketed = (open === '[' || open === '(') && (close === ']' || close === ')');
  const inner = bracketed ? text.slice(1, -1) : text;
  const sep = rangeSeparator(inner);
  if (sep < 0) return undefined;
  const innerBase = base + (bracketed ? 1 : 0);
  const loText = inner.slice(0, sep);
  const hiText = inner.slice(sep + 2);
  const lo = cellLiteral(loText.trim());
  const hi = cellLiteral(hiText.trim());
  if (!lo || !hi) {
    if (!bracketed) return undefined;
    const badLo = !lo;
    const from = innerBase + (badLo ? 0 : sep + 2);
    return fail('rangeBound', from, badLo ? innerBase + sep : innerBase + inner.length);
  }
  const [l, h] = [lo.value, hi.value];
  const okType = (v: CellValue) => typeof v === 'number' || typeof v === 'string';
  if (!okType(l) || !okType(h)) return fail('rangeBound', base, base + text.length);
  if (typeof l !== typeof h) return fail('rangeTypes', base, base + text.length);
  const loOpen = bracketed && open === '(';
  const hiOpen = bracketed && close === ')';
  const lv = l as number | string;
  const hv = h as number | string;
  if (lv > hv || (lv === hv && (loOpen || hiOpen))) return fail('emptyRange', base, base + text.length);
  return { ok: true, cell: cell.range(lv, hv, loOpen, hiOpen) };
}

/**
 * Parses the text of a decision-table cell (`TableRow.when[inputId]`) into a cell node:
 * `-`/empty → any; `< 5`, `>= 10`, `!= "x"` → compare; `[1..10]`, `(1..10]`, `[1..10)`,
 * `1..10` → range; `"a", "b"` / `1, 2, 3` → list; `not("a", "b")` → negated list; a literal
 * (`5`, `"vip"`, `true`, `null`, a bare ISO date) → literal; any other valid JavaScript
 * expression → expr (`$` is the input's value).
 *
 * @example
 * parseCell('[1..10)')    // { ok: true, cell: { kind: 'range', lo: 1, hi: 10, loOpen: false, hiOpen: true } }
 * parseCell('$ % 2 === 0') // { ok: true, cell: { kind: 'expr', source: '$ % 2 === 0' } }
 */
export function parseCell(raw: string): ParseCellResult {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const end = lead + text.length;
  if (text === '' || text === '-') return { ok: true, cell: cell.any() };

  const neg = /^not\s*\(([\s\S]*)\)$/.exec(text);
  if (neg) {
    const innerFrom = lead + text.indexOf('(') + 1;
    const parts = splitTopLevel(neg[1]!, innerFrom);
    const r = literals(parts);
    if ('bad' in r) return fail('listItem', r.bad.from, Math.max(r.bad.to, r.bad.from + 1));
    return { ok: true, cell: cell.list(r.values, true) };
  }

  for (const [token, op] of OPS) {
    if (!text.startsWith(token)) continue;
    const rest = text.slice(token.length).trim();
    const lit = cellLiteral(rest);
    if (!lit) return fail('compareValue', lead + token.length, end);
    return { ok: true, cell: cell.compare(op, lit.value) };
  }

  const range = parseRange(text, lead);
  if (range) return range;

  const parts = splitTopLevel(text, lead);
  const single = cellLiteral(text);
  if (single) return { ok: true, cell: cell.literal(single.value) };
  if (parts.length > 1) {
    const r = literals(parts);
    if (!('bad' in r)) return { ok: true, cell: cell.list(r.values, false) };
  }

  const parsed = parseExpression(text, FACT_NAMES.cell);
  if (!parsed.ok) return fail('syntax', lead + parsed.error.from, lead + parsed.error.to, parsed.error.detail);
  const node = parsed.parsed.node;
  // `1, x` (a sequence: the last value decides), `[1, 2]` or `{…}` would always match.
  if (node.type === 'SequenceExpression') {
    const r = literals(parts);
    const bad = 'bad' in r ? r.bad : { from: lead, to: end };
    return fail('listItem', bad.from, Math.max(bad.to, bad.from + 1));
  }
  if (node.type === 'ArrayExpression' || node.type === 'ObjectExpression') return fail('alwaysTrue', lead, end);
  return { ok: true, cell: cell.expr(text) };
}
