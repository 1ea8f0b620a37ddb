import { ConnectorError, idempotencyKey } from '@kiln/engine-connectors';
import { sql } from 'kysely';
import type { KilnContext } from '../context.js';
import type { StoredError } from '../db/schema.js';
import { appById, type AppRow } from '../metadata/apps.js';
import { callOperation, type CallFailure } from './call.js';
import { publishedConnector, type LoadedConnector } from './definitions.js';
import { backoffMs, retryPolicy } from './retry.js';
import { applySuccess } from './success.js';

/** An outbox row a worker has leased (state `sending`). */
export interface ClaimedDelivery {
  id: number;
  app_id: number;
  target: string;
  operation: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number | null;
  idempotency_key: string | null;
  record_form: string | null;
  record_id: number | null;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** Ends a leased delivery in a state, if this worker still holds the lease. */
async function settle(ctx: KilnContext, d: ClaimedDelivery, worker: string, set: { state: 'pending' | 'dead'; error?: StoredError | null; nextAttemptAt?: Date }): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.updateTable('outbox').set({
    state: set.state, locked_by: null, locked_until: null, updated_at: now,
    ...(set.error !== undefined ? { last_error: set.error === null ? null : json(set.error) } : {}),
    ...(set.nextAttemptAt ? { next_attempt_at: set.nextAttemptAt.toISOString() } : {}),
  }).where('id', '=', d.id).where('state', '=', 'sending').where('locked_by', '=', worker).execute();
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
  return ctx.db.transaction().execute(async (trx) => {
    if (perMinute && perMinute > 0) {
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
    }
    const n = d.attempts + 1;
    const claimed = await trx.updateTable('outbox').set({
      attempts: n, idempotency_key: key, max_attempts: d.max_attempts ?? retryPolicy(loaded.def).maxAttempts, updated_at: now.toISOString(),
    }).where('id', '=', d.id).where('state', '=', 'sending').where('locked_by', '=', worker).executeTakeFirst();
    if (!Number(claimed.numUpdatedRows)) return null; // the lease was lost: another worker has it
    const row = await trx.insertInto('outbox_attempts').values({ outbox_id: d.id, app_id: app.id, connector: d.target, n, started_at: now.toISOString(), duration_ms: null, ok: null })
      .returning('id').executeTakeFirstOrThrow();
    return { attemptId: Number(row.id) };
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
  const app = await appById(ctx.db, d.app_id);
  if (!app) return;
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

  const outcome = await callOperation(ctx, app, loaded, operation, d.payload, key);
  const error: CallFailure | null = outcome.ok ? null : outcome.error;
  await ctx.db.updateTable('outbox_attempts').set({
    duration_ms: outcome.durationMs, ok: outcome.ok, steps: json(outcome.steps), error: error ? json(storedOf(error)) : null,
  }).where('id', '=', started.attemptId).execute();

  if (outcome.ok) {
    await applySuccess(ctx, app, { ...d, attempts: d.attempts + 1 }, worker, loaded, operation, { result: outcome.result, writeBack: outcome.writeBack, sensitive: outcome.sensitive });
    return;
  }
  const policy = retryPolicy(loaded.def);
  const attempts = d.attempts + 1;
  const max = d.max_attempts ?? policy.maxAttempts;
  if (error!.permanent || attempts >= max) return settle(ctx, d, worker, { state: 'dead', error: storedOf(error!) });
  const next = new Date(ctx.clock.now().getTime() + backoffMs(policy, attempts));
  return settle(ctx, d, worker, { state: 'pending', error: storedOf(error!), nextAttemptAt: next });
}

/** A call failure as kept on the delivery (`{code, message, details?}`; step and permanence in details). */
export function storedOf(e: CallFailure): StoredError {
  const details = { ...(e.step ? { step: e.step } : {}), permanent: e.permanent, ...(e.details?.length ? { messages: e.details } : {}) };
  return { code: e.code, message: e.message, details };
}
