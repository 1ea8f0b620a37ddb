import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The PostgreSQL server benchmarks run against (a fresh database is created in it per run). */
export const BENCH_BASE = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `fn` with the URL of a fresh database, dropped afterwards. */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `kiln_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(BENCH_BASE);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Starts the Kiln server in its own process (as in production, so the load generator does not
 * share its event loop) on `port` over `url`; resolves once healthy with a function that stops it.
 */
export async function startServer(url: string, port: number, nodeArgs: string[] = []): Promise<() => Promise<void>> {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, '--no-node-snapshot', '--import', 'tsx', main], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KILN_ADMIN_PASSWORD: 'bench-admin-pw', KILN_PG_POOL: '32' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The admin every benchmark database gets (the CLI creates it on first migrate). */
export const BENCH_ADMIN = { email: 'admin@kiln.local', password: 'bench-admin-pw' };

/** Runs `pnpm kiln <args>` (the real CLI, in its own process) against `url`. */
export function kilnCli(url: string, args: string[]): Promise<void> {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', main, ...args], {
      env: { ...process.env, DATABASE_URL: url, KILN_ADMIN_PASSWORD: BENCH_ADMIN.password, KILN_ADMIN_EMAIL: BENCH_ADMIN.email },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kiln ${args.join(' ')} exited with ${code}`))));
  });
}

/** The p-th percentile of unsorted samples. */
export function percentileOf(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** Milliseconds for a table: whole numbers from 100 up, one decimal below. */
export const fmtMs = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
