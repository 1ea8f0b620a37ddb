import type { CompiledConnector } from './compile.js';
import { errorText, evaluateExpression } from './jsonata-env.js';

/** A mapping that failed at `pointer` (the JSON pointer of the expression). @internal */
export class MappingFailure extends Error {
  constructor(readonly pointer: string, readonly reason: string) {
    super(`${pointer}: ${reason}`);
    this.name = 'MappingFailure';
  }
}

/**
 * Evaluates the compiled expression at `key` (a pointer, or `…/path#n`) over `scope`.
 * Absent expression → undefined. Throws {@link MappingFailure}. @internal
 */
export async function evaluateAt(compiled: CompiledConnector, key: string, scope: unknown, now: Date): Promise<unknown> {
  const expr = compiled.expressions.get(key);
  if (!expr) return undefined;
  try {
    return await evaluateExpression(expr, scope, now);
  } catch (e) {
    throw new MappingFailure(key.replace(/#\d+$/, ''), errorText(e));
  }
}
