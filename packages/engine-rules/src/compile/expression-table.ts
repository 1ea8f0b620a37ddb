import { FACT_NAMES, type FactContext } from '../helpers.js';
import type { ParsedExpression } from './parse-expression.js';
import type { ProgramWriter } from './program-writer.js';

interface Entry {
  readonly parsed: ParsedExpression;
  readonly context: FactContext;
  readonly rule: string;
  readonly path: string;
}

/**
 * The user expressions of a program, in the order they are referenced. Each becomes its own
 * function `$X[i]` whose source starts at column 1 of a known line, outside the program's
 * closure (it sees only the globals and its facts); `$O[i]` records that origin plus the rule
 * and path for `__kiln.fail`.
 * @internal
 */
export class ExpressionTable {
  private readonly entries: Entry[] = [];

  /** Registers an expression; returns the JavaScript that yields its wrapped function. */
  ref(parsed: ParsedExpression, context: FactContext, rule: string, path: string): string {
    this.entries.push({ parsed, context, rule, path });
    return `$fn(${this.entries.length - 1})`;
  }

  /**
   * Writes `[fn0, fn1, …], [origin0, origin1, …]` (the closure's arguments). An expression is
   * emitted as `return (\n<source>\n);`, a function body as itself; both were parsed in
   * exactly this frame (strict mode, same parameters), so a source cannot escape it.
   */
  write(w: ProgramWriter): void {
    const origins: string[] = [];
    w.write('[\n');
    for (const e of this.entries) {
      const params = FACT_NAMES[e.context].join(', ');
      w.write(e.parsed.mode === 'expression' ? `function (${params}) { return (\n` : `function (${params}) {\n`);
      origins.push(JSON.stringify([w.line, 1, e.rule, e.path, e.context]));
      w.write(e.parsed.source);
      w.write(e.parsed.mode === 'expression' ? '\n); },\n' : '\n},\n');
    }
    w.write('], [\n');
    for (const o of origins) w.write(`${o},\n`);
    w.write(']');
  }
}
