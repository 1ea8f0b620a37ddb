/**
 * A decision-table cell as a readonly syntax node (`when[inputId]` of a row, see `TableRow`).
 * Built by the frozen factories of `cell`; `parseCell` turns cell text into one.
 */

/** A value a cell can name: numbers compare numerically, strings (ISO dates too) lexically. */
export type CellValue = number | string | boolean | null;

/** Comparison operators of `compare` cells (`< 5`, `!= "x"`). */
export const COMPARE_OPS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** Every kind of cell node. */
export const CELL_KINDS = ['any', 'compare', 'range', 'list', 'literal', 'expr'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** `-` or empty: matches every value. */
export interface AnyCell {
  readonly kind: 'any';
}
/** `< 5`, `>= "2024-01-01"`, `!= "x"`. */
export interface CompareCell {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly value: CellValue;
}
/** `[1..10]`, `(1..10]`, `[1..10)`, `1..10` (closed); bounds of one type, numbers or strings. */
export interface RangeCell {
  readonly kind: 'range';
  readonly lo: number | string;
  readonly hi: number | string;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}
/** `"a", "b"` / `1, 2, 3` (one of), `not("a", "b")` (none of). */
export interface ListCell {
  readonly kind: 'list';
  readonly values: readonly CellValue[];
  readonly negated: boolean;
}
/** `5`, `"vip"`, `true`, `null`, `2024-01-01`: equal to the value (strictly). */
export interface LiteralCell {
  readonly kind: 'literal';
  readonly value: CellValue;
}
/** Any other JavaScript expression, with `$` (and `input`) bound to the input's value; truthy = match. */
export interface ExprCell {
  readonly kind: 'expr';
  readonly source: string;
}

/** A parsed decision-table cell (discriminated by `kind`). */
export type CellNode = AnyCell | CompareCell | RangeCell | ListCell | LiteralCell | ExprCell;

const ANY: AnyCell = Object.freeze({ kind: 'any' });

/** Frozen factories of cell nodes. */
export const cell = Object.freeze({
  any: (): AnyCell => ANY,
  compare: (op: CompareOp, value: CellValue): CompareCell => Object.freeze({ kind: 'compare', op, value }),
  range: (lo: number | string, hi: number | string, loOpen = false, hiOpen = false): RangeCell => Object.freeze({ kind: 'range', lo, hi, loOpen, hiOpen }),
  list: (values: readonly CellValue[], negated = false): ListCell => Object.freeze({ kind: 'list', values: Object.freeze([...values]), negated }),
  literal: (value: CellValue): LiteralCell => Object.freeze({ kind: 'literal', value }),
  expr: (source: string): ExprCell => Object.freeze({ kind: 'expr', source }),
});
