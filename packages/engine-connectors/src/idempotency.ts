import type { CompiledConnector } from './compile.js';
import { ConnectorError } from './errors.js';
import { evaluateAt, MappingFailure } from './evaluate-at.js';
import { esc } from './expressions.js';

const MAX_KEY = 64;
const MAX_DEFAULT_KEY = 32;

/** `KLN<app>D<id>`: the app key reduced to letters and digits and shortened so the whole fits 32 characters (Yonyou's resubmitCheckKey limit). */
function defaultKey(app: string, id: number): string {
  const tail = `D${id}`;
  const room = Math.max(0, MAX_DEFAULT_KEY - 3 - tail.length);
  return `KLN${app.replace(/[^A-Za-z0-9]/g, '').slice(0, room)}${tail}`;
}

/**
 * The idempotency key of a delivery: the operation's `key` expression over `{input, delivery}`
 * (numbers as text), or `KLN<app>D<id>` (≤ 32 characters); at most 64 characters. Computed once
 * at the first attempt and stored with the delivery. Throws ConnectorError
 * CONNECTOR_OPERATION_UNKNOWN, or CONNECTOR_MAPPING_FAILED when the expression fails or gives no text.
 *
 * @example await idempotencyKey(kingdee, 'push_order', { input: { billNo: 'LV-000001' }, delivery }, now) // → 'LV-000001'
 */
export async function idempotencyKey(compiled: CompiledConnector, operation: string, scope: { input: unknown; delivery: { id: number; app: string; connector: string } }, now: Date): Promise<string> {
  const ops = compiled.def.operations;
  if (!ops || !Object.hasOwn(ops, operation)) throw new ConnectorError('CONNECTOR_OPERATION_UNKNOWN', `Connector "${compiled.def.key}" has no operation "${operation}"`);
  if (ops[operation].key === undefined) return defaultKey(scope.delivery.app, scope.delivery.id);
  const pointer = `/operations/${esc(operation)}/key`;
  let v: unknown;
  try {
    v = await evaluateAt(compiled, pointer, { input: scope.input, delivery: scope.delivery }, now);
  } catch (e) {
    if (e instanceof MappingFailure) throw new ConnectorError('CONNECTOR_MAPPING_FAILED', `Mapping failed at ${pointer}: ${e.reason}`, { path: pointer });
    throw e;
  }
  const text = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  if (!text) throw new ConnectorError('CONNECTOR_MAPPING_FAILED', `Mapping failed at ${pointer}: the key must be a non-empty text, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`, { path: pointer });
  return text.slice(0, MAX_KEY);
}
