import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createUser } from '../auth/users.js';
import { boot, type Booted } from '../boot.js';
import { loadConfig, type KilnConfig } from '../config.js';
import { KilnError } from '../errors.js';
import { appByKey, DEFAULT_TENANT } from '../metadata/apps.js';
import { createTenant } from '../tenants.js';
import { removeApp } from '../templates/app-store.js';
import { exportAppTo, importApp, installTemplate, listTemplates } from '../templates/index.js';
import { consoleProgress, generateScaleData, parseScale, SCALE_TEMPLATES } from '../templates/scale/index.js';
import { USAGE } from './usage.js';

/** A command-line mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

const out = (line = '') => process.stdout.write(line + '\n');
const locale = (): 'zh-CN' | 'en' => (/^zh/i.test(process.env.LANG ?? '') ? 'zh-CN' : 'en');
// pnpm runs scripts inside apps/runtime; INIT_CWD is where the user typed the command.
const userPath = (p: string) => (isAbsolute(p) ? p : resolve(process.env.INIT_CWD ?? process.cwd(), p));

/** Opens the database exactly as `pnpm start` does; a PGlite directory in use is a clear error. */
async function open(config: KilnConfig): Promise<Booted> {
  try {
    const booted = await boot(config);
    if (booted.createdAdmin) process.stderr.write(`note: created the first admin ${config.adminEmail}${process.env.KILN_ADMIN_PASSWORD ? '' : ' with the default password "kiln-admin"'}\n`);
    return booted;
  } catch (err) {
    const e = err as { code?: string; message?: string; pid?: number };
    if (!config.databaseUrl) {
      const why = e.code === 'DATABASE_LOCKED' ? `it is in use by process ${e.pid} (probably \`pnpm start\`)` : `opening it failed: ${e.message ?? String(err)}`;
      throw new KilnError('DATABASE_LOCKED', `Cannot open the embedded PGlite database in ${resolve(config.dataDir)}: ${why}. PGlite allows one process at a time: stop the server and run this command again, or do it through the running server's HTTP API (e.g. POST /api/templates/{id}/install).`, undefined, 1);
    }
    throw err;
  }
}

async function withDb<T>(fn: (b: Booted) => Promise<T>): Promise<T> {
  const booted = await open(loadConfig());
  try {
    return await fn(booted);
  } finally {
    await booted.database.close();
  }
}

function need(v: string | undefined, what: string): string {
  if (!v) throw new UsageError(`missing ${what}`);
  return v;
}

/** Runs one CLI invocation; returns the process exit code. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      app: { type: 'string' },
      'demo-data': { type: 'boolean' },
      scale: { type: 'string' },
      out: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      groups: { type: 'string' },
      manager: { type: 'string' },
      kiln: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, sub, arg, ...extra] = positionals;
  if (!cmd || cmd === 'help' || values.help) {
    out(USAGE);
    return 0;
  }
  const command = cmd === 'migrate' || cmd === 'fakes' ? cmd : `${cmd} ${sub ?? ''}`.trim();
  const maxArgs: Record<string, number> = { migrate: 1, fakes: 1, 'template list': 2, 'template install': 3, 'app export': 3, 'app import': 3, 'user create': 2, 'tenant create': 3 };
  if (!(command in maxArgs)) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  if (positionals.length > maxArgs[command]! || extra.length) throw new UsageError(`too many arguments for "${command}"`);

  switch (command) {
    case 'migrate':
      return withDb(async ({ ctx }) => {
        const rows = await sql<{ name: string }>`select name from kiln_migrations order by name`.execute(ctx.db);
        out(`Database migrated (${ctx.dbKind}${ctx.dbKind === 'pglite' ? ` at ${resolve(ctx.config.dataDir)}` : ''}).`);
        out(`Applied migrations: ${rows.rows.map((r) => r.name).join(', ')}`);
        return 0;
      });
    case 'fakes': {
      // The protocol fakes of @kiln/fakes on their fixed ports, pushing to a running Kiln.
      const { startAllFakes, describeFakes } = await import('@kiln/fakes');
      const fakes = await startAllFakes({ kiln: values.kiln ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`, app: values.app ?? 'livestream' });
      out(describeFakes(fakes));
      out('Press Ctrl-C to stop.');
      await new Promise<void>((done) => {
        const stop = () => void fakes.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    case 'template list': {
      const items = listTemplates();
      if (!items.length) out('No templates found.');
      for (const t of items) out(`${t.id.padEnd(22)} app: ${t.defaultApp.padEnd(12)} ${t.name.en} / ${t.name['zh-CN']}`);
      return 0;
    }
    case 'template install': {
      const id = need(arg, 'template id (see `pnpm kiln template list`)');
      let scale: number | null = null;
      if (values.scale !== undefined) {
        try {
          scale = parseScale(values.scale);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        if (!(id in SCALE_TEMPLATES)) throw new UsageError(`--scale: template "${id}" has no scale data generator (${Object.keys(SCALE_TEMPLATES).join(', ')} have)`);
      }
      return withDb(async ({ ctx }) => {
        // --scale builds on the demo records (the referral plan, the demo products), so it implies --demo-data.
        const r = await installTemplate(ctx, id, { app: values.app, demoData: values['demo-data'] === true || scale !== null, userId: null, locale: locale() });
        out(`Installed template ${id} as app "${r.app}" (version ${r.version}).`);
        const demo = Object.entries(r.demo);
        if (demo.length) out(`Demo records: ${demo.map(([f, n]) => `${f} ${n}`).join(', ')}`);
        if (scale !== null) {
          try {
            const s = await generateScaleData(ctx, r.app, id, scale, { progress: consoleProgress() });
            const total = Object.values(s.rows).reduce((a, b) => a + b, 0);
            out(`Scale data for ${scale.toLocaleString('en-US')} orders: ${Object.entries(s.rows).map(([f, n]) => `${f} ${n.toLocaleString('en-US')}`).join(', ')}.`);
            out(`${total.toLocaleString('en-US')} rows in ${s.seconds.toFixed(1)} s (${Math.round(s.rowsPerSecond).toLocaleString('en-US')} rows/s).`);
          } catch (err) {
            // Like a failed install: no half-loaded app is left behind.
            await removeApp(ctx, (await appByKey(ctx.db, r.app, DEFAULT_TENANT)).id).catch(() => undefined);
            throw err;
          }
        }
        return 0;
      });
    }
    case 'app export': {
      const appKey = need(arg, 'app key');
      const dir = userPath(values.out ?? `./export/${appKey}`);
      return withDb(async ({ ctx }) => {
        const r = await exportAppTo(ctx, appKey, dir);
        out(`Exported app "${appKey}" (version ${r.version ?? 'unpublished'}) to ${dir}: ${r.files.length} files.`);
        return 0;
      });
    }
    case 'app import': {
      const dir = userPath(need(arg, 'export directory'));
      return withDb(async ({ ctx }) => {
        const r = await importApp(ctx, dir, { app: values.app, userId: null, locale: locale() });
        out(`Imported app "${r.app}" from ${dir} (version ${r.version ?? 'unpublished'}).`);
        return 0;
      });
    }
    case 'user create':
      return withDb(async ({ ctx }) => {
        let managerId: number | null = null;
        if (values.manager) {
          const m = await ctx.db.selectFrom('users').select('id').where('email', '=', values.manager.trim().toLowerCase()).executeTakeFirst();
          if (!m) throw new UsageError(`no user with email "${values.manager}" (--manager)`);
          managerId = Number(m.id);
        }
        const groups = values.groups ? values.groups.split(',').map((g) => g.trim()).filter(Boolean) : [];
        const u = await createUser(ctx.db, { email: need(values.email, '--email'), password: need(values.password, '--password'), role: need(values.role, '--role'), displayName: values.name, groups, managerId });
        out(`Created user ${u.email} (role ${u.role}, id ${u.id}).`);
        return 0;
      });
    case 'tenant create':
      return withDb(async ({ ctx }) => {
        const t = await createTenant(ctx.db, { key: need(arg, '<key>'), name: values.name, adminEmail: need(values.email, '--email'), adminPassword: need(values.password, '--password') });
        out(`Created workspace ${t.key} (id ${t.id}) with admin ${t.admin.email}.`);
        return 0;
      });
  }
  return 0;
}

function report(err: unknown): number {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (err instanceof KilnError) {
    process.stderr.write(`error ${err.code}: ${err.message}\n`);
    const details = err.details as { problems?: { kind: string; key: string; path: string; message: string }[]; errors?: { path: string; message: string }[]; fields?: string[] } | undefined;
    for (const p of details?.problems ?? []) process.stderr.write(`  ${p.kind}/${p.key}${p.path}: ${p.message}\n`);
    for (const e of details?.errors ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
    if (details?.fields) process.stderr.write(`  invalid: ${details.fields.join(', ')}\n`);
    return 1;
  }
  const e = err as { code?: string; message?: string };
  process.stderr.write(`error ${e.code ?? 'INTERNAL'}: ${e.message ?? String(err)}\n`);
  return 1;
}

const code = await run(process.argv.slice(2)).catch(report);
process.exit(code);
