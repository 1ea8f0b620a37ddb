import { ConnectorError, idempotencyKey } from '@kiln/engine-connectors';
import { sql } from 'kysely';
import type { KilnContext } from '../context.js';
import type { StoredError } from '../db/schema.js';
import type { AppRow } from '../metadata/apps.js';
import { callOperation, type CallFailure } from './call.js';
import { publishedConnector, type LoadedConnector } from './definitions.js';
import { backoffMs, retryPolicy } from './retry.js';
import { cachedConnectorSettings } from './settings.js';
import { redact } from './redact.js';
import { applySuccess } from './success.js';

/** An outbox row a worker has leased (state `sending`). */
export interface ClaimedDelivery {
  id: number;
  app_id: number;
  target: string;
  operation: string | null;
  payload: unknown;
  /** Input keys whose values are secrets (redacted from the attempt log and the result). */
  secret_keys: string[] | null;
  attempts: number;
  max_attempts: number | null;
  idempotency_key: string | null;
  record_form: string | null;
  record_id: number | null;
  /** The delivery's app as it was when claimed (read in the claim statement). */
  app: AppRow;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** An attempt's outcome, written with the delivery's new state in one statement. */
interface AttemptLog { id: number; durationMs: number; ok: boolean; steps: unknown; error: StoredError | null }

/** The statement that records an attempt's outcome, as a CTE in front of the outbox update (none: nothing). */
const attemptCte = (a: AttemptLog | undefined) => (a
  ? sql`with attempt as (update outbox_attempts set duration_ms = ${a.durationMs}, ok = ${a.ok}, steps = ${json(a.steps)}::jsonb, error = ${a.error ? json(a.error) : null}::jsonb where id = ${a.id}) `
  : sql``);

/**
 * Ends a leased delivery in a state, if this worker still holds the lease; with `attempt`, its
 * attempt's outcome is recorded in the same statement (whether or not the lease is still held).
 */
async function settle(ctx: KilnContext, d: ClaimedDelivery, worker: string, set: { state: 'pending' | 'dead'; error?: StoredError | null; nextAttemptAt?: Date }, attempt?: AttemptLog): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const lastError = set.error !== undefined ? sql`, last_error = ${set.error === null ? null : json(set.error)}::jsonb` : sql``;
  const next = set.nextAttemptAt ? sql`, next_attempt_at = ${set.nextAttemptAt.toISOString()}` : sql``;
  await sql`${attemptCte(attempt)}update outbox set state = ${set.state}, locked_by = null, locked_until = null, updated_at = ${now}${lastError}${next}
    where id = ${d.id} and state = 'sending' and locked_by = ${worker}`.execute(ctx.db);
}

/**
 * Marks a leased delivery delivered with its (redacted) result and records its attempt's outcome,
 * in one statement: the success of an operation with no write back and no rule.
 */
async function delivered(ctx: KilnContext, d: ClaimedDelivery, worker: string, result: unknown, attempt: AttemptLog): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await sql`${attemptCte(attempt)}update outbox set state = 'delivered', result = ${json(result)}::jsonb, delivered_at = ${now}, last_error = null,
      locked_by = null, locked_until = null, updated_at = ${now}
    where id = ${d.id} and state = 'sending' and locked_by = ${worker}`.execute(ctx.db);
}

/**
 * Starts an attempt: under a per-connector advisory lock (so every runtime process sees the same
 * count), checks the rate limit over the attempts of the last 60 s of the runtime clock, then
 * records the attempt and stores the idempotency key. Returns the attempt id, or when the limit
 * is reached the time the window frees up (nothing is counted).
 */
async function startAttempt(ctx: KilnContext, app: AppRow, d: ClaimedDelivery, worker: string, loaded: LoadedConnector, key: string): Promise<{ attemptId: number } | { deferUntil: Date } | null> {
  const now = ctx.clock.now();
  const perMinute = loaded.def.rateLimit?.perMinute;
  const n = d.attempts + 1;
  // Counts the attempt on the delivery (if this worker still holds the lease) and inserts its row, in one statement.
  const record = async (db: typeof ctx.db) => {
    const r = await sql<{ id: string | number }>`with counted as (
        update outbox set attempts = ${n}, idempotency_key = ${key}, max_attempts = ${d.max_attempts ?? retryPolicy(loaded.def).maxAttempts}, updated_at = ${now.toISOString()}
        where id = ${d.id} and state = 'sending' and locked_by = ${worker} returning id)
      insert into outbox_attempts (outbox_id, app_id, connector, n, started_at)
      select id, ${app.id}::bigint, ${d.target}::text, ${n}::integer, ${now.toISOString()}::timestamptz from counted returning id`.execute(db);
    const row = r.rows[0];
    return row ? { attemptId: Number(row.id) } : null; // none: the lease was lost, another worker has it
  };
  if (!perMinute || perMinute <= 0) return record(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`kiln-rate:${app.id}:${d.target}`}))`.execute(trx);
    const since = new Date(now.getTime() - 60_000).toISOString();
    const r = await sql<{ started_at: string }>`select started_at from outbox_attempts where app_id = ${app.id} and connector = ${d.target} and started_at > ${since}
      order by started_at desc offset ${perMinute - 1} limit 1`.execute(trx);
    const oldest = r.rows[0];
    if (oldest) {
      // Deferred, not attempted: keep the key so every later attempt uses the same one.
      await trx.updateTable('outbox').set({ idempotency_key: key }).where('id', '=', d.id).where('idempotency_key', 'is', null).execute();
      return { deferUntil: new Date(new Date(oldest.started_at).getTime() + 60_000 + 1) };
    }
    return record(trx);
  });
}

/**
 * Sends one leased delivery with the app's current published connector: unknown connector or
 * operation → `dead`; rate limit reached → back to `pending` until the window frees; else one
 * attempt (kept with its redacted log), then success (see {@link applySuccess}) or a retry with
 * exponential backoff, `dead` when the failure is permanent or the attempts are used up.
 * HTTP calls run outside any transaction.
 */
export async function deliverOne(ctx: KilnContext, d: ClaimedDelivery, worker: string): Promise<void> {
  const app = d.app;
  const dead = (code: string, message: string) => settle(ctx, d, worker, { state: 'dead', error: { code, message } });
  if (app.current_version === null) return dead('APP_NOT_PUBLISHED', `App "${app.key}" has no published version.`);
  let loaded: LoadedConnector | null;
  try {
    loaded = await publishedConnector(ctx.db, app.id, app.current_version, d.target);
  } catch (err) {
    return dead(err instanceof ConnectorError ? err.code : 'CONNECTOR_INVALID', err instanceof Error ? err.message : String(err));
  }
  if (!loaded) return dead('CONNECTOR_NOT_FOUND', `App "${app.key}" (version ${app.current_version}) has no connector "${d.target}".`);
  // A rule may leave the operation out when the connector has only one.
  const ops = Object.keys(loaded.def.operations ?? {});
  const operation = d.operation ?? (ops.length === 1 ? ops[0]! : '');
  if (!loaded.def.operations || !Object.hasOwn(loaded.def.operations, operation)) {
    return dead('CONNECTOR_OPERATION_UNKNOWN', `Connector "${d.target}" has no operation "${operation}".`);
  }
  let key = d.idempotency_key;
  if (!key) {
    try {
      key = await idempotencyKey(loaded.compiled, operation, { input: d.payload, delivery: { id: d.id, app: app.key, connector: d.target } }, ctx.clock.now());
    } catch (err) {
      return dead('CONNECTOR_MAPPING_FAILED', `The idempotency key could not be computed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const started = await startAttempt(ctx, app, d, worker, loaded, key);
  if (!started) return;
  if ('deferUntil' in started) return settle(ctx, d, worker, { state: 'pending', nextAttemptAt: started.deferUntil });

  const settings = await cachedConnectorSettings(ctx, app.id, loaded.def.key);
  const outcome = await callOperation(ctx, app, loaded, operation, d.payload, key, settings, secretInputs(d.payload, d.secret_keys));
  const error: CallFailure | null = outcome.ok ? null : outcome.error;
  const attempt: AttemptLog = { id: started.attemptId, durationMs: outcome.durationMs, ok: outcome.ok, steps: outcome.steps, error: error ? storedOf(error) : null };

  if (outcome.ok) {
    const op = loaded.def.operations[operation]!;
    const writes = Boolean(outcome.writeBack && Object.keys(outcome.writeBack).length && d.record_form && d.record_id !== null);
    // Nothing to apply: the delivery and its attempt in one statement.
    if (!writes && !op.rule) return delivered(ctx, d, worker, redact(outcome.result ?? null, outcome.sensitive), attempt);
    await ctx.db.updateTable('outbox_attempts').set({ duration_ms: attempt.durationMs, ok: true, steps: json(attempt.steps), error: null }).where('id', '=', attempt.id).execute();
    await applySuccess(ctx, app, { ...d, attempts: d.attempts + 1 }, worker, loaded, operation, { result: outcome.result, writeBack: outcome.writeBack, sensitive: outcome.sensitive });
    return;
  }
  const policy = retryPolicy(loaded.def);
  const attempts = d.attempts + 1;
  const max = d.max_attempts ?? policy.maxAttempts;
  if (error!.permanent || attempts >= max) return settle(ctx, d, worker, { state: 'dead', error: storedOf(error!) }, attempt);
  const next = new Date(ctx.clock.now().getTime() + backoffMs(policy, attempts));
  return settle(ctx, d, worker, { state: 'pending', error: storedOf(error!), nextAttemptAt: next }, attempt);
}

/** A call failure as kept on the delivery (`{code, message, details?}`; step and permanence in details). */
export function storedOf(e: CallFailure): StoredError {
  const details = { ...(e.step ? { step: e.step } : {}), permanent: e.permanent, ...(e.details?.length ? { messages: e.details } : {}) };
  return { code: e.code, message: e.message, details };
}

/** The values of a delivery's secret input keys (see `outbox.secret_keys`), to redact wherever shown. */
export function secretInputs(payload: unknown, keys: readonly string[] | null | undefined): string[] {
  if (!keys?.length || !payload || typeof payload !== 'object') return [];
  const p = payload as Record<string, unknown>;
  return keys.map((k) => p[k]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}
