import { idempotencyKey, secretNames, validateConnector, type ConnectorDefinition, type Localized } from '@kiln/engine-connectors';
import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { callOperation, type CallFailure } from './call.js';
import { compileOrFail, draftOrPublished } from './definitions.js';
import { redact } from './redact.js';
import { loadConnectorSettings } from './settings.js';

/** The answer of the test call. */
export interface TestCallAnswer {
  ok: boolean;
  key: string;
  durationMs: number;
  steps: unknown[];
  result?: unknown;
  writeBack?: Record<string, unknown> | null;
  error?: CallFailure;
}

/** The definition a studio request means: the one sent (unsaved), else the draft, else the published one. */
export async function definitionFor(ctx: KilnContext, app: AppRow, key: string, given: unknown, locale: 'zh-CN' | 'en'): Promise<ConnectorDefinition> {
  if (given !== undefined && given !== null) {
    const problems = validateConnector(given, { locale });
    if (problems.length) throw new KilnError('CONNECTOR_INVALID', problems[0]!.message, { problems });
    const def = given as ConnectorDefinition;
    if (def.key !== key) throw new KilnError('CONNECTOR_INVALID', `The definition's key must be "${key}".`, { problems: [{ path: '/key', code: 'CONNECTOR_DEFINITION_INVALID', message: `The key must be "${key}".` }] });
    return def;
  }
  return (await draftOrPublished(ctx.db, app, key)).def;
}

/**
 * Runs one operation for real (test call from the studio): real HTTP with the installation's
 * settings and credentials, but no delivery row and no write back. The idempotency key is the
 * operation's `key` with the clock's milliseconds as delivery id (the default key differs per
 * test call, so an API that honours it does not answer a second test with the first one's result).
 */
export async function testCall(ctx: KilnContext, app: AppRow, key: string, body: { operation?: unknown; input?: unknown; definition?: unknown }, locale: 'zh-CN' | 'en'): Promise<TestCallAnswer> {
  if (typeof body.operation !== 'string' || !body.operation) throw new KilnError('BAD_REQUEST', 'Send {"operation", "input"?, "definition"?}.', { path: '/operation' });
  const def = await definitionFor(ctx, app, key, body.definition, locale);
  const compiled = compileOrFail(def);
  const input = body.input ?? null;
  const settings = await loadConnectorSettings(ctx, app.id, key);
  if (!def.operations || !Object.hasOwn(def.operations, body.operation)) {
    return { ok: false, key: '', durationMs: 0, steps: [], error: { code: 'CONNECTOR_OPERATION_UNKNOWN', message: `Connector "${key}" has no operation "${body.operation}".`, permanent: true } };
  }
  let idem: string;
  try {
    idem = await idempotencyKey(compiled, body.operation, { input, delivery: { id: ctx.clock.now().getTime(), app: app.key, connector: key } }, ctx.clock.now());
  } catch (err) {
    const error: CallFailure = { code: 'CONNECTOR_MAPPING_FAILED', message: err instanceof Error ? err.message : String(err), permanent: true };
    return { ok: false, key: '', durationMs: 0, steps: [], error };
  }
  const out = await callOperation(ctx, app, { def, compiled }, body.operation, input, idem, settings);
  const answer: TestCallAnswer = out.ok
    ? { ok: true, key: idem, durationMs: out.durationMs, steps: out.steps, result: out.result, writeBack: out.writeBack }
    : { ok: false, key: idem, durationMs: out.durationMs, steps: out.steps, error: out.error };
  return redact(answer, out.sensitive);
}

/** The settings view: base URLs and which secrets are set (never their values). */
export async function settingsView(ctx: KilnContext, app: AppRow, key: string): Promise<{ baseUrl: string | null; effectiveBaseUrl: string | null; secrets: Array<{ name: string; label: Localized; for: 'auth' | 'inbound'; set: boolean }>; updatedAt: string | null }> {
  const { def } = await draftOrPublished(ctx.db, app, key);
  const s = await loadConnectorSettings(ctx, app.id, key);
  let specs: ReturnType<typeof secretNames> = [];
  try {
    specs = secretNames(def);
  } catch {
    specs = []; // a broken draft: its problems show in the editor
  }
  return {
    baseUrl: s.baseUrl,
    effectiveBaseUrl: s.baseUrl ?? def.baseUrl ?? null,
    secrets: specs.map((x) => ({ name: x.name, label: x.label, for: x.for, set: Boolean(s.secrets[x.name]) })),
    updatedAt: s.updatedAt,
  };
}
