import { startRuntime } from '../setup/runtime';
import { ADMIN } from './env';

/** A runtime a test file started for itself. */
export interface OwnRuntime {
  baseUrl: string;
  stop(): Promise<void>;
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
 * runtime keeps the wall clock, so such a test starts its own (setup/runtime.ts): PGlite in a
 * temporary directory, a free port, the same admin, the log in `test-results/<name>-runtime.log`.
 * The browser bundles are the ones the global setup built.
 */
export async function startTestClockRuntime(name: string): Promise<OwnRuntime> {
  const { baseUrl, stop } = await startRuntime({ admin: ADMIN, name, testClock: true });
  return { baseUrl, stop };
}
