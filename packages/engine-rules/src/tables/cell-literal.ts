import { parseExpressionAt } from 'acorn';
import { ACORN_OPTIONS } from '../compile/parse-expression.js';
import type { CellValue } from './cell.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A bare ISO date or date-time (`2024-05-01`, `2024-05-01T08:00:00+08:00`): a string, not arithmetic. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The value of a literal in cell grammar (`5`, `-1.5`, `"vip"`, `'vip'`, `true`, `null`,
 * `2024-05-01`), or undefined when `text` (already trimmed) is not one.
 * @internal
 */
export function cellLiteral(text: string): { value: CellValue } | undefined {
  if (text === 'true') return { value: true };
  if (text === 'false') return { value: false };
  if (text === 'null') return { value: null };
  if (NUMBER.test(text)) {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n } : undefined;
  }
  if (ISO_DATE.test(text)) return { value: text };
  const q = text[0];
  if ((q === '"' || q === "'") && text.length >= 2 && text[text.length - 1] === q) {
    try {
      const node = parseExpressionAt(text, 0, ACORN_OPTIONS);
      if (node.type === 'Literal' && typeof node.value === 'string' && node.end === text.length) return { value: node.value };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** One piece of a cell split at top-level commas, with its trimmed text and position. */
export interface CellPart {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Splits `text` at commas outside quotes and brackets; each part is trimmed, positions are
 * offsets into `text` (plus `base`).
 * @internal
 */
export function splitTopLevel(text: string, base = 0): CellPart[] {
  const parts: CellPart[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    parts.push({ text: trimmed, from: base + start + lead, to: base + start + lead + trimmed.length });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return parts;
}

/**
 * The offset of a range separator `..` outside quotes (not part of `...`), or -1.
 * @internal
 */
export function rangeSeparator(text: string): number {
  let quote: string | null = null;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '.' && text[i + 1] === '.' && text[i + 2] !== '.' && text[i - 1] !== '.') return i;
  }
  return -1;
}
