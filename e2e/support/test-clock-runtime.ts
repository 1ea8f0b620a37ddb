import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, REPO_ROOT, RESULTS_DIR } from './env';

const RUNTIME_DIR = join(REPO_ROOT, 'apps/runtime');
const runtimeRequire = createRequire(join(RUNTIME_DIR, 'package.json'));

/** A runtime a test file started for itself. */
export interface OwnRuntime {
  baseUrl: string;
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

/** Whether the runtime at `baseUrl` runs the manual test clock (`/api/_test/clock` answers). */
export async function hasTestClock(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/_test/clock`)).ok;
  } catch {
    return false;
  }
}

/**
 * A runtime with the manual test clock (`KILN_TEST_CLOCK=1`: `/api/_test/clock`, the sign-in
 * codes under `/api/_test/login-codes`), for a test that must move time. The run's shared
 * runtime keeps the wall clock, so such a test starts its own: PGlite in a temporary directory,
 * a free port, the same admin, the log in `test-results/<name>-runtime.log`. The browser
 * bundles are the ones the global setup built.
 */
export async function startTestClockRuntime(name: string): Promise<OwnRuntime> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `kiln-e2e-${name}-`));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = join(RESULTS_DIR, `${name}-runtime.log`);
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KILN_DATA_DIR: dataDir,
    KILN_ADMIN_EMAIL: ADMIN.email,
    KILN_ADMIN_PASSWORD: ADMIN.password,
    KILN_TEST_CLOCK: '1',
    KILN_LOGIN_RATE_LIMIT: '1000',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' '),
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [runtimeRequire.resolve('tsx/cli'), 'src/main.ts'], {
    cwd: RUNTIME_DIR,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the runtime exited during start-up; see ${logFile}`);
      try {
        const res = await fetch(`${baseUrl}/api/health`);
        if (res.ok && ((await res.json()) as { status: string }).status === 'ok') return { baseUrl, stop };
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the runtime did not become healthy within 60 s; see ${logFile}`);
  } catch (e) {
    await stop();
    throw e;
  }
}
