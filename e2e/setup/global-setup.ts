import type { TestProject } from 'vitest/node';
import { ensureBundles } from './bundles';
import { startRuntime } from './runtime';
import { ADMIN } from '../support/env';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the runtime under test listens, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string;
    /** The database the runtime runs on. */
    dbKind: 'pglite' | 'postgres';
  }
}

/**
 * Once per run: build the browser bundles if needed, start the runtime on a free port over a
 * fresh database (PGlite, or a new PostgreSQL database when TEST_DATABASE_URL is set), and
 * stop it (dropping that database) when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureBundles();
  const runtime = await startRuntime({ admin: ADMIN, postgresBase: process.env.TEST_DATABASE_URL || undefined });
  project.provide('baseUrl', runtime.baseUrl);
  project.provide('dbKind', runtime.dbKind);
  return () => runtime.stop();
}
