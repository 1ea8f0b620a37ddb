import { sql, type Kysely, type Transaction } from 'kysely';
import type { KilnConfig } from '../config.js';
import type { KilnDatabase } from '../db/schema.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** The lock settings (config `loginMaxFailures`, `loginLockSeconds`). */
export type LockPolicy = Pick<KilnConfig, 'loginMaxFailures' | 'loginLockSeconds'>;

/** Seconds until a lock ends (rounded up), or 0 when not locked at `now`. */
export function lockedFor(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = new Date(lockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/**
 * Counts one failed sign-in. The `loginMaxFailures`-th consecutive one locks the account for
 * `loginLockSeconds` and starts the count again (so after the lock ends, the same number of tries
 * locks it again). One UPDATE, so concurrent failures are all counted.
 */
export async function recordFailure(db: Db, userId: number, now: Date, policy: LockPolicy): Promise<{ lockedUntil: string | null }> {
  const until = new Date(now.getTime() + policy.loginLockSeconds * 1000).toISOString();
  const r = await sql<{ locked_until: string | null; locked: boolean }>`
    update users set
      failed_logins = case when failed_logins + 1 >= ${policy.loginMaxFailures} then 0 else failed_logins + 1 end,
      locked_until = case when failed_logins + 1 >= ${policy.loginMaxFailures} then ${until}::timestamptz else locked_until end
    where id = ${userId}
    returning locked_until, (locked_until = ${until}::timestamptz) as locked`.execute(db);
  const row = r.rows[0];
  return { lockedUntil: row?.locked ? row.locked_until : null };
}

/** A successful sign-in clears the failure count and any ended lock. */
export async function recordSuccess(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).where((eb) => eb.or([eb('failed_logins', '!=', 0), eb('locked_until', 'is not', null)])).execute();
}

/**
 * The same counting for emails that match no account, kept in memory (bounded), so that
 * "locked" is not an answer only real accounts give. Per process: with several runtime processes
 * an unknown email may take a few more tries before it answers locked.
 */
export class PhantomLockout {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number }>();
  constructor(private readonly policy: LockPolicy, private readonly max = 10_000) {}

  /** Seconds the email is still "locked" at `now`, or 0. */
  lockedFor(email: string, now: Date): number {
    const e = this.entries.get(email);
    return e ? lockedFor(e.lockedUntil ? new Date(e.lockedUntil).toISOString() : null, now) : 0;
  }

  /** Counts a failure; returns the lock end when this one locks. */
  fail(email: string, now: Date): { lockedUntil: string | null } {
    const e = this.entries.get(email) ?? { failures: 0, lockedUntil: 0 };
    this.entries.delete(email);
    e.failures += 1;
    let lockedUntil: string | null = null;
    if (e.failures >= this.policy.loginMaxFailures) {
      e.failures = 0;
      e.lockedUntil = now.getTime() + this.policy.loginLockSeconds * 1000;
      lockedUntil = new Date(e.lockedUntil).toISOString();
    }
    this.entries.set(email, e); // re-inserted: the Map's order is least recently failed first
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return { lockedUntil };
  }
}
