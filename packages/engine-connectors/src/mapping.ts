import { describeError, evaluateExpression, parseExpression, type Expression } from './jsonata-env.js';

/** The value of an expression, or why it failed (a syntax or evaluation error, with its position when known). */
export type MappingResult = { ok: true; value: unknown } | { ok: false; error: { message: string; position?: number; token?: string } };

/** Parsed expressions of the live preview, most recent last (the studio re-evaluates on every keystroke). */
const cache = new Map<string, Expression>();
const CACHE_SIZE = 200;

function parsed(expression: string): Expression {
  let expr = cache.get(expression);
  if (expr) {
    cache.delete(expression);
  } else {
    expr = parseExpression(expression);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(expression, expr);
  return expr;
}

/**
 * Evaluates one JSONata expression over `scope` with Kiln's functions and `now` as the clock
 * (for the studio's live preview). Never throws: syntax and evaluation errors come back as
 * `{ok: false, error}`. The value is plain JSON (sequences become arrays).
 *
 * @example await evaluateMapping('$yuan(input.total)', { input: { total: 1990 } }, now) // → { ok: true, value: 19.9 }
 */
export async function evaluateMapping(expression: string, scope: unknown, now: Date): Promise<MappingResult> {
  try {
    return { ok: true, value: await evaluateExpression(parsed(expression), scope, now) };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}
