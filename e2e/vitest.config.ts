import { defineConfig } from 'vitest/config';

/**
 * Browser acceptance tests: one runtime (started by the global setup), one Chromium per file,
 * files run one at a time — the tests share the server and drive a real browser.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./setup/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A failing step leaves the later steps of its pass nothing to build on.
    sequence: { concurrent: false },
  },
});
