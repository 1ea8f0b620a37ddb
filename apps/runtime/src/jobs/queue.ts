import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** A job as its handler sees it. */
export interface Job {
  id: number;
  queue: string;
  key: string | null;
  payload: Record<string, unknown>;
  runAt: string;
  attempts: number;
}

/** What a handler may ask for after a successful run: the next run of a recurring job. */
export interface JobResult {
  next?: { runAt: Date; payload?: Record<string, unknown> };
}

/** Runs one job inside the transaction that also removes it (and schedules its successor). */
export type JobHandler = (job: Job, trx: Transaction<KilnDatabase>) => Promise<JobResult | void>;

/** A job to enqueue. A `key` is unique among live (queued/running) jobs: enqueueing it again is a no-op. */
export interface NewJob {
  queue: string;
  key?: string;
  payload: Record<string, unknown>;
  runAt: Date;
  maxAttempts?: number;
}

/** Adds a job (inside the caller's transaction, so it exists exactly when the caller's change does). */
export async function enqueue(db: Db, job: NewJob, now: Date): Promise<void> {
  await sql`insert into jobs (queue, key, payload, run_at, max_attempts, created_at, updated_at)
    values (${job.queue}, ${job.key ?? null}, ${JSON.stringify(job.payload)}, ${job.runAt.toISOString()}, ${job.maxAttempts ?? 5}, ${now.toISOString()}, ${now.toISOString()})
    on conflict (key) where key is not null and state in ('queued','running') do nothing`.execute(db);
}

/**
 * A PostgreSQL-backed job queue on the runtime clock. Due jobs are claimed with
 * `for update skip locked`, so several runtime processes can share one database and each job
 * runs once; a crashed worker's lease expires and the job is claimed again. pg-boss and
 * graphile-worker were not used because they schedule on the database's `now()` (the test
 * clock could not move them) and need a `pg` pool (the embedded PGlite has none).
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly worker = `w-${randomUUID().slice(0, 8)}`;
  private draining: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly ctx: KilnContext, private readonly opts: { leaseMs?: number; batch?: number } = {}) {}

  /** Registers the handler of a queue. */
  on(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  /** Runs every job due at the clock's current time (and jobs they make due), one drain at a time. */
  runDue(): Promise<number> {
    const next = this.draining.then(() => this.drain());
    this.draining = next.catch(() => 0);
    return next;
  }

  /** Polls for due jobs every `intervalMs` (real time) until `stop()`. */
  start(intervalMs = 1000): void {
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.runDue();
      } catch (err) {
        console.error('job queue poll failed', err);
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  private async drain(): Promise<number> {
    let ran = 0;
    for (let round = 0; round < 1000; round++) {
      const jobs = await this.claim();
      if (!jobs.length) break;
      for (const job of jobs) {
        await this.runOne(job);
        ran++;
      }
    }
    return ran;
  }

  private async claim(): Promise<Job[]> {
    const now = this.ctx.clock.now();
    const lease = new Date(now.getTime() + (this.opts.leaseMs ?? 5 * 60_000)).toISOString();
    await sql`update jobs set state = 'queued', locked_by = null, locked_until = null where state = 'running' and locked_until < ${now.toISOString()}`.execute(this.ctx.db);
    const r = await sql<{ id: string; queue: string; key: string | null; payload: Record<string, unknown>; run_at: string; attempts: number }>`
      update jobs set state = 'running', locked_by = ${this.worker}, locked_until = ${lease}, attempts = attempts + 1, updated_at = ${now.toISOString()}
      where id in (select id from jobs where state = 'queued' and run_at <= ${now.toISOString()} order by run_at, id limit ${this.opts.batch ?? 20} for update skip locked)
      returning id, queue, key, payload, run_at, attempts`.execute(this.ctx.db);
    return r.rows.map((x) => ({ id: Number(x.id), queue: x.queue, key: x.key, payload: x.payload, runAt: new Date(x.run_at).toISOString(), attempts: x.attempts }))
      .sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id - b.id);
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers.get(job.queue);
    try {
      if (!handler) throw new Error(`no handler for queue "${job.queue}"`);
      await this.ctx.db.transaction().execute(async (trx) => {
        const result = await handler(job, trx);
        await sql`delete from jobs where id = ${job.id}`.execute(trx);
        if (result?.next) await enqueue(trx, { queue: job.queue, key: job.key ?? undefined, payload: result.next.payload ?? job.payload, runAt: result.next.runAt }, this.ctx.clock.now());
      });
    } catch (err) {
      const now = this.ctx.clock.now();
      const retryAt = new Date(now.getTime() + Math.min(3600, 2 ** job.attempts) * 1000).toISOString();
      const message = err instanceof Error ? err.message : String(err);
      await sql`update jobs set state = case when attempts >= max_attempts then 'failed' else 'queued' end, run_at = ${retryAt},
        locked_by = null, locked_until = null, last_error = ${message.slice(0, 2000)}, updated_at = ${now.toISOString()} where id = ${job.id}`.execute(this.ctx.db);
    }
  }
}
