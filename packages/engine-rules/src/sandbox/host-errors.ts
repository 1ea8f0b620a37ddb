import type { RuleError, RuleErrorCode } from '../types.js';

/** What went wrong at the isolate boundary, as the pool needs to know it. */
export interface BoundaryFailure {
  error: RuleError;
  /** The isolate is gone (memory limit, or disposed under us) and must be replaced. */
  isolateLost: boolean;
}

/** A RuleError from a code and a message. @internal */
export const ruleError = (code: RuleErrorCode, message: string): RuleError => ({ code, message });

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Classifies an exception thrown by an isolated-vm call (never a program's own exception: the
 * in-isolate dispatcher returns those as data). `phase` says which copy failed when the message
 * is a clone error: facts going in, or the result coming out.
 * @internal
 */
export function boundaryFailure(e: unknown, isolateDisposed: boolean, timeoutMs: number, phase: 'call' | 'compile' = 'call'): BoundaryFailure {
  const message = messageOf(e);
  if (isolateDisposed || /memory limit/i.test(message)) {
    return { error: ruleError('RULE_MEMORY_LIMIT', 'The evaluation ran out of memory'), isolateLost: true };
  }
  if (/timed out/i.test(message)) {
    return { error: ruleError('RULE_TIMEOUT', `The evaluation ran longer than ${timeoutMs} ms`), isolateLost: false };
  }
  if (/could not be cloned|Unsupported type/i.test(message)) {
    return { error: ruleError('RULE_RUNTIME', `The facts could not be copied into the sandbox: ${message}`), isolateLost: false };
  }
  if (phase === 'compile') {
    const code: RuleErrorCode = e instanceof SyntaxError ? 'RULE_SYNTAX' : 'RULE_RUNTIME';
    return { error: ruleError(code, `The program failed to load: ${message}`), isolateLost: false };
  }
  return { error: ruleError('RULE_RUNTIME', message), isolateLost: false };
}
