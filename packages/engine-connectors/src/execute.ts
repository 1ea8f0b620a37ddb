import type { CompiledConnector } from './compile.js';
import { evaluateAt, MappingFailure } from './evaluate-at.js';
import { esc } from './expressions.js';
import { toStrings, truthy } from './jsonata-env.js';
import { renderRequest } from './render.js';
import { TransportError, type CallError, type HttpResponseSpec, type OperationOutcome, type StepLog, type StepScope, type Transport } from './types.js';

export { idempotencyKey } from './idempotency.js';

export interface ExecuteContext {
  input: unknown;
  /** The delivery's idempotency key (see idempotencyKey). */
  key: string;
  /** Base URL the step paths are appended to (settings override or the definition's). */
  baseUrl: string;
  /** The runtime clock's now (bound to `$now()` / `$millis()`). */
  now: Date;
}

const mappingError = (e: MappingFailure, step?: string): CallError => ({
  code: 'CONNECTOR_MAPPING_FAILED',
  message: `Mapping failed at ${e.pointer}: ${e.reason}`,
  ...(step !== undefined ? { step } : {}),
  permanent: true,
});

/** Only mappings can fail here; anything else unexpected is reported the same way so that runs never throw. */
const asMappingFailure = (e: unknown, ptr: string) => (e instanceof MappingFailure ? e : new MappingFailure(ptr, e instanceof Error ? e.message : String(e)));

function transportError(e: unknown, step: string): CallError {
  if (e instanceof TransportError) return { code: e.code, message: e.message, step, permanent: false };
  // A transport that throws anything else failed before or while connecting: retry.
  return { code: 'CONNECTOR_UNREACHABLE', message: e instanceof Error ? e.message : String(e), step, permanent: false };
}

/** Default permanence: a 4xx other than 408 (timeout) and 429 (rate limit) will not heal by retrying. */
const permanentStatus = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** Sends, re-logging in once when `expired` says so. Returns the response or the error. */
async function send(compiled: CompiledConnector, ptr: string, id: string, req: Parameters<Transport['send']>[0], scope: StepScope, now: Date, transport: Transport, log: StepLog): Promise<HttpResponseSpec | CallError> {
  for (let attempt = 0; ; attempt++) {
    let res: HttpResponseSpec;
    try {
      res = await transport.send(req, id);
    } catch (e) {
      return transportError(e, id);
    }
    log.response = res;
    if (!(await isExpired(compiled, ptr, scope, res, now))) return res;
    if (attempt > 0 || !transport.reauthenticate) {
      return { code: 'CONNECTOR_SESSION_EXPIRED', message: attempt > 0 ? `Step "${id}": the session is still expired after logging in again` : `Step "${id}": the session expired and the transport cannot log in again`, step: id, permanent: false };
    }
    try {
      await transport.reauthenticate();
    } catch (e) {
      return transportError(e, id);
    }
    log.relogin = true;
  }
}

async function isExpired(compiled: CompiledConnector, ptr: string, scope: StepScope, res: HttpResponseSpec, now: Date): Promise<boolean> {
  if (!compiled.expressions.has(`${ptr}/expired`)) return false;
  return truthy(await evaluateAt(compiled, `${ptr}/expired`, { ...scope, response: view(res) }, now));
}

const view = (res: HttpResponseSpec) => ({ status: res.status, headers: res.headers, body: res.body });

/**
 * Runs an operation's steps in order through `transport`: `when` → render request → send →
 * `expired` (reauthenticate once, re-send) → `success` / `error` / `permanent` → next step;
 * then `result` (default: the last response body sent) and `writeBack` (an object or null).
 * Never throws: mapping errors become CONNECTOR_MAPPING_FAILED (permanent), transport errors
 * keep their code (not permanent), a failing HTTP status outside 2xx is CONNECTOR_HTTP_ERROR,
 * `success` false on a 2xx answer is CONNECTOR_REJECTED; a `permanent` expression
 * replaces the default (4xx other than 408/429).
 */
export async function executeOperation(compiled: CompiledConnector, operation: string, ctx: ExecuteContext, transport: Transport): Promise<OperationOutcome> {
  const op = compiled.def.operations && Object.hasOwn(compiled.def.operations, operation) ? compiled.def.operations[operation] : undefined;
  if (!op) return { ok: false, error: { code: 'CONNECTOR_OPERATION_UNKNOWN', message: `Connector "${compiled.def.key}" has no operation "${operation}"`, permanent: true }, steps: [] };
  const opPtr = `/operations/${esc(operation)}`;
  const scope: StepScope = { input: ctx.input, key: ctx.key, steps: {} };
  const logs: StepLog[] = [];
  let last: unknown = null;
  for (const [i, step] of op.steps.entries()) {
    const ptr = `${opPtr}/steps/${i}`;
    const log: StepLog = { step: step.id };
    logs.push(log);
    const fail = (error: CallError): OperationOutcome => {
      log.error = error;
      return { ok: false, error, steps: logs };
    };
    try {
      if (step.when !== undefined && !truthy(await evaluateAt(compiled, `${ptr}/when`, scope, ctx.now))) {
        log.skipped = true;
        scope.steps[step.id] = null;
        continue;
      }
      const req = await renderRequest(compiled, ptr, step, scope, ctx.baseUrl, ctx.now);
      log.request = req;
      const res = await send(compiled, ptr, step.id, req, scope, ctx.now, transport, log);
      if ('code' in res) return fail(res);
      const rscope = { ...scope, response: view(res) };
      const hasSuccess = step.success !== undefined;
      const ok = hasSuccess ? truthy(await evaluateAt(compiled, `${ptr}/success`, rscope, ctx.now)) : res.status >= 200 && res.status < 300;
      if (!ok) {
        const details = toStrings(await evaluateAt(compiled, `${ptr}/error`, rscope, ctx.now));
        const permanent = step.permanent !== undefined ? truthy(await evaluateAt(compiled, `${ptr}/permanent`, rscope, ctx.now)) : permanentStatus(res.status);
        const is2xx = res.status >= 200 && res.status < 300;
        const what = !hasSuccess ? `failed with HTTP ${res.status}` : is2xx ? 'was refused' : `was refused (HTTP ${res.status})`;
        return fail({
          code: hasSuccess && is2xx ? 'CONNECTOR_REJECTED' : 'CONNECTOR_HTTP_ERROR',
          message: `Step "${step.id}" ${what}${details.length ? `: ${details.join('; ')}` : ''}`,
          step: step.id,
          permanent,
          ...(details.length ? { details } : {}),
        });
      }
      scope.steps[step.id] = view(res);
      last = res.body;
    } catch (e) {
      return fail(mappingError(asMappingFailure(e, ptr), step.id));
    }
  }
  try {
    const final = { input: scope.input, key: scope.key, steps: scope.steps };
    const result = op.result !== undefined ? await evaluateAt(compiled, `${opPtr}/result`, final, ctx.now) : last;
    let writeBack: Record<string, unknown> | null = null;
    if (op.writeBack !== undefined) {
      const wb = await evaluateAt(compiled, `${opPtr}/writeBack`, { ...final, result }, ctx.now);
      if (wb !== undefined && wb !== null && (typeof wb !== 'object' || Array.isArray(wb))) {
        throw new MappingFailure(`${opPtr}/writeBack`, `writeBack must be an object of field values or null, got ${Array.isArray(wb) ? 'an array' : typeof wb}`);
      }
      writeBack = (wb as Record<string, unknown> | undefined) ?? null;
    }
    return { ok: true, result: result ?? null, writeBack, steps: logs };
  } catch (e) {
    return { ok: false, error: mappingError(asMappingFailure(e, opPtr)), steps: logs };
  }
}
