import type { Locale } from '@kiln/engine-forms';
import { lineColumn } from '../compile/parse-expression.js';
import type { RuleErrorCode, RuleProblem } from '../types.js';
import { ruleMessage, type RuleMessageId } from './messages.js';

/** Where in an expression's source a problem is (offsets into `source`). */
export interface SourceSpan {
  readonly source: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Collects the problems of one rule: each gets the rule key, a concrete message in the locale
 * and, for problems inside an expression, line/column and from/to.
 * @internal
 */
export class Reporter {
  readonly problems: RuleProblem[] = [];

  constructor(
    readonly rule: string,
    readonly locale: Locale,
  ) {}

  /** Adds a problem; returns false so checks can `return rep.add(…)`. */
  add(code: RuleErrorCode, path: string, id: RuleMessageId, params: Readonly<Record<string, unknown>> = {}, at?: SourceSpan, severity: RuleProblem['severity'] = 'error'): false {
    const p: RuleProblem = { code, severity, message: ruleMessage(id, this.locale, params), rule: this.rule, path };
    if (at) {
      const { line, column } = lineColumn(at.source, at.from);
      Object.assign(p, { line, column, from: at.from, to: Math.max(at.to, at.from) });
    }
    this.problems.push(p);
    return false;
  }

  /** Whether an error (not a warning) was reported so far. */
  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}
