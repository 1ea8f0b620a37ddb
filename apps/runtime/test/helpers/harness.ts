import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { ManualClock, SystemClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { KilnContext } from '../../src/context.js';
import { openDatabase, type Database, type DbKind } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { ensureFirstAdmin } from '../../src/auth/users.js';
import { buildServer } from '../../src/server.js';

/** The backends this run tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): DbKind[] {
  const only = process.env.KILN_TEST_BACKENDS?.split(',').filter(Boolean) as DbKind[] | undefined;
  const all: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  return only?.length ? all.filter((b) => only.includes(b)) : all;
}

/** How a harness starts: the manual test clock (from 2026-01-05, or from the real time), extra environment. */
export interface HarnessOptions {
  testClock?: boolean;
  /** Start the manual clock at the real time (for outside systems that check timestamps). */
  realTime?: boolean;
  env?: Record<string, string>;
}

/** Runs a describe block once per backend (kysely-style: the same tests on every database); `only` limits it to one. */
export function describeBackends(name: string, fn: (h: () => Harness, kind: DbKind) => void, opts: HarnessOptions & { only?: DbKind } = {}): void {
  for (const kind of backends()) {
    if (opts.only && kind !== opts.only) continue;
    describe(`${name} [${kind}]`, () => {
      let harness: Harness | undefined;
      beforeAll(async () => {
        harness = await startHarness(kind, opts);
      });
      afterAll(async () => {
        await harness?.close();
      });
      fn(() => {
        if (!harness) throw new Error('harness not started');
        return harness;
      }, kind);
    });
  }
}

/** A running runtime over a fresh database, driven through fastify's inject(). */
export interface Harness {
  kind: DbKind;
  app: FastifyInstance;
  ctx: KilnContext;
  database: Database;
  token: string;
  /** Sends a request as the admin (unless headers.authorization is given). */
  req(opts: InjectOptions): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

/** Creates a fresh PostgreSQL database for one test file and returns its URL and a dropper. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `kiln_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // Wait (bounded) for our closed pool's connections to go, rather than killing them.
      for (let i = 0; ; i++) {
        try {
          await c.query(`drop database if exists ${name}${i >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || i >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

/** Boots a runtime on a fresh database of the given kind. */
export async function startHarness(kind: DbKind, opts: HarnessOptions = {}): Promise<Harness> {
  const pgdb = kind === 'postgres' ? await freshPostgres() : null;
  const database = await openDatabase(pgdb ? { url: pgdb.url } : { dataDir: 'memory://' });
  await migrateToLatest(database.db as never);
  const config = { ...loadConfig({ ...process.env, ...opts.env, KILN_TEST_CLOCK: opts.testClock ? '1' : '0' }), adminEmail: ADMIN.email, adminPassword: ADMIN.password };
  const clock = config.testClock ? new ManualClock(opts.realTime ? new Date() : new Date('2026-01-05T01:00:00.000Z')) : new SystemClock();
  const ctx: KilnContext = { db: database.db, dbKind: database.kind, clock, config };
  await ensureFirstAdmin(database.db, ADMIN.email, ADMIN.password);
  const app = await buildServer(ctx, { logger: false, serveStatic: false });
  await app.ready();
  const raw = async (o: InjectOptions) => {
    const res = await app.inject(o);
    let body: unknown = res.body;
    try {
      body = res.json();
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: body as any, headers: res.headers as Record<string, unknown> };
  };
  const login = async (email: string, password: string) => {
    const r = await raw({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };
  const token = await login(ADMIN.email, ADMIN.password);
  return {
    kind, app, ctx, database, token, login,
    req: (o) => raw({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } }),
    async close() {
      await app.close();
      await database.close();
      await pgdb?.drop();
    },
  };
}
