// `pnpm start` on a fresh clone: build the browser apps if their bundles are missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const targets = [
  { name: 'studio', out: here('../../studio/dist/index.html'), cwd: here('../../studio'), args: ['vite', 'build'] },
  { name: 'operator + public web UI', out: here('../dist-web/app.html'), cwd: here('..'), args: ['vite', 'build', '--config', 'web/vite.config.ts'] },
];
for (const t of targets) {
  if (existsSync(t.out)) continue;
  console.log(`[kiln] building the ${t.name} (first start only)…`);
  const r = spawnSync('npx', ['--no-install', ...t.args], { cwd: t.cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[kiln] building the ${t.name} failed`);
    process.exit(r.status ?? 1);
  }
}
