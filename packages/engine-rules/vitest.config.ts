import { defineConfig } from 'vitest/config';

// isolated-vm needs --no-node-snapshot on Node 20/22 (see shared stack notes).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
  },
});
