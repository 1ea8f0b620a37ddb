import { sql, type Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { writeTraces, type TraceRow } from './traces.js';

/**
 * One write transaction and everything rules need while it runs: who writes, the cascade depth
 * (rules firing rules), and the traces to store once the transaction is over.
 */
export interface WriteScope {
  ctx: KilnContext;
  trx: Transaction<KilnDatabase>;
  userId: number | null;
  role: string | null;
  locale: 'zh-CN' | 'en';
  /** 0 for the caller's write; +1 for each rule-made write below it. */
  depth: number;
  /** `rule → form` hops that led here (for the cascade-limit error). */
  chain: string[];
  traces: TraceRow[];
  /**
   * Lookup answers shared by the rules this write fires (saves their sandbox restarts);
   * cleared whenever a rule's effects have written, so no rule reads stale data.
   */
  memo: Map<string, unknown>;
  /** Forms written since the memo was last trimmed (their cached answers go stale). */
  written: Set<string>;
  /**
   * Callbacks run once the outermost transaction has committed (e.g. wake the delivery worker
   * for outbox rows written here); shared with child scopes. Absent when the caller owns the
   * transaction (jobs): then nothing runs and pollers pick the work up.
   */
  afterCommit?: Array<() => void>;
  /** Who caused the write, for the audit trail (absent: the system, or `userId`). */
  actor?: WriteActor;
}

/** The audit actor of a write (its tenant comes from the app written). */
export interface WriteActor {
  kind: 'user' | 'token' | 'public' | 'system';
  userId?: number | null;
  tokenId?: number | null;
  ip?: string | null;
}

/** How deep rules may fire rules before the write is refused (RULE_CASCADE_LIMIT). */
export const MAX_CASCADE_DEPTH = 8;

/**
 * Runs `fn` in one transaction with a fresh scope. Traces are written after the transaction
 * ends — also when it rolled back, so a failing rule's trace is kept.
 */
export async function inWriteScope<T>(ctx: KilnContext, who: { userId: number | null; role?: string | null; locale: 'zh-CN' | 'en'; actor?: WriteActor }, fn: (ws: WriteScope) => Promise<T>): Promise<T> {
  const traces: TraceRow[] = [];
  const afterCommit: Array<() => void> = [];
  try {
    const result = await ctx.db.transaction().execute((trx) => fn({ ...scopeIn(ctx, trx, who), traces, afterCommit }));
    for (const run of afterCommit) {
      try {
        run();
      } catch (err) {
        console.error('after-commit callback failed', err);
      }
    }
    return result;
  } finally {
    if (traces.length) await writeTraces(ctx.db, traces).catch((err) => console.error('writing rule traces failed', err));
  }
}

/** A fresh scope over an open transaction (jobs run in the queue's transaction; default: the system, zh-CN). */
export function scopeIn(ctx: KilnContext, trx: Transaction<KilnDatabase>, who: { userId: number | null; role?: string | null; locale: 'zh-CN' | 'en'; actor?: WriteActor } = { userId: null, locale: 'zh-CN' }): WriteScope {
  return { ctx, trx, userId: who.userId, role: who.role ?? null, locale: who.locale, depth: 0, chain: [], traces: [], memo: new Map(), written: new Set(), ...(who.actor ? { actor: who.actor } : {}) };
}

/**
 * Runs `fn` inside a savepoint of `trx`: on failure the savepoint is rolled back (the rest of the
 * transaction stands) and the error is returned as data.
 */
export async function inSavepoint(trx: Transaction<KilnDatabase>, name: string, fn: () => Promise<void>): Promise<{ ok: true } | { ok: false; error: unknown }> {
  await sql`savepoint ${sql.id(name)}`.execute(trx);
  try {
    await fn();
    await sql`release savepoint ${sql.id(name)}`.execute(trx);
    return { ok: true };
  } catch (error) {
    await sql`rollback to savepoint ${sql.id(name)}`.execute(trx);
    return { ok: false, error };
  }
}

/** Runs `fn` after the scope's transaction commits (never when it rolls back). */
export function onCommit(ws: WriteScope, fn: () => void): void {
  ws.afterCommit?.push(fn);
}

/** A child scope for a write a rule makes. */
export const deeper = (ws: WriteScope, hop: string): WriteScope => ({ ...ws, depth: ws.depth + 1, chain: [...ws.chain, hop] });

/** Drops the memoised lookup answers about forms written since the last trim. */
export function trimMemo(ws: WriteScope): void {
  if (!ws.written.size) return;
  for (const key of ws.memo.keys()) {
    let form: unknown;
    try {
      form = (JSON.parse(key) as [string, unknown[]])[1]?.[0];
    } catch {
      form = undefined;
    }
    if (typeof form !== 'string' || ws.written.has(form)) ws.memo.delete(key);
  }
  ws.written.clear();
}
