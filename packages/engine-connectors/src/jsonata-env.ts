/**
 * How Kiln runs JSONata: one parse per expression with the helper functions registered, the
 * runtime clock bound per evaluation, a step budget against runaway expressions, and results
 * normalized to plain JSON values. @internal
 */
import jsonata from 'jsonata';
import { byteLength, dateIn, fen, netPrice, parseJsonLossless, truncateBytes, unixSeconds, yuan } from './functions.js';

export type Expression = jsonata.Expression;

/** Evaluation steps one expression may take (a 1000-line order mapping takes ~15k; 500k ≈ 1.5 s of recursion). */
const STEP_BUDGET = 500_000;
const GUARD = '__kiln_guard';
const ENTRY_HOOK = Symbol.for('jsonata.__evaluate_entry');

/** `undefined` passes through every helper, like JSONata's own functions. */
const opt = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R | undefined => (a[0] === undefined ? undefined : f(...a));

/** Registers Kiln's pure helpers on a parsed expression; the clock ones come per evaluation. */
function register(expr: Expression): void {
  expr.registerFunction('yuan', opt(yuan), '<n:n>');
  expr.registerFunction('fen', opt(fen), '<n:n>');
  expr.registerFunction('netPrice', opt(netPrice), '<nn:n>');
  expr.registerFunction('truncateBytes', opt(truncateBytes), '<sn:s>');
  expr.registerFunction('byteLength', opt(byteLength), '<s:n>');
  expr.registerFunction('parseJson', opt((v: unknown) => (typeof v === 'string' ? parseJsonLossless(v) : v)), '<j:j>');
  expr.registerFunction('date', opt((iso: string | number, tz?: string) => dateIn(iso, tz)), '<(sn)s?:s>');
  // The entry hook is shared by every evaluation; the budget it charges is per evaluation (a binding).
  (expr.assign as (name: string | symbol, value: unknown) => void)(ENTRY_HOOK, (_e: unknown, _i: unknown, env: jsonata.Environment) => {
    const guard = env.lookup(GUARD) as { steps: number } | undefined;
    if (guard && ++guard.steps > STEP_BUDGET) throw new Error(`The expression took more than ${STEP_BUDGET} evaluation steps`);
  });
}

/** Parses a JSONata expression with Kiln's helpers. Throws JSONata's `{code, position, token, message}` on a syntax error. */
export function parseExpression(source: string): Expression {
  const expr = jsonata(source);
  register(expr);
  return expr;
}

const fromMillis = jsonata('$fromMillis($ms, $picture, $tz)');

/** `$now()`, `$millis()` and `$unixSeconds()` read `now`, never the system clock. */
function clockBindings(now: Date): Record<string, unknown> {
  const ms = now.getTime();
  const iso = now.toISOString();
  return {
    now: (picture?: string, tz?: string) => (picture === undefined && tz === undefined ? iso : fromMillis.evaluate({}, { ms, picture, tz })),
    millis: () => ms,
    unixSeconds: (instant?: string | number) => unixSeconds(instant === undefined ? ms : instant),
  };
}

/** Evaluates a parsed expression over `input` with `now` as the clock; the result is a plain JSON value (or undefined). */
export async function evaluateExpression(expr: Expression, input: unknown, now: Date): Promise<unknown> {
  const result: unknown = await expr.evaluate(input, { ...clockBindings(now), [GUARD]: { steps: 0 } });
  return plain(result);
}

/**
 * A JSONata result as plain JSON: sequences become arrays, functions disappear, non-finite
 * numbers become null, objects lose undefined members.
 */
export function plain(v: unknown): unknown {
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'function') return undefined;
  if (Array.isArray(v)) return v.map((x) => plain(x) ?? null);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = plain(x);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return undefined;
}

/** JSONata's truthiness (as `$boolean`): empty strings, 0, empty arrays/objects and functions are false. */
export function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(truthy);
  if (v !== null && typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v) && typeof v !== 'function';
}

/** An expression's result as a list of messages: a string or an array of anything; null/undefined → []. */
export function toStrings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.filter((x) => x !== undefined && x !== null && x !== '').map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
}

/** A thrown JSONata (or helper) error as a message with the position when known. */
export function describeError(e: unknown): { message: string; position?: number; token?: string } {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; position?: unknown; token?: unknown; code?: unknown };
    const message = typeof o.message === 'string' && o.message ? o.message : String(e);
    const out: { message: string; position?: number; token?: string } = { message: typeof o.code === 'string' && /^[A-Z]\d{4}$/.test(o.code) ? `${o.code}: ${message}` : message };
    if (typeof o.position === 'number') out.position = o.position;
    if (typeof o.token === 'string') out.token = o.token;
    return out;
  }
  return { message: String(e) };
}

/** `message (position n)` for people. */
export function errorText(e: unknown): string {
  const d = describeError(e);
  return d.position !== undefined ? `${d.message} (position ${d.position})` : d.message;
}
