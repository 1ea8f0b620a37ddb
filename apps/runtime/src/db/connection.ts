import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { KilnDatabase } from './schema.js';

/** Which engine a database handle talks to. */
export type DbKind = 'postgres' | 'pglite';

/** An open database: the kysely handle plus what it is and how to close it. */
export interface Database {
  db: Kysely<KilnDatabase>;
  kind: DbKind;
  close(): Promise<void>;
}

// Wire formats: bigint ids and counts fit in a JS number (ids stay far below 2^53);
// dates stay ISO strings so no server time zone leaks in.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const toIso = (v: string) => new Date(v.includes('T') || v.includes('+') || v.endsWith('Z') ? v : v + 'Z').toISOString();
const parsers: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
  [TIMESTAMP]: toIso,
  [TIMESTAMPTZ]: (v) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString(),
};

/**
 * Opens PostgreSQL when `url` is given, else embedded PGlite in `dataDir` (`memory://` for an
 * in-memory one). Both speak real PostgreSQL, so every query and migration runs on either.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const pg = await import('pg');
    const Pool = pg.default.Pool;
    const pool = new Pool({
      connectionString: opts.url,
      max: Number(process.env.KILN_PG_POOL ?? 20),
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          parsers[oid] ?? pg.default.types.getTypeParser(oid, format as 'text')) as typeof pg.default.types.getTypeParser,
      },
    });
    // An idle connection dropped by the server (restart, failover, admin termination) must not
    // crash the process: the pool discards it and opens a new one on the next checkout.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing) console.warn(`[kiln] PostgreSQL connection lost: ${err.message}`);
    });
    const db = new Kysely<KilnDatabase>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      close: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = opts.dataDir ?? './.kiln/data';
  if (!dir.startsWith('memory://')) {
    mkdirSync(dir, { recursive: true });
  }
  const unlock = dir.startsWith('memory://') ? () => {} : await lockDataDir(dir);
  try {
    const client = await PGlite.create(dir, { parsers, serializers: {} });
    const db = new Kysely<KilnDatabase>({ dialect: new PGliteDialect(client) });
    return { db, kind: 'pglite', close: () => db.destroy().finally(unlock) };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * PGlite is single-process and does not lock its directory itself, so a second process (the
 * CLI while `pnpm start` runs) would corrupt it. `kiln.lock` holds the owner's pid; a lock
 * whose process is gone is taken over. Throws an Error with code DATABASE_LOCKED.
 */
async function lockDataDir(dir: string): Promise<() => void> {
  const file = join(dir, 'kiln.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST' || attempt > 0) throw err;
      const pid = Number(readFileSync(file, 'utf8'));
      let alive = false;
      try {
        if (Number.isInteger(pid) && pid > 0) process.kill(pid, 0);
        alive = Number.isInteger(pid) && pid > 0;
      } catch (e) {
        alive = (e as { code?: string }).code === 'EPERM';
      }
      if (alive) {
        throw Object.assign(new Error(`The embedded database in ${dir} is in use by process ${pid} (is \`pnpm start\` running?). PGlite allows one process at a time.`), { code: 'DATABASE_LOCKED', pid, dataDir: dir });
      }
      rmSync(file, { force: true });
    }
  }
}
