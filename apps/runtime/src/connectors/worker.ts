import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { KilnContext } from '../context.js';
import type { AppRow } from '../metadata/apps.js';
import { deliverOne, type ClaimedDelivery } from './deliver.js';
import { registerWorker } from './wake.js';

/** Options of a {@link DeliveryWorker}. */
export interface DeliveryWorkerOptions {
  /** Deliveries sent at the same time (default: config.deliveryConcurrency, 4). */
  concurrency?: number;
  /** How long a claimed delivery stays leased to this worker (runtime clock; default 10 min). */
  leaseMs?: number;
  /** Stop a drain after this many deliveries (the next poll continues; default 10 000). */
  maxPerDrain?: number;
}

const INTERRUPTED = JSON.stringify({ code: 'DELIVERY_INTERRUPTED', message: 'The worker sending this attempt stopped (its lease expired); the delivery was queued again.' });

/**
 * Sends connector deliveries from the outbox. Due `pending` rows are claimed up to `concurrency`
 * at a time (one statement, with their app rows) with `for update skip locked` (state →
 * `sending`, leased to this worker), so several runtime processes can share one database and each delivery is sent by one of them at a time; a
 * lease that expires (a crashed process) returns its row to `pending`. A drain runs
 * `concurrency` lanes until nothing is due. `kick()` starts a drain in the background
 * (coalesced: kicks during a drain add at most one more), `start()` polls, `runDue()` drains now
 * and resolves when done (the test clock awaits it).
 */
export class DeliveryWorker {
  readonly id = `d-${randomUUID().slice(0, 8)}`;
  private draining: Promise<number> = Promise.resolve(0);
  private kickQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly unregister: () => void;

  constructor(private readonly ctx: KilnContext, private readonly opts: DeliveryWorkerOptions = {}) {
    this.unregister = registerWorker(ctx, this);
  }

  /** Sends every delivery due at the clock's current time; resolves with how many were handled. */
  runDue(): Promise<number> {
    const next = this.draining.then(() => this.drain());
    this.draining = next.catch((err) => {
      console.error('delivery drain failed', err);
      return 0;
    });
    return next;
  }

  /** Starts a drain in the background (after the current one, coalesced). */
  kick(): void {
    if (this.stopped || this.kickQueued) return;
    this.kickQueued = true;
    this.draining = this.draining.then(() => {
      this.kickQueued = false;
      return this.stopped ? 0 : this.drain();
    }).catch((err) => {
      console.error('delivery drain failed', err);
      return 0;
    });
  }

  /** Polls for due deliveries every `intervalMs` (real time) until `stop()`. */
  start(intervalMs = 1000): void {
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.runDue();
      } catch {
        /* logged by runDue */
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops polling and waking, and waits for the drain in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unregister();
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  private async drain(): Promise<number> {
    await this.releaseExpired();
    let handled = 0;
    const max = this.opts.maxPerDrain ?? 10_000;
    const n = Math.max(1, this.opts.concurrency ?? this.ctx.config.deliveryConcurrency ?? 4);
    // Claimed together (one statement for up to `n` rows), sent by whichever lane is free.
    const claimed: ClaimedDelivery[] = [];
    let claiming: Promise<number> | null = null;
    let exhausted = false;
    const next = async (): Promise<ClaimedDelivery | null> => {
      for (;;) {
        if (this.stopped || handled >= max) return null;
        const d = claimed.shift();
        if (d) {
          handled++;
          return d;
        }
        if (exhausted) return null;
        claiming ??= this.claim(Math.min(n, max - handled)).then((rows) => {
          claimed.push(...rows);
          if (!rows.length) exhausted = true;
          return rows.length;
        }).finally(() => {
          claiming = null;
        });
        await claiming;
      }
    };
    const lane = async () => {
      for (let d = await next(); d; d = await next()) {
        try {
          await deliverOne(this.ctx, d, this.id);
        } catch (err) {
          // A database failure mid-way: the lease expires and the delivery is tried again.
          console.error(`delivery ${d.id} failed`, err);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: n }, lane));
    } finally {
      // Stopped with claimed rows not yet started: give them back now rather than at lease expiry.
      if (claimed.length) await this.unclaim(claimed.map((d) => d.id));
    }
    return handled;
  }

  /** Returns claimed deliveries whose attempt was not started to `pending` (still due). */
  private async unclaim(ids: number[]): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await sql`update outbox set state = 'pending', locked_by = null, locked_until = null, updated_at = ${now}
      where id in (${sql.join(ids)}) and state = 'sending' and locked_by = ${this.id}`.execute(this.ctx.db);
  }

  /** Returns deliveries whose lease ran out to `pending`, marking their unfinished attempt. */
  private async releaseExpired(): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await sql`with expired as (
        update outbox set state = 'pending', locked_by = null, locked_until = null, next_attempt_at = ${now}, updated_at = ${now}
        where state = 'sending' and locked_until < ${now} returning id)
      update outbox_attempts set ok = false, error = ${INTERRUPTED}::jsonb where ok is null and outbox_id in (select id from expired)`.execute(this.ctx.db);
  }

  /** Claims up to `limit` due deliveries (oldest due first) with their app rows, in one statement. */
  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.ctx.clock.now();
    const lease = new Date(now.getTime() + (this.opts.leaseMs ?? 10 * 60_000)).toISOString();
    // The app row comes with the claim (its current version decides the connector definition).
    const r = await sql<Omit<ClaimedDelivery, 'app'> & { next_attempt_at: string | Date; app_key: string; app_name: AppRow['name']; app_version: number | null; app_tenant: number }>`update outbox o
      set state = 'sending', locked_by = ${this.id}, locked_until = ${lease}, updated_at = ${now.toISOString()}
      from apps a
      where a.id = o.app_id and o.id = any(array(select id from outbox where state = 'pending' and kind = 'connector' and next_attempt_at <= ${now.toISOString()}
        order by next_attempt_at, id limit ${limit} for update skip locked))
      returning o.id, o.app_id, o.target, o.operation, o.payload, o.secret_keys, o.attempts, o.max_attempts, o.idempotency_key, o.record_form, o.record_id, o.next_attempt_at,
        a.key as app_key, a.name as app_name, a.current_version as app_version, a.tenant_id as app_tenant`.execute(this.ctx.db);
    const due = (v: string | Date) => new Date(v).getTime();
    return r.rows
      .sort((x, y) => due(x.next_attempt_at) - due(y.next_attempt_at) || Number(x.id) - Number(y.id))
      .map(({ app_key, app_name, app_version, app_tenant, next_attempt_at: _due, ...d }) => {
        const appId = Number(d.app_id);
        return {
          ...d, id: Number(d.id), app_id: appId, record_id: d.record_id === null ? null : Number(d.record_id),
          app: { id: appId, key: app_key, name: app_name, current_version: app_version === null ? null : Number(app_version), tenant_id: Number(app_tenant) },
        };
      });
  }
}
