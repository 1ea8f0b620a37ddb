import { performance } from 'node:perf_hooks';
import { executeOperation, TransportError, type StepLog } from '@kiln/engine-connectors';
import type { KilnContext } from '../context.js';
import { Authenticator } from './auth.js';
import type { LoadedConnector } from './definitions.js';
import { AuthFailure } from './logins.js';
import { redact } from './redact.js';
import { loadConnectorSettings, type ConnectorSettings } from './settings.js';
import { httpTransport } from './transport.js';

/** Why a call failed, as stored and shown (engine codes plus the runtime's login/settings codes). */
export interface CallFailure {
  code: string;
  message: string;
  step?: string;
  permanent: boolean;
  details?: string[];
}

/**
 * One operation run against the outside system. Its steps and error are already redacted; the
 * result and write back are as computed (they are applied to records), `sensitive` lists the
 * values to mask wherever they are shown.
 */
export type CallOutcome =
  | { ok: true; result: unknown; writeBack: Record<string, unknown> | null; steps: StepLog[]; durationMs: number; sensitive: string[] }
  | { ok: false; error: CallFailure; steps: StepLog[]; durationMs: number; sensitive: string[] };

/** Default per-call time limit (ms). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Runs one operation for real: the installation's settings (base URL override, secrets), the
 * connector's credentials (logging in first when the auth type needs it), the engine's step
 * interpreter over HTTP. Never throws for the outside system's failures: they come back as data
 * with the steps sent so far; credentials are masked in the steps and the error (mask the result
 * with `sensitive` before showing it).
 */
export async function callOperation(ctx: KilnContext, app: { id: number; key: string }, loaded: LoadedConnector, operation: string, input: unknown, key: string, settings?: ConnectorSettings, secretInputs: readonly string[] = []): Promise<CallOutcome> {
  const started = performance.now();
  const def = loaded.def;
  const s = settings ?? (await loadConnectorSettings(ctx, app.id, def.key));
  const elapsed = () => Math.round(performance.now() - started);
  const baseUrl = s.baseUrl ?? def.baseUrl ?? null;
  // The installation's secrets and the secret values of this input (a sign-in code).
  const secretValues = [...Object.values(s.secrets), ...secretInputs];
  if (!baseUrl) {
    return { ok: false, error: { code: 'CONNECTOR_NOT_CONFIGURED', message: `Connector "${def.key}" has no base URL: set it in the definition or the settings.`, permanent: false }, steps: [], durationMs: elapsed(), sensitive: secretValues };
  }
  const auth = new Authenticator({ ctx, appId: app.id, connector: def.key, auth: def.auth, baseUrl, secrets: s.secrets, timeoutMs: def.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const hide = () => [...secretValues, ...auth.sensitive];
  try {
    await auth.prepare();
  } catch (err) {
    const error = loginError(err);
    return { ok: false, error: redact(error, hide()), steps: redact([{ step: 'login', error: error as never }], hide()), durationMs: elapsed(), sensitive: hide() };
  }
  const transport = httpTransport(auth, def.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let outcome: Awaited<ReturnType<typeof executeOperation>>;
  try {
    outcome = await executeOperation(loaded.compiled, operation, { input, key, baseUrl, now: ctx.clock.now() }, transport);
  } catch (err) {
    // The interpreter promises not to throw; if it does, the delivery is retried, not lost.
    const error = { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), permanent: false };
    return { ok: false, error: redact(error, hide()), steps: [], durationMs: elapsed(), sensitive: hide() };
  }
  const durationMs = elapsed();
  if (outcome.ok) return { ...outcome, steps: redact(outcome.steps, hide()), durationMs, sensitive: hide() };
  let error: CallFailure = outcome.error;
  // A credentials failure while sending (e.g. the re-login after `expired`): report it as such.
  if (transport.failure) error = { ...loginError(transport.failure), ...(outcome.error.step ? { step: outcome.error.step } : {}) };
  const steps = outcome.steps.map((st) => (st.error && transport.failure && st.step === error.step ? { ...st, error: error as never } : st));
  return { ok: false, error: redact(error, hide()), steps: redact(steps, hide()), durationMs, sensitive: hide() };
}

function loginError(err: unknown): CallFailure {
  if (err instanceof AuthFailure) return { code: err.code, message: err.message, permanent: false, ...(err.details ? { details: err.details } : {}) };
  if (err instanceof TransportError) return { code: err.code, message: `Login: ${err.message}`, permanent: false };
  return { code: 'CONNECTOR_LOGIN_FAILED', message: err instanceof Error ? err.message : String(err), permanent: false };
}
