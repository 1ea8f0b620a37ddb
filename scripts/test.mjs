// `pnpm test`: the whole suite — engines, runtime (PGlite, plus PostgreSQL when TEST_DATABASE_URL
// is set), then the browser acceptance tests in Debian's Chromium against freshly built bundles.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const pnpm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['pnpm', []];
const p = (...args) => run(pnpm[0], [...pnpm[1], ...args]);

if (!existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian\'s package (needed by the browser tests)…');
    run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  } else {
    console.error('The browser tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium`.');
    process.exit(1);
  }
}
p('-r', '--filter', '!@kiln/e2e', '--if-present', '--workspace-concurrency=1', 'test');
p('build');
p('--filter', '@kiln/e2e', 'test');
