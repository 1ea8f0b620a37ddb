/**
 * The tokenizer of row-policy expressions. Words (identifiers and keywords alike) come out as
 * `word` tokens; the parser decides by position whether a word is a keyword, so a field may be
 * called `subtree` or `descendants`.
 * @internal
 */
import type { PolicyProblem } from './types.js';

export type TokenKind = 'word' | 'var' | 'string' | 'number' | 'punct' | 'error' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** word/var: the name as written (var without `$`); punct: the symbol; string: the decoded text; number: the source text. */
  readonly text: string;
  /** string literals: the decoded value; numbers: the parsed value. */
  readonly value?: string | number;
  readonly from: number;
  readonly to: number;
  /** error tokens: what is wrong from here on. */
  readonly problem?: PolicyProblem;
}

/** Thrown inside the parser to stop at the first problem; never escapes `parsePolicy`. @internal */
export class PolicySyntaxError extends Error {
  constructor(readonly problem: PolicyProblem) {
    super(problem.message);
  }
}

const PUNCT = ['!=', '<=', '>=', '=', '<', '>', '(', ')', '[', ']', ',', '.'];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_]/;

function fail(message: string, from: number, to: number): never {
  throw new PolicySyntaxError({ code: 'POLICY_SYNTAX', message, from, to });
}

/**
 * Splits a policy's text into tokens, ending with `eof`, or with an `error` token at the first bad
 * character or literal (the parser reports it only when it gets there, so an earlier problem wins).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  try {
    read(text, out);
  } catch (e) {
    if (!(e instanceof PolicySyntaxError)) throw e;
    out.push({ kind: 'error', text: '', from: e.problem.from, to: e.problem.to, problem: e.problem });
    return out;
  }
  out.push({ kind: 'eof', text: '', from: text.length, to: text.length });
  return out;
}

function read(text: string, out: Token[]): void {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (WORD_START.test(c)) {
      while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
      out.push({ kind: 'word', text: text.slice(start, i), from: start, to: i });
      continue;
    }
    if (c === '$') {
      i++;
      while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
      if (i === start + 1) fail('"$" must be followed by a name: write $user or $user.<attribute>', start, i);
      out.push({ kind: 'var', text: text.slice(start + 1, i), from: start, to: i });
      continue;
    }
    if (c === "'" || c === '"') {
      out.push(readString(text, start));
      i = out[out.length - 1]!.to;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      i += m[0].length;
      if (i < text.length && /[A-Za-z0-9_.]/.test(text[i]!)) {
        while (i < text.length && /[A-Za-z0-9_.]/.test(text[i]!)) i++;
        fail(`"${text.slice(start, i)}" is not a number; put text in quotes`, start, i);
      }
      const value = Number(m[0]);
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) fail(`The number ${m[0]} is too large`, start, i);
      out.push({ kind: 'number', text: m[0], value, from: start, to: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '==') fail('Use "=" to compare (not "==")', i, i + 2);
    if (two === '<>') fail('Use "!=" for "not equal" (not "<>")', i, i + 2);
    if (two === '&&') fail('Use "and" instead of "&&"', i, i + 2);
    if (two === '||') fail('Use "or" instead of "||"', i, i + 2);
    const p = PUNCT.find((s) => text.startsWith(s, i));
    if (p) {
      i += p.length;
      out.push({ kind: 'punct', text: p, from: start, to: i });
      continue;
    }
    if (c === '!') fail('Use "not" instead of "!" (or "!=" for "not equal")', i, i + 1);
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    fail(`Unexpected character "${ch}"${/[“”‘’]/.test(ch) ? ' (use straight quotes \' or ")' : ''}`, i, i + ch.length);
  }
}

function readString(text: string, start: number): Token {
  const quote = text[start]!;
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { kind: 'string', text: value, value, from: start, to: i + 1 };
    if (c === '\\') {
      const e = text[i + 1];
      if (e === undefined) break;
      if (e === 'u') {
        const m = /^u(?:([0-9A-Fa-f]{4})|\{([0-9A-Fa-f]{1,6})\})/.exec(text.slice(i + 1));
        const code = m ? parseInt(m[1] ?? m[2]!, 16) : NaN;
        if (!m || code > 0x10ffff) fail('Bad \\u escape: write \\uXXXX or \\u{X…} with hexadecimal digits', i, i + 2);
        value += String.fromCodePoint(code);
        i += 1 + m[0].length;
        continue;
      }
      const r = ESCAPES[e];
      if (r === undefined) fail(`Unknown escape "\\${e}" (known: \\\\ \\' \\" \\n \\t \\r \\uXXXX)`, i, i + 2);
      value += r;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  fail(`Text starting here is not closed: add the closing ${quote}`, start, text.length);
}
