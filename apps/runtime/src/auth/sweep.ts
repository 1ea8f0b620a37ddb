import { sql, type Kysely, type Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { enqueue, type JobHandler } from '../jobs/queue.js';

/** The job queue of the hourly sweep of dead sign-in state. */
export const AUTH_SWEEP_QUEUE = 'auth.sweep';
const KEY = 'auth-sweep';
const EVERY_MS = 3600_000;
/** Codes are kept a day after they expire: the per-phone daily limit counts them. */
const CODE_KEEP_MS = 25 * 3600_000;

/**
 * Deletes sessions that can no longer be used (past their expiry, or idle longer than
 * `KILN_SESSION_IDLE`) and sign-in codes and magic links a day after they expired. Runs hourly
 * on the runtime clock; returns what it removed.
 */
export async function sweepAuth(ctx: KilnContext, db: Kysely<KilnDatabase> | Transaction<KilnDatabase> = ctx.db): Promise<{ sessions: number; codes: number }> {
  const now = ctx.clock.now();
  const idleBefore = new Date(now.getTime() - ctx.config.sessionIdle * 1000).toISOString();
  const s = await sql`delete from sessions where expires_at <= ${now.toISOString()} or coalesce(last_used_at, created_at) < ${idleBefore}`.execute(db);
  const c = await sql`delete from login_codes where expires_at < ${new Date(now.getTime() - CODE_KEEP_MS).toISOString()}`.execute(db);
  return { sessions: Number(s.numAffectedRows ?? 0), codes: Number(c.numAffectedRows ?? 0) };
}

/** The sweep as a recurring job (one per database: its key is unique while queued). */
export function authSweepHandler(ctx: KilnContext): JobHandler {
  return async (_job, trx) => {
    await sweepAuth(ctx, trx);
    return { next: { runAt: new Date(ctx.clock.now().getTime() + EVERY_MS) } };
  };
}

/** Queues the first sweep an hour from now unless one is queued already. */
export async function scheduleAuthSweep(ctx: KilnContext): Promise<void> {
  await enqueue(ctx.db, { queue: AUTH_SWEEP_QUEUE, key: KEY, payload: {}, runAt: new Date(ctx.clock.now().getTime() + EVERY_MS) }, ctx.clock.now());
}
