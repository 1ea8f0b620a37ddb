// STUB (contract): helper A implements.
import type { CompiledConnector } from './compile.js';
import type { OperationOutcome, Transport } from './types.js';
export interface ExecuteContext {
  input: unknown;
  /** The delivery's idempotency key (see idempotencyKey). */
  key: string;
  /** Base URL the step paths are appended to (settings override or the definition's). */
  baseUrl: string;
  /** The runtime clock's now (bound to `$now()` / `$millis()`). */
  now: Date;
}
/**
 * Runs an operation's steps in order through `transport`: `when` → render request → send →
 * `expired` (reauthenticate once, re-send) → `success` / `error` / `permanent` → next step;
 * then `result` and `writeBack`. Never throws: mapping errors become CONNECTOR_MAPPING_FAILED
 * (permanent), transport errors keep their code (not permanent), an HTTP status outside 2xx
 * without a `success` expression is CONNECTOR_HTTP_ERROR, `success` false is CONNECTOR_REJECTED.
 */
export declare function executeOperation(compiled: CompiledConnector, operation: string, ctx: ExecuteContext, transport: Transport): Promise<OperationOutcome>;
/** The idempotency key of a delivery (the operation's `key` expression, or `KLN<app>D<id>`), at most 64 characters. */
export declare function idempotencyKey(compiled: CompiledConnector, operation: string, scope: { input: unknown; delivery: { id: number; app: string; connector: string } }, now: Date): Promise<string>;
