import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/connection.js';
import { readFileTree } from '../src/templates/index.js';
import { backends, freshPostgres } from './helpers/harness.js';

const RUNTIME = fileURLToPath(new URL('..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiln-cli-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};

interface Run { code: number; stdout: string; stderr: string }

/** Runs `npx tsx src/cli/main.ts …` as `pnpm kiln` does, with the database chosen by `env`. */
function kiln(env: Record<string, string>, ...args: string[]): Promise<Run> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.KILN_DATA_DIR;
  delete base.INIT_CWD;
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: RUNTIME, env: { ...base, KILN_ADMIN_PASSWORD: 'cli-admin-pass', ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      // npm's own warnings about the environment are not the CLI's output.
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.split('\n').filter((l) => !l.startsWith('npm warn')).join('\n').trim() });
    });
  });
}

/** A fresh, empty database for one CLI "installation" of the given kind. */
async function freshEnv(kind: string): Promise<Record<string, string>> {
  if (kind === 'postgres') {
    const pg = await freshPostgres();
    cleanups.push(() => pg.drop());
    return { DATABASE_URL: pg.url };
  }
  return { KILN_DATA_DIR: join(tempDir(), 'data') };
}

for (const kind of backends()) {
  describe(`CLI [${kind}]`, () => {
    it('migrates, lists and installs templates, creates users, exports and imports apps', async () => {
      const env = await freshEnv(kind);
      const help = await kiln(env, 'help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('template install <id>');

      const migrate = await kiln(env, 'migrate');
      expect(migrate.stderr).not.toMatch(/error/i);
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toContain(`Database migrated (${kind}`);
      expect(migrate.stdout).toContain('0001-init');

      const list = await kiln(env, 'template', 'list');
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/livestream-erp\s+app: livestream/);
      expect(list.stdout).toMatch(/referral-marketing\s+app: referral/);

      const install = await kiln(env, 'template', 'install', 'referral-marketing', '--demo-data');
      expect(install.stderr).toBe('');
      expect(install.code).toBe(0);
      expect(install.stdout).toContain('Installed template referral-marketing as app "referral" (version 1).');
      expect(install.stdout).toMatch(/Demo records: .*customers 3/);
      const second = await kiln(env, 'template', 'install', 'livestream-erp', '--app', 'shop_2');
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('as app "shop_2"');

      const again = await kiln(env, 'template', 'install', 'referral-marketing');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('APP_EXISTS');
      const unknown = await kiln(env, 'template', 'install', 'nope');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('TEMPLATE_NOT_FOUND');
      const usage = await kiln(env, 'frobnicate');
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('unknown command');

      const user = await kiln(env, 'user', 'create', '--email', 'builder@cli.local', '--password', 'builder-pass-1', '--role', 'builder');
      expect(user.code).toBe(0);
      expect(user.stdout).toMatch(/Created user builder@cli\.local \(role builder, id \d+\)/);
      const dupUser = await kiln(env, 'user', 'create', '--email', 'builder@cli.local', '--password', 'builder-pass-1', '--role', 'builder');
      expect(dupUser.code).toBe(1);
      expect(dupUser.stderr).toContain('USER_EXISTS');
      const badUser = await kiln(env, 'user', 'create', '--email', 'x@cli.local', '--password', 'short', '--role', 'king');
      expect(badUser.code).toBe(1);
      expect(badUser.stderr).toContain('INVALID_USER');

      const out = join(tempDir(), 'referral-export');
      const exp = await kiln(env, 'app', 'export', 'referral', '--out', out);
      expect(exp.code).toBe(0);
      expect(exp.stdout).toContain(`Exported app "referral" (version 1) to ${out}`);
      const files = readFileTree(out);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['app.yaml', 'forms/customers.yaml', 'forms/orders.yaml', 'forms/plan.yaml', 'forms/join.yaml']));
      expect(files['app.yaml']).toContain('key: referral');
      expect(files['forms/customers.yaml']).toContain('key: referral_code');
      const missing = await kiln(env, 'app', 'export', 'nope', '--out', join(tempDir(), 'x'));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('APP_NOT_FOUND');

      // Import into a second, fresh installation; its export is the same files.
      const env2 = await freshEnv(kind);
      const imp = await kiln(env2, 'app', 'import', out);
      expect(imp.stderr).not.toContain('error');
      expect(imp.code).toBe(0);
      expect(imp.stdout).toContain('Imported app "referral"');
      const out2 = join(tempDir(), 'reexport');
      expect((await kiln(env2, 'app', 'export', 'referral', '--out', out2)).code).toBe(0);
      expect(readFileTree(out2)).toEqual(files);
      expect(readFileSync(join(out2, 'forms/join.yaml'), 'utf8')).toContain('slug: join');
      const twice = await kiln(env2, 'app', 'import', out);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('APP_EXISTS');
    }, 300_000);

    if (kind === 'pglite') {
      it('refuses to open a PGlite directory that a running server holds, with a clear message', async () => {
        const dataDir = join(tempDir(), 'data');
        const held = await openDatabase({ dataDir });
        try {
          const r = await kiln({ KILN_DATA_DIR: dataDir }, 'template', 'install', 'livestream-erp');
          expect(r.code).toBe(1);
          expect(r.stderr).toContain('DATABASE_LOCKED');
          expect(r.stderr).toMatch(/stop the server.*HTTP API/);
        } finally {
          await held.close();
        }
        expect(existsSync(join(dataDir, 'kiln.lock'))).toBe(false);
        const after = await kiln({ KILN_DATA_DIR: dataDir }, 'migrate');
        expect(after.code).toBe(0);
      }, 120_000);
    }
  });
}
