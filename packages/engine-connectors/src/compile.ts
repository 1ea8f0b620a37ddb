import { ConnectorError } from './errors.js';
import { collectExpressions } from './expressions.js';
import { parseExpression, type Expression } from './jsonata-env.js';
import type { ConnectorDefinition } from './types.js';
import { validateConnector } from './validate.js';

/** A validated definition with every JSONata expression parsed once (cache it per app version). */
export interface CompiledConnector {
  readonly def: ConnectorDefinition;
  /**
   * Parsed expressions by JSON pointer (`…/path#n` for the n-th `{…}` of a path template).
   * @internal
   */
  readonly expressions: ReadonlyMap<string, Expression>;
}

/**
 * Validates a definition (shape, auth, JSONata syntax; forms and hooks are the publisher's
 * business) and parses every expression once. Throws
 * `ConnectorError('CONNECTOR_DEFINITION_INVALID', …, {details: problems})` when invalid; the
 * message names the first problem, in `opts.locale` (default en: it goes to logs).
 */
export function compileConnector(def: ConnectorDefinition, opts: { locale?: 'zh-CN' | 'en' } = {}): CompiledConnector {
  const problems = validateConnector(def, { locale: opts.locale ?? 'en' });
  if (problems.length > 0) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (+${problems.length - 1})` : '';
    throw new ConnectorError('CONNECTOR_DEFINITION_INVALID', `Invalid connector definition: ${first.path || '/'}: ${first.message}${more}`, { path: first.path, details: problems });
  }
  const expressions = new Map<string, Expression>();
  for (const site of collectExpressions(def)) expressions.set(site.key, parseExpression(site.source));
  return Object.freeze({ def, expressions });
}
