import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/env';

interface Bundle {
  name: string;
  /** The file whose presence (and age) says the bundle is built. */
  out: string;
  cwd: string;
  args: string[];
  /** Sources the bundle is built from: a newer file means the bundle is stale. */
  sources: string[];
}

const r = (p: string) => join(REPO_ROOT, p);
const SHARED = [r('packages/form-react/src'), r('packages/engine-forms/src')];

const BUNDLES: Bundle[] = [
  {
    name: 'studio',
    out: r('apps/studio/dist/index.html'),
    cwd: r('apps/studio'),
    args: ['vite', 'build'],
    sources: [r('apps/studio/src'), r('apps/studio/index.html'), ...SHARED],
  },
  {
    name: 'operator UI + public pages',
    out: r('apps/runtime/dist-web/app.html'),
    cwd: r('apps/runtime'),
    args: ['vite', 'build', '--config', 'web/vite.config.ts'],
    sources: [r('apps/runtime/web'), ...SHARED],
  },
];

/** Newest modification time under `path` (a file or a directory tree). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function run(b: Bundle): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', ...b.args], { cwd: b.cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the ${b.name} failed (exit ${code})`))));
  });
}

/**
 * Builds each browser bundle that is missing, or older than its sources (so a UI fix is never
 * tested against a stale bundle). `KILN_E2E_REBUILD=1` forces both builds; `=0` only builds
 * missing ones.
 */
export async function ensureBundles(): Promise<void> {
  const mode = process.env.KILN_E2E_REBUILD;
  for (const b of BUNDLES) {
    const missing = !existsSync(b.out);
    const stale = !missing && mode !== '0' && Math.max(...b.sources.map(newestMtime)) > statSync(b.out).mtimeMs;
    if (!missing && !stale && mode !== '1') continue;
    console.log(`[e2e] building the ${b.name} (${missing ? 'missing' : stale ? 'sources changed' : 'forced'})…`);
    await run(b);
  }
}
