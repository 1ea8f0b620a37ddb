import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { AutoNumberField, FieldDefinition } from '@kiln/engine-forms';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { safeName } from './columns.js';
import type { FormRuntime } from './form-runtime.js';
import { autoNumberSql, findDuplicate, priorRecordId, toDb } from './service.js';

/** One validated submission waiting for its batch. */
interface Pending {
  value: Record<string, unknown>;
  idempotencyKey?: string;
  scope: string;
  resolve(r: BatchOutcome): void;
  reject(e: unknown): void;
}

/** What a batched insert says about one submission. */
export type BatchOutcome =
  | { kind: 'created'; id: number }
  | { kind: 'duplicate'; id: number }
  | { kind: 'stale' }
  | { kind: 'retry-single' };

const MAX_BATCH = 200;
const MAX_IN_FLIGHT = Number(process.env.KILN_BATCH_IN_FLIGHT ?? 4);

/**
 * Group commit for high-volume intake (public form spikes): submissions that arrive while a
 * batch is being written are queued and written together in the next transaction — one
 * multi-row INSERT … ON CONFLICT DO NOTHING — and each is acknowledged only after that commit.
 * At low load a batch is a single submission, so latency does not grow; under load, commits
 * per second stop being the ceiling.
 *
 * Any database error in a batch (a unique value taken, a missing related record) rolls the batch
 * back and answers `retry-single`, so the caller writes those submissions one by one and each
 * gets its own precise error. A publish that changed the form between validation and the write
 * answers `stale` (the batch holds a share lock on the app row, which publish locks for update).
 */
export class BatchWriter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly ctx: KilnContext, private readonly rt: FormRuntime) {}

  /** Queues a validated value; resolves after the batch holding it commits (or is refused). */
  submit(value: Record<string, unknown>, scope: string, idempotencyKey?: string): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ value, scope, idempotencyKey, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || !this.queue.length) return;
    this.scheduled = true;
    // Let this turn of the event loop finish parsing requests, so they join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight >= MAX_IN_FLIGHT || !this.queue.length) return;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.inFlight += 1;
    this.write(batch)
      .then((outcomes) => batch.forEach((p, i) => p.resolve(outcomes[i]!)))
      .catch(() => batch.forEach((p) => p.resolve({ kind: 'retry-single' })))
      .finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
    this.schedule();
  }

  private async write(batch: Pending[]): Promise<BatchOutcome[]> {
    const { rt } = this;
    return this.ctx.db.transaction().execute(async (trx) => {
      const seq = `${rt.storage.table}_id_seq`;
      const head = await sql<{ version: number | null; ids: number[] }>`
        select a.current_version as version,
               array(select nextval(${safeName(seq)}::regclass) from generate_series(1, ${batch.length})) as ids
        from apps a where a.id = ${rt.app.id} for share of a`.execute(trx);
      const row = head.rows[0];
      if (!row || row.version !== rt.version) return batch.map(() => ({ kind: 'stale' }) as const);
      const ids = row.ids.map(Number);
      const inserted = await this.insertRows(trx, batch, ids);
      const outcomes: BatchOutcome[] = batch.map((_, i) => (inserted.has(ids[i]!) ? { kind: 'created', id: ids[i]! } : { kind: 'duplicate', id: 0 }));
      await this.writeJoins(trx, batch, ids, inserted);
      await this.claimIdempotencyKeys(trx, batch, ids, outcomes);
      await this.resolveDuplicates(trx, batch, outcomes);
      return outcomes;
    });
  }

  private async insertRows(trx: Transaction<KilnDatabase>, batch: Pending[], ids: number[]): Promise<Set<number>> {
    const { rt } = this;
    const now = this.ctx.clock.now().toISOString();
    const cols = rt.columns.filter((c) => c.sqlType !== 'join');
    const fields = new Map(rt.form.fields.map((f) => [f.id, f] as const));
    const names = [sql`id`, sql`created_at`, sql`updated_at`, sql`form_version`, ...cols.map((c) => sql.id(c.column))];
    const rows = batch.map((p, i) => {
      const vals: RawBuilder<unknown>[] = [sql`${ids[i]}`, sql`${now}::timestamptz`, sql`${now}::timestamptz`, sql`${rt.version}`];
      for (const c of cols) {
        const field = fields.get(c.id) as FieldDefinition;
        vals.push(field.type === 'autonumber' ? autoNumberSql(field as AutoNumberField, c) : sql`${toDb(c, p.value[c.key])}::${sql.raw(c.sqlType)}`);
      }
      return sql`(${sql.join(vals)})`;
    });
    const conflict = rt.storage.dedupe.length ? sql`on conflict (${sql.join(rt.storage.dedupe.map((c) => sql.id(safeName(c))))}) do nothing` : sql``;
    const r = await sql<{ id: number }>`insert into ${sql.id(safeName(rt.storage.table))} (${sql.join(names)}) values ${sql.join(rows)} ${conflict} returning id`.execute(trx);
    return new Set(r.rows.map((x) => Number(x.id)));
  }

  private async writeJoins(trx: Transaction<KilnDatabase>, batch: Pending[], ids: number[], inserted: Set<number>): Promise<void> {
    for (const c of this.rt.columns) {
      if (c.sqlType !== 'join') continue;
      const pairs = batch.flatMap((p, i) => (inserted.has(ids[i]!) ? [...new Set((p.value[c.key] as number[] | null | undefined) ?? [])].map((d) => sql`(${ids[i]}, ${d})`) : []));
      if (pairs.length) await sql`insert into ${sql.id(safeName(c.joinTable!))} (src, dst) values ${sql.join(pairs)}`.execute(trx);
    }
  }

  /** Claims each new record's Idempotency-Key; a key claimed earlier wins and our twin is removed. */
  private async claimIdempotencyKeys(trx: Transaction<KilnDatabase>, batch: Pending[], ids: number[], outcomes: BatchOutcome[]): Promise<void> {
    const keyed = batch.map((p, i) => ({ p, i })).filter(({ p, i }) => p.idempotencyKey && outcomes[i]!.kind === 'created');
    if (!keyed.length) return;
    const now = this.ctx.clock.now().toISOString();
    const claimed = await trx.insertInto('idempotency_keys')
      .values(keyed.map(({ p, i }) => ({ scope: p.scope, key: p.idempotencyKey!, record_id: ids[i]!, created_at: now })))
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).returning(['record_id']).execute();
    const won = new Set(claimed.map((c) => Number(c.record_id)));
    const lost = keyed.filter(({ i }) => !won.has(ids[i]!));
    if (!lost.length) return;
    await sql`delete from ${sql.id(safeName(this.rt.storage.table))} where id in (${sql.join(lost.map(({ i }) => ids[i]))})`.execute(trx);
    for (const { p, i } of lost) {
      const prior = await priorRecordId(trx, p.scope, p.idempotencyKey!);
      outcomes[i] = prior === null ? { kind: 'retry-single' } : { kind: 'duplicate', id: prior };
    }
  }

  /** Finds the first record of each de-duplicated submission. */
  private async resolveDuplicates(trx: Transaction<KilnDatabase>, batch: Pending[], outcomes: BatchOutcome[]): Promise<void> {
    for (let i = 0; i < batch.length; i++) {
      const o = outcomes[i]!;
      if (o.kind !== 'duplicate' || o.id) continue;
      const id = await findDuplicate(trx, this.rt, batch[i]!.value);
      outcomes[i] = id ? { kind: 'duplicate', id } : { kind: 'retry-single' };
    }
  }
}

const writers = new WeakMap<FormRuntime, BatchWriter>();

/** The batch writer of a published form version (one per process). */
export function batchWriterOf(ctx: KilnContext, rt: FormRuntime): BatchWriter {
  let w = writers.get(rt);
  if (!w) writers.set(rt, (w = new BatchWriter(ctx, rt)));
  return w;
}
