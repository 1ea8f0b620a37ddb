import {
  compileConnector,
  ConnectorError,
  executeOperation,
  idempotencyKey,
  sampleTransport,
  type ConnectorDefinition,
  type ConnectorProblem,
  type OperationOutcome,
} from '@kiln/engine-connectors';

/** Base URL of the preview when neither the definition nor the installation has one. */
export const PREVIEW_BASE_URL = 'https://example.invalid';

/** What the live preview shows: the run against the sample responses, or why it could not run. */
export type PreviewOutcome =
  | { kind: 'invalid'; problems: ConnectorProblem[]; message: string }
  | { kind: 'ran'; key: string; keyError?: string; outcome: OperationOutcome };

/**
 * Runs one operation in the browser against its sample responses (`sampleTransport`), as the
 * runtime would run it: the idempotency key from the operation's `key` (delivery id 1; `PREVIEW`
 * when it cannot be computed), then every step, the result and the write-back. Only this
 * operation is compiled, so a problem elsewhere in the connector does not stop its preview.
 */
export async function runPreview(
  def: ConnectorDefinition,
  operation: string,
  ctx: { app: string; baseUrl: string; now: Date },
): Promise<PreviewOutcome> {
  const op = def.operations?.[operation];
  const only: ConnectorDefinition = { ...def, operations: op ? { [operation]: op } : {} };
  delete only.inbound;
  let compiled;
  try {
    compiled = compileConnector(only);
  } catch (e) {
    const problems = e instanceof ConnectorError && Array.isArray(e.details) ? (e.details as ConnectorProblem[]) : [];
    return { kind: 'invalid', problems, message: e instanceof Error ? e.message : String(e) };
  }
  const input = op?.sample?.input ?? {};
  let key = 'PREVIEW';
  let keyError: string | undefined;
  try {
    key = await idempotencyKey(compiled, operation, { input, delivery: { id: 1, app: ctx.app, connector: def.key } }, ctx.now);
  } catch (e) {
    keyError = e instanceof Error ? e.message : String(e);
  }
  const outcome = await executeOperation(compiled, operation, { input, key, baseUrl: ctx.baseUrl, now: ctx.now }, sampleTransport(op?.sample));
  return { kind: 'ran', key, keyError, outcome };
}
