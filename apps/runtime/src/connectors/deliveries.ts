import { sql } from 'kysely';
import type { KilnContext } from '../context.js';
import type { OutboxState, StoredError } from '../db/schema.js';
import { KilnError } from '../errors.js';
import type { AppRow } from '../metadata/apps.js';
import { publishedConnector } from './definitions.js';
import { MASK } from './redact.js';
import { retryPolicy } from './retry.js';
import { wakeDeliveries } from './wake.js';

/** One delivery as the monitor shows it. */
export interface DeliveryItem {
  id: number;
  connector: string;
  operation: string | null;
  state: OutboxState;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  idempotencyKey: string | null;
  record: { form: string; id: number } | null;
  input: unknown;
  result: unknown;
  error: StoredError | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

/** One attempt of a delivery with its (redacted) step log. */
export interface AttemptItem {
  n: number;
  startedAt: string;
  durationMs: number;
  ok: boolean;
  steps: unknown[];
  error: StoredError | null;
}

export const DELIVERY_STATES: readonly OutboxState[] = ['pending', 'sending', 'delivered', 'dead'];

const COLUMNS = ['id', 'target', 'operation', 'state', 'attempts', 'max_attempts', 'next_attempt_at', 'idempotency_key', 'record_form', 'record_id', 'payload', 'result', 'last_error', 'created_at', 'updated_at', 'delivered_at', 'secret_keys'] as const;
type Row = { id: number; target: string; operation: string | null; state: OutboxState; attempts: number; max_attempts: number | null; next_attempt_at: string; idempotency_key: string | null; record_form: string | null; record_id: number | null; payload: unknown; result: unknown; last_error: StoredError | null; created_at: string; updated_at: string | null; delivered_at: string | null; secret_keys: string[] | null };

/** The connector's default attempt budget (its published retry policy). */
async function defaultMax(ctx: KilnContext, app: AppRow, connector: string): Promise<number> {
  if (app.current_version === null) return retryPolicy(null).maxAttempts;
  const loaded = await publishedConnector(ctx.db, app.id, app.current_version, connector).catch(() => null);
  return retryPolicy(loaded?.def).maxAttempts;
}

/** The input with its secret keys' values masked (a sign-in code is never shown to builders). */
function maskSecretKeys(input: unknown, keys: string[] | null): unknown {
  if (!keys?.length || !input || typeof input !== 'object' || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, keys.includes(k) ? MASK : v]));
}

function itemOf(r: Row, max: number): DeliveryItem {
  return {
    id: Number(r.id), connector: r.target, operation: r.operation, state: r.state, attempts: r.attempts, maxAttempts: r.max_attempts ?? max,
    nextAttemptAt: r.state === 'pending' || r.state === 'sending' ? r.next_attempt_at : null, idempotencyKey: r.idempotency_key,
    record: r.record_form && r.record_id !== null ? { form: r.record_form, id: Number(r.record_id) } : null,
    input: maskSecretKeys(r.payload ?? null, r.secret_keys), result: r.result ?? null, error: r.last_error ?? null,
    createdAt: r.created_at, updatedAt: r.updated_at ?? r.created_at, deliveredAt: r.delivered_at,
  };
}

const encodeCursor = (id: number) => Buffer.from(`d:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^d:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new KilnError('INVALID_CURSOR');
  return Number(m[1]);
}

/** A page of a connector's deliveries, newest first (keyset cursor), with counts per state. */
export async function listDeliveries(ctx: KilnContext, app: AppRow, connector: string, q: { state?: string; operation?: string; limit?: number; cursor?: string }): Promise<{ items: DeliveryItem[]; nextCursor: string | null; counts: Record<OutboxState, number> }> {
  const limit = q.limit ?? 50;
  if (q.state && !DELIVERY_STATES.includes(q.state as OutboxState)) throw new KilnError('BAD_REQUEST', `state must be one of ${DELIVERY_STATES.join(', ')}.`, { path: '/state' });
  let query = ctx.db.selectFrom('outbox').select(COLUMNS).where('app_id', '=', app.id).where('kind', '=', 'connector').where('target', '=', connector);
  if (q.state) query = query.where('state', '=', q.state as OutboxState);
  if (q.operation) query = query.where('operation', '=', q.operation);
  if (q.cursor) query = query.where('id', '<', decodeCursor(q.cursor));
  const rows = (await query.orderBy('id', 'desc').limit(limit + 1).execute()) as unknown as Row[];
  const counted = await ctx.db.selectFrom('outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('app_id', '=', app.id).where('kind', '=', 'connector').where('target', '=', connector).groupBy('state').execute();
  const counts = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
  for (const c of counted) counts[c.state as OutboxState] = Number(c.n);
  const max = await defaultMax(ctx, app, connector);
  const page = rows.slice(0, limit);
  return { items: page.map((r) => itemOf(r, max)), nextCursor: rows.length > limit ? encodeCursor(Number(page[page.length - 1]!.id)) : null, counts };
}

async function rowOf(ctx: KilnContext, app: AppRow, connector: string, id: number): Promise<Row> {
  const row = Number.isSafeInteger(id) && id > 0
    ? await ctx.db.selectFrom('outbox').select(COLUMNS).where('id', '=', id).where('app_id', '=', app.id).where('kind', '=', 'connector').where('target', '=', connector).executeTakeFirst()
    : undefined;
  if (!row) throw new KilnError('DELIVERY_NOT_FOUND', `Connector "${connector}" has no delivery ${id}.`);
  return row as unknown as Row;
}

/** One delivery with every attempt's log. */
export async function getDelivery(ctx: KilnContext, app: AppRow, connector: string, id: number): Promise<Omit<DeliveryItem, 'attempts'> & { attempts: AttemptItem[]; attemptCount: number }> {
  const row = await rowOf(ctx, app, connector, id);
  const attempts = await ctx.db.selectFrom('outbox_attempts').select(['n', 'started_at', 'duration_ms', 'ok', 'steps', 'error'])
    .where('outbox_id', '=', Number(row.id)).where('ok', 'is not', null).orderBy('n').orderBy('id').execute();
  const item = itemOf(row, await defaultMax(ctx, app, connector));
  return {
    ...item, attemptCount: item.attempts,
    attempts: attempts.map((a) => ({ n: a.n, startedAt: a.started_at, durationMs: a.duration_ms ?? 0, ok: a.ok === true, steps: a.steps ?? [], error: a.error ?? null })),
  };
}

/**
 * Sends a delivery again, now, with a fresh attempt budget (`maxAttempts` = attempts so far +
 * the connector's `retry.maxAttempts`). A delivered one is replayed with the same idempotency
 * key; one being sent is refused (DELIVERY_BUSY). Wakes the worker.
 */
export async function retryDelivery(ctx: KilnContext, app: AppRow, connector: string, id: number): Promise<DeliveryItem> {
  const row = await rowOf(ctx, app, connector, id);
  const max = await defaultMax(ctx, app, connector);
  const now = ctx.clock.now().toISOString();
  const r = await sql<Row>`update outbox set state = 'pending', next_attempt_at = ${now}, max_attempts = attempts + ${max}, delivered_at = null,
      locked_by = null, locked_until = null, updated_at = ${now}
    where id = ${Number(row.id)} and state <> 'sending' returning ${sql.join(COLUMNS.map((c) => sql.ref(c)))}`.execute(ctx.db);
  if (!r.rows[0]) throw new KilnError('DELIVERY_BUSY', `Delivery ${id} is being sent right now.`);
  wakeDeliveries(ctx);
  return itemOf(r.rows[0], max);
}

/** Retries many deliveries of a connector at once (`state`: dead by default, or delivered; `ids` narrows); returns how many. */
export async function replayDeliveries(ctx: KilnContext, app: AppRow, connector: string, opts: { state?: string; ids?: number[] }): Promise<number> {
  const state = opts.state ?? (opts.ids?.length ? undefined : 'dead');
  if (state !== undefined && state !== 'dead' && state !== 'delivered') throw new KilnError('BAD_REQUEST', 'state must be "dead" or "delivered".', { path: '/state' });
  const ids = opts.ids?.filter((x) => Number.isSafeInteger(x) && x > 0);
  if (opts.ids && (!Array.isArray(opts.ids) || ids!.length !== opts.ids.length)) throw new KilnError('BAD_REQUEST', 'ids must be delivery ids.', { path: '/ids' });
  const max = await defaultMax(ctx, app, connector);
  const now = ctx.clock.now().toISOString();
  const r = await sql`update outbox set state = 'pending', next_attempt_at = ${now}, max_attempts = attempts + ${max}, delivered_at = null,
      locked_by = null, locked_until = null, updated_at = ${now}
    where app_id = ${app.id} and kind = 'connector' and target = ${connector} and state in ('pending', 'dead', 'delivered')
      ${state ? sql`and state = ${state}` : sql``} ${ids?.length ? sql`and id = any(${ids}::bigint[])` : sql``}`.execute(ctx.db);
  const count = Number(r.numAffectedRows ?? 0);
  if (count) wakeDeliveries(ctx);
  return count;
}

/** A page of a connector's inbound messages, newest first. */
export async function listMessages(ctx: KilnContext, app: AppRow, connector: string, q: { limit?: number; cursor?: string }): Promise<{ items: Array<{ id: number; messageId: string; receivedAt: string; outcome: unknown }>; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  let query = ctx.db.selectFrom('inbound_messages').select(['id', 'message_id', 'received_at', 'outcome']).where('app_id', '=', app.id).where('connector', '=', connector);
  if (q.cursor) query = query.where('id', '<', decodeCursor(q.cursor));
  const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ id: Number(r.id), messageId: r.message_id, receivedAt: r.received_at, outcome: r.outcome ?? null })),
    nextCursor: rows.length > limit ? encodeCursor(Number(page[page.length - 1]!.id)) : null,
  };
}
