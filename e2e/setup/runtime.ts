import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, RESULTS_DIR } from '../support/env';

const RUNTIME_DIR = join(REPO_ROOT, 'apps/runtime');
// `pg` and `tsx` come through @kiln/runtime (our dependency), not as deps of their own.
const runtimeRequire = createRequire(join(RUNTIME_DIR, 'package.json'));
const HEALTH_DEADLINE_MS = 60_000;

/** A runtime process started for the run. */
export interface RunningRuntime {
  baseUrl: string;
  dbKind: 'pglite' | 'postgres';
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/** A fresh database `kiln_e2e_<random>` on the server of `base`, and how to drop it. */
async function freshPostgres(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = runtimeRequire('pg') as { Client: new (o: { connectionString: string }) => PgClient };
  const name = `kiln_e2e_${randomBytes(5).toString('hex')}`;
  const exec = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await exec(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => exec(`drop database if exists ${name} with (force)`) };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** Polls `/api/health` until it answers ok, the process dies, or the deadline passes. */
async function waitHealthy(baseUrl: string, child: ChildProcess, logFile: string): Promise<string> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  let died = false;
  child.once('exit', () => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`the runtime exited during start-up (exit ${child.exitCode ?? child.signalCode}); see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) {
        const body = (await res.json()) as { status: string; db: string };
        if (body.status === 'ok') return body.db;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the runtime did not become healthy within ${HEALTH_DEADLINE_MS / 1000}s; see ${logFile}`);
}

/**
 * Starts `apps/runtime/src/main.ts` as a child process on a free port, over a fresh temporary
 * PGlite directory, or over a fresh PostgreSQL database created from `postgresBase`.
 * The log goes to `test-results/runtime.log`.
 */
/**
 * Starts a runtime: PGlite in a temporary directory (or a fresh PostgreSQL database under
 * `postgresBase`), a free port, the given admin, its log in `test-results/<name>-runtime.log`
 * (`runtime.log` for the run's shared one). `testClock` turns on the manual test clock.
 */
export async function startRuntime(opts: { admin: { email: string; password: string }; postgresBase?: string; name?: string; testClock?: boolean }): Promise<RunningRuntime> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), opts.name ? `kiln-e2e-${opts.name}-` : 'kiln-e2e-'));
  const pgdb = opts.postgresBase ? await freshPostgres(opts.postgresBase) : null;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = join(RESULTS_DIR, opts.name ? `${opts.name}-runtime.log` : 'runtime.log');
  const log = createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KILN_DATA_DIR: dataDir,
    KILN_ADMIN_EMAIL: opts.admin.email,
    KILN_ADMIN_PASSWORD: opts.admin.password,
    KILN_TEST_CLOCK: opts.testClock ? '1' : '0',
    // Every test signs in from 127.0.0.1: keep the per-address sign-in limit out of the way.
    KILN_LOGIN_RATE_LIMIT: '1000',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' '),
  };
  if (pgdb) env.DATABASE_URL = pgdb.url;
  else delete env.DATABASE_URL;

  const tsxCli = runtimeRequire.resolve('tsx/cli');
  // Its own process group, so stopping it also stops the node process tsx runs.
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], { cwd: RUNTIME_DIR, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const gone = exited(child);
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    log.end();
    if (pgdb) await pgdb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const db = await waitHealthy(baseUrl, child, logFile);
    const dbKind = pgdb ? 'postgres' : 'pglite';
    if (db !== dbKind) throw new Error(`the runtime reports db=${db}, expected ${dbKind}`);
    return { baseUrl, dbKind, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
