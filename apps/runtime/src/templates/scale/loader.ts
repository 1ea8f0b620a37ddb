import { sql } from 'kysely';
import type { KilnContext } from '../../context.js';
import { KilnError } from '../../errors.js';
import { safeName } from '../../records/columns.js';
import type { FormStorage } from '../../records/schema-sync.js';
import type { ScaleProgress } from './progress.js';
import { ident, lit } from './sql.js';

/** System columns every record table has (records/schema-sync.ts). */
const SYSTEM = new Set(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'form_version']);

/** One form's table as the generator sees it: names resolved through the storage registry by field key. */
export interface ScaleTable {
  form: string;
  table: string;
  /** The largest id before the load (demo records): generated row g gets id `base + g`. */
  base: number;
  /** Column of a field key (throws for an unknown key: the template changed). */
  col(key: string): string;
  has(key: string): boolean;
  /** Sequence of an auto-number field in `sequence` mode. */
  sequence(key: string): string;
}

/** A range of generated row numbers 1..total inserted by one statement per chunk [a, b]. */
export interface LoadPart {
  total: number;
  /** Rows numbers per statement (default: the loader's chunkRows). */
  chunk?: number;
  statement(a: number, b: number): string;
}

export interface LoaderOptions {
  /** Statements run at once (PostgreSQL: default 2; PGlite: always 1). */
  concurrency: number;
  /** Row numbers per INSERT … SELECT (each its own transaction). */
  chunkRows: number;
  progress: ScaleProgress;
}

interface Saved {
  /** `built`: already re-created. */
  indexes: Array<{ name: string; def: string; built?: boolean }>;
  foreignKeys: Array<{ name: string; def: string }>;
  triggers: boolean;
}

/** Runs `fn` over `items` with at most `n` at a time, in order of start. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  if (failed) throw failed;
}

/**
 * Bulk loading into record tables the way PostgreSQL likes it: for the duration of a form's load
 * its secondary indexes and foreign keys are dropped (the primary key stays) and its user triggers
 * (report rollups) are disabled; rows go in with `INSERT … SELECT … FROM generate_series` chunks,
 * each its own transaction; then the foreign keys are re-added (validated in one pass), the
 * indexes rebuilt from their saved definitions, the identity moved past the largest id, the
 * triggers enabled and the table analyzed. Unique indexes and foreign keys therefore still hold
 * for every row — a generator bug fails the rebuild, it never leaves bad data behind silently.
 */
export class BulkLoader {
  readonly rows: Record<string, number> = {};
  readonly timings: Record<string, { rows: number; loadSeconds: number; indexSeconds: number }> = {};

  constructor(
    readonly ctx: KilnContext,
    readonly version: number,
    readonly storage: Map<string, FormStorage>,
    readonly opts: LoaderOptions,
  ) {}

  private get isPg() {
    return this.ctx.dbKind === 'postgres';
  }

  async query<R = Record<string, unknown>>(text: string): Promise<R[]> {
    return (await sql.raw<R>(text).execute(this.ctx.db)).rows;
  }

  /** Resolves a form of the app; throws if the template no longer has it. */
  async table(form: string): Promise<ScaleTable> {
    const s = this.storage.get(form);
    if (!s) throw new KilnError('TEMPLATE_INVALID', `Scale data: the app has no form "${form}".`, undefined, 500);
    const byKey = new Map(Object.values(s.columns).filter((c) => !c.retired).map((c) => [c.key, c]));
    const table = safeName(s.table);
    const [row] = await this.query<{ base: number | string | null }>(`select coalesce(max(id), 0) as base from ${ident(table)}`);
    return {
      form,
      table,
      base: Number(row?.base ?? 0),
      has: (key) => byKey.has(key) && byKey.get(key)!.sqlType !== 'join',
      col: (key) => {
        const c = byKey.get(key);
        if (!c || c.sqlType === 'join') throw new KilnError('TEMPLATE_INVALID', `Scale data: form "${form}" has no field "${key}".`, undefined, 500);
        return safeName(c.column);
      },
      sequence: (key) => {
        const c = byKey.get(key);
        if (!c?.sequence) throw new KilnError('TEMPLATE_INVALID', `Scale data: ${form}.${key} is not a sequence auto-number.`, undefined, 500);
        return safeName(c.sequence);
      },
    };
  }

  /**
   * `INSERT INTO t (cols) SELECT exprs FROM …` with columns named by field key (system columns by
   * name). A key ending in `?` is optional: skipped when the form has no such field (fields a
   * template may drop; the stable keys of templates.md are never optional).
   */
  insert(t: ScaleTable, values: Array<[string, string]>, from: string): string {
    const cols: string[] = [];
    const exprs: string[] = [];
    for (const [key, expr] of values) {
      const optional = key.endsWith('?');
      const k = optional ? key.slice(0, -1) : key;
      if (SYSTEM.has(k)) cols.push(ident(k));
      else if (optional && !t.has(k)) continue;
      else cols.push(ident(t.col(k)));
      exprs.push(expr);
    }
    return `insert into ${ident(t.table)} (${cols.join(', ')})\nselect ${exprs.join(',\n  ')}\nfrom ${from}`;
  }

  /** The system columns of a generated row: id, times (the business time), no author, the published version. */
  system(t: ScaleTable, g: string, time: string): Array<[string, string]> {
    return [['id', `${t.base} + ${g}`], ['created_at', time], ['updated_at', time], ['created_by', 'null'], ['updated_by', 'null'], ['form_version', String(this.version)]];
  }

  /**
   * Reserves `n` values of an auto-number sequence and returns the value before the first
   * (row g gets `start + g`), so generated numbers do not depend on statement interleaving.
   */
  async reserve(seq: string, n: number): Promise<number> {
    const [row] = await this.query<{ last_value: string | number; is_called: boolean }>(`select last_value, is_called from ${ident(seq)}`);
    const start = row!.is_called ? Number(row!.last_value) : Number(row!.last_value) - 1;
    await this.query(`select setval(${lit(seq)}::regclass, ${start + n}, true)`);
    return start;
  }

  private async save(table: string): Promise<Saved> {
    const reg = `${lit(table)}::regclass`;
    const indexes = await this.query<{ name: string; def: string }>(`select c.relname as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = ${reg} and not i.indisprimary and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by c.relname`);
    const foreignKeys = await this.query<{ name: string; def: string }>(`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${reg} and contype = 'f' order by conname`);
    const [trg] = await this.query<{ n: number }>(`select count(*)::int as n from pg_trigger where tgrelid = ${reg} and not tgisinternal`);
    return { indexes, foreignKeys, triggers: Number(trg?.n ?? 0) > 0 };
  }

  private async strip(table: string, saved: Saved): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      if (saved.triggers) await sql.raw(`alter table ${ident(table)} disable trigger user`).execute(trx);
      for (const fk of saved.foreignKeys) await sql.raw(`alter table ${ident(table)} drop constraint ${ident(fk.name)}`).execute(trx);
      for (const ix of saved.indexes) await sql.raw(`drop index ${ident(ix.name)}`).execute(trx);
    });
  }

  /** Re-creates the saved indexes not built yet, side by side. */
  private async buildIndexes(saved: Saved, which: (ix: Saved['indexes'][number]) => boolean = () => true): Promise<void> {
    await pool(saved.indexes.filter((ix) => !ix.built && which(ix)), this.isPg ? this.opts.concurrency : 1, async (ix) => {
      await this.ctx.db.transaction().execute(async (trx) => {
        if (this.isPg) {
          // Our own builds already run side by side (one per core), so no parallel workers each.
          await sql.raw(`set local maintenance_work_mem = '1GB'`).execute(trx);
          if (this.opts.concurrency > 1) await sql.raw(`set local max_parallel_maintenance_workers = 0`).execute(trx);
        }
        await sql.raw(ix.def).execute(trx);
      });
      ix.built = true;
    });
  }

  private async restore(table: string, saved: Saved): Promise<void> {
    // Foreign keys one by one (each validates all rows in one join), then indexes side by side.
    for (const fk of saved.foreignKeys) await this.query(`alter table ${ident(table)} add constraint ${ident(fk.name)} ${fk.def}`);
    await this.buildIndexes(saved);
    if (saved.triggers) await this.query(`alter table ${ident(table)} enable trigger user`);
  }

  /**
   * Loads one form: strips its indexes/foreign keys/triggers, runs every part's chunks, runs
   * `fixup` (e.g. resolving a rare collision with a demo record's random code), restores, moves
   * the identity past the largest id and analyzes. Returns the number of rows added.
   */
  async load(t: ScaleTable, parts: LoadPart[], opts: { fixup?: () => Promise<void> } = {}): Promise<number> {
    const total = parts.reduce((n, p) => n + p.total, 0);
    const progress = this.opts.progress;
    progress.begin(t.form, total);
    const t0 = performance.now();
    const saved = await this.save(t.table);
    await this.strip(t.table, saved);
    let restored = false;
    let t1 = t0;
    try {
      const chunks: Array<{ part: LoadPart; a: number; b: number }> = [];
      for (const part of parts) {
        const step = Math.max(1, part.chunk ?? this.opts.chunkRows);
        for (let a = 1; a <= part.total; a += step) chunks.push({ part, a, b: Math.min(part.total, a + step - 1) });
      }
      const run = async ({ part, a, b }: (typeof chunks)[number]) => {
        const text = part.statement(a, b);
        await this.ctx.db.transaction().execute(async (trx) => {
          if (this.isPg) await sql.raw(`set local synchronous_commit = off`).execute(trx);
          await sql.raw(text).execute(trx);
        });
        progress.tick(b - a + 1);
      };
      await pool(chunks, this.isPg ? this.opts.concurrency : 1, run);
      await opts.fixup?.();
      t1 = performance.now();
      progress.phase(`rebuilding ${saved.indexes.length} indexes, ${saved.foreignKeys.length} foreign keys`);
      restored = true;
      await this.restore(t.table, saved);
    } catch (err) {
      // Best effort: put the table's structure back before reporting the failure.
      if (!restored) await this.restore(t.table, saved).catch(() => undefined);
      throw err;
    }
    await this.query(`select setval(pg_get_serial_sequence(${lit(t.table)}, 'id'), greatest((select max(id) from ${ident(t.table)}), 1))`);
    progress.phase('analyze');
    await this.query(`analyze ${ident(t.table)}`);
    const [cnt] = await this.query<{ n: number }>(`select count(*)::bigint as n from ${ident(t.table)} where id > ${t.base}`);
    const rows = Number(cnt?.n ?? 0);
    const t2 = performance.now();
    this.rows[t.form] = rows;
    this.timings[t.form] = { rows, loadSeconds: (t1 - t0) / 1000, indexSeconds: (t2 - t1) / 1000 };
    const secs = (t2 - t0) / 1000;
    progress.end(`${rows.toLocaleString('en-US')} rows in ${secs.toFixed(1)} s (${Math.round(rows / Math.max(secs, 1e-3)).toLocaleString('en-US')} rows/s; insert ${((t1 - t0) / 1000).toFixed(1)} s, ${saved.indexes.length} indexes + ${saved.foreignKeys.length} FKs ${((t2 - t1) / 1000).toFixed(1)} s)`);
    return rows;
  }
}
