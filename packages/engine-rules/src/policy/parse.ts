import { PolicySyntaxError, tokenize, type Token } from './tokenize.js';
import type { PolicyNode, PolicyProblem, PolicySpan, PolicyValue } from './types.js';

/** Longest policy text accepted (characters). */
export const POLICY_MAX_LENGTH = 2000;
/** Deepest nesting of `not` and parentheses accepted. */
export const POLICY_MAX_DEPTH = 32;
/** Largest `maxDepth` of `subtree(…)` / `descendants(…)`. */
export const POLICY_MAX_TREE_DEPTH = 20;

/** Words that are keywords wherever a field name could stand. */
const RESERVED = new Set(['and', 'or', 'not', 'true', 'false', 'null', 'in', 'is', 'contains']);
const CMP_OPS = new Set(['=', '!=', '<', '<=', '>', '>=']);

export interface ParsePolicyResult {
  ast: PolicyNode | null;
  problems: PolicyProblem[];
}

/**
 * Parses a row-policy expression into its syntax tree. Never throws: a bad text gives `ast: null`
 * and one problem (the first found) with offsets to underline. Empty text gives `POLICY_EMPTY`
 * (a grant treats an absent or empty `where` as "every row" without parsing it).
 *
 * @example
 * parsePolicy('promoter = $user.record and state != \'rejected\'').ast
 * // { kind: 'and', items: [{ kind: 'cmp', field: 'promoter', op: '=', value: { kind: 'user', attr: 'record' } }, …] }
 */
export function parsePolicy(text: string): ParsePolicyResult {
  if (text.length > POLICY_MAX_LENGTH) {
    return fail('POLICY_TOO_LONG', `The policy is ${text.length} characters long; at most ${POLICY_MAX_LENGTH} are allowed`, POLICY_MAX_LENGTH, text.length);
  }
  if (text.trim() === '') return fail('POLICY_EMPTY', 'The policy is empty: write a condition such as createdBy = $user', 0, text.length);
  try {
    return { ast: new Parser(tokenize(text)).parseAll(), problems: [] };
  } catch (e) {
    if (e instanceof PolicySyntaxError) return { ast: null, problems: [e.problem] };
    throw e;
  }
}

function fail(code: PolicyProblem['code'], message: string, from: number, to: number): ParsePolicyResult {
  return { ast: null, problems: [{ code, message, from, to }] };
}

const span = (from: number, to: number): PolicySpan => ({ from, to });
const describe = (t: Token): string =>
  t.kind === 'eof' ? 'the end of the policy' : t.kind === 'string' ? 'a quoted text' : t.kind === 'var' ? `"$${t.text}"` : `"${t.text}"`;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): PolicyNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') {
      const hint = t.kind === 'punct' && t.text === ')' ? ' (there is no matching "(")' : ': join conditions with "and" or "or"';
      this.error(`Unexpected ${describe(t)}${hint}`, t);
    }
    return node;
  }

  /** The token `offset` ahead; reaching a tokenizer error (offset 0) reports it. */
  private peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
    if (offset === 0 && t.kind === 'error') throw new PolicySyntaxError(t.problem!);
    return t;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof' && t.kind !== 'error') this.pos++;
    return t;
  }

  private isWord(t: Token, word: string): boolean {
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }

  private isPunct(t: Token, p: string): boolean {
    return t.kind === 'punct' && t.text === p;
  }

  private error(message: string, t: Token | PolicySpan, code: PolicyProblem['code'] = 'POLICY_SYNTAX'): never {
    throw new PolicySyntaxError({ code, message, from: t.from, to: t.to });
  }

  private expectPunct(p: string, what: string): Token {
    const t = this.peek();
    if (!this.isPunct(t, p)) this.error(`Expected "${p}" ${what}, found ${describe(t)}`, t);
    return this.next();
  }

  private parseOr(): PolicyNode {
    return this.parseList('or', () => this.parseAnd());
  }

  private parseAnd(): PolicyNode {
    return this.parseList('and', () => this.parseUnary());
  }

  private parseList(kind: 'and' | 'or', item: () => PolicyNode): PolicyNode {
    const first = item();
    if (!this.isWord(this.peek(), kind)) return first;
    const items = [first];
    while (this.isWord(this.peek(), kind)) {
      this.next();
      items.push(item());
    }
    return { kind, items, span: span(first.span!.from, items[items.length - 1]!.span!.to) };
  }

  private enter(t: Token): void {
    if (++this.depth > POLICY_MAX_DEPTH) this.error(`The policy nests "not" and parentheses more than ${POLICY_MAX_DEPTH} levels deep`, t, 'POLICY_TOO_DEEP');
  }

  private parseUnary(): PolicyNode {
    const t = this.peek();
    if (this.isWord(t, 'not')) {
      this.next();
      this.enter(t);
      const item = this.parseUnary();
      this.depth--;
      return { kind: 'not', item, span: span(t.from, item.span!.to) };
    }
    if (this.isPunct(t, '(')) {
      this.next();
      this.enter(t);
      const inner = this.parseOr();
      const close = this.peek();
      if (!this.isPunct(close, ')')) this.error(`Expected ")" to close the "(" at character ${t.from + 1}, found ${describe(close)}`, close);
      this.next();
      this.depth--;
      return inner;
    }
    if (this.isWord(t, 'true') || this.isWord(t, 'false')) {
      this.next();
      return { kind: 'const', value: t.text.toLowerCase() === 'true', span: span(t.from, t.to) };
    }
    return this.parseCmp();
  }

  private parseField(): Token {
    const t = this.peek();
    if (t.kind === 'eof') this.error('The policy ends too early: a condition is missing', t);
    if (t.kind !== 'word') {
      const hint = t.kind === 'var' ? ' (put the field first: status = $user.x, not $user.x = status)' : '';
      this.error(`Expected a field name, found ${describe(t)}${hint}`, t);
    }
    if (RESERVED.has(t.text.toLowerCase())) this.error(`Expected a field name, found the keyword "${t.text}"`, t);
    this.next();
    const dot = this.peek();
    if (this.isPunct(dot, '.')) {
      const sub = this.peek(1);
      const path = sub.kind === 'word' ? `${t.text}.${sub.text}` : `${t.text}.`;
      this.error(`"${path}": a policy can only use this form's own fields, not fields of related records`, span(t.from, sub.kind === 'word' ? sub.to : dot.to));
    }
    return t;
  }

  private parseCmp(): PolicyNode {
    const f = this.parseField();
    const fieldSpan = span(f.from, f.to);
    const field = f.text;
    const op = this.peek();
    if (op.kind === 'punct' && CMP_OPS.has(op.text)) {
      this.next();
      const value = this.parseValue();
      return { kind: 'cmp', field, op: op.text as '=', value, span: span(f.from, value.span!.to), fieldSpan };
    }
    if (this.isWord(op, 'in')) {
      this.next();
      const t = this.peek();
      if ((this.isWord(t, 'subtree') || this.isWord(t, 'descendants')) && this.isPunct(this.peek(1), '(')) return this.parseTree(f);
      const value = this.parseInList();
      return { kind: 'cmp', field, op: 'in', value, span: span(f.from, value.span!.to), fieldSpan };
    }
    if (this.isWord(op, 'not')) {
      this.next();
      const inTok = this.peek();
      if (!this.isWord(inTok, 'in')) this.error(`Expected "in" after "${field} not", found ${describe(inTok)} (to negate a condition write "not" before it)`, inTok);
      this.next();
      const t = this.peek();
      if ((this.isWord(t, 'subtree') || this.isWord(t, 'descendants')) && this.isPunct(this.peek(1), '(')) {
        this.error(`"not in ${t.text.toLowerCase()}(…)" is not supported: write not (${field} in ${t.text.toLowerCase()}(…))`, t);
      }
      const value = this.parseInList();
      return { kind: 'cmp', field, op: 'not in', value, span: span(f.from, value.span!.to), fieldSpan };
    }
    if (this.isWord(op, 'is')) {
      this.next();
      let negated = false;
      if (this.isWord(this.peek(), 'not')) {
        this.next();
        negated = true;
      }
      const n = this.peek();
      if (!this.isWord(n, 'null')) this.error(`Expected "null" after "${field} is${negated ? ' not' : ''}", found ${describe(n)}`, n);
      this.next();
      return { kind: 'null', field, negated, span: span(f.from, n.to), fieldSpan };
    }
    if (this.isWord(op, 'contains')) {
      this.next();
      const value = this.parseValue();
      return { kind: 'cmp', field, op: 'contains', value, span: span(f.from, value.span!.to), fieldSpan };
    }
    this.error(`Expected a comparison after "${field}" (=, !=, <, <=, >, >=, in, not in, is null, is not null, contains), found ${describe(op)}`, op);
  }

  /** `[v, …]` or a `$user` reference (whose value is a list at run time). */
  private parseInList(): PolicyValue {
    const t = this.peek();
    if (t.kind === 'var') return this.parseValue();
    if (!this.isPunct(t, '[')) this.error(`Expected a list such as ['a', 'b'] or $user.<attribute> after "in", found ${describe(t)}`, t);
    this.next();
    const items: PolicyValue[] = [];
    if (!this.isPunct(this.peek(), ']')) {
      for (;;) {
        items.push(this.parseValue());
        const sep = this.peek();
        if (this.isPunct(sep, ',')) {
          this.next();
          continue;
        }
        if (this.isPunct(sep, ']')) break;
        this.error(`Expected "," or "]" in the list, found ${describe(sep)}`, sep);
      }
    }
    const close = this.next();
    return { kind: 'list', items, span: span(t.from, close.to) };
  }

  private parseValue(): PolicyValue {
    const t = this.peek();
    if (t.kind === 'var') return this.parseUserRef();
    if (t.kind === 'string' || t.kind === 'number') {
      this.next();
      return { kind: 'literal', value: t.value!, span: span(t.from, t.to) };
    }
    if (this.isWord(t, 'true') || this.isWord(t, 'false') || this.isWord(t, 'null')) {
      this.next();
      const w = t.text.toLowerCase();
      return { kind: 'literal', value: w === 'null' ? null : w === 'true', span: span(t.from, t.to) };
    }
    if (t.kind === 'word') this.error(`Expected a value, found "${t.text}": put text in quotes ('${t.text}'); fields cannot be compared with each other`, t);
    if (this.isPunct(t, '[')) this.error('A list is only allowed after "in" / "not in"', t);
    this.error(`Expected a value (a quoted text, a number, true, false, null or $user…), found ${describe(t)}`, t);
  }

  private parseUserRef(): PolicyValue {
    const t = this.next();
    if (t.text.toLowerCase() !== 'user') this.error(`Unknown variable "$${t.text}": only $user and $user.<attribute> are available`, t);
    if (!this.isPunct(this.peek(), '.')) return { kind: 'user', attr: 'id', span: span(t.from, t.to) };
    const dot = this.next();
    const a = this.peek();
    if (a.kind !== 'word' || dot.from !== t.to || a.from !== dot.to) this.error('Expected an attribute name right after "$user." (e.g. $user.record, $user.regions)', a.kind === 'eof' ? dot : a);
    this.next();
    return { kind: 'user', attr: a.text, span: span(t.from, a.to) };
  }

  private parseTree(f: Token): PolicyNode {
    const kw = this.next();
    const mode = kw.text.toLowerCase() as 'subtree' | 'descendants';
    this.expectPunct('(', `after ${mode}`);
    const p = this.peek();
    if (p.kind !== 'word' || RESERVED.has(p.text.toLowerCase())) {
      this.error(`Expected the parent field (the relation pointing up the tree, e.g. ${mode}(referrer, $user.record)), found ${describe(p)}`, p);
    }
    this.next();
    this.expectPunct(',', `after the parent field "${p.text}" (${mode}(${p.text}, <root>))`);
    const root = this.parseValue();
    let maxDepth: number | undefined;
    if (this.isPunct(this.peek(), ',')) {
      this.next();
      const d = this.next();
      if (d.kind !== 'number' || !/^[0-9]+$/.test(d.text)) this.error(`Expected the maximum depth, a whole number from 1 to ${POLICY_MAX_TREE_DEPTH}, found ${describe(d)}`, d);
      maxDepth = d.value as number;
      if (maxDepth < 1 || maxDepth > POLICY_MAX_TREE_DEPTH) this.error(`The maximum depth must be from 1 to ${POLICY_MAX_TREE_DEPTH}, not ${maxDepth}`, d, 'POLICY_TREE');
    }
    const close = this.expectPunct(')', `to close ${mode}(…)`);
    const node: PolicyNode = {
      kind: 'tree',
      field: f.text,
      mode,
      parent: p.text,
      root,
      span: span(f.from, close.to),
      fieldSpan: span(f.from, f.to),
      parentSpan: span(p.from, p.to),
    };
    if (maxDepth !== undefined) node.maxDepth = maxDepth;
    return node;
  }
}
