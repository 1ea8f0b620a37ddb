/**
 * Realistic data at scale for the starter templates (`pnpm kiln template install <id>
 * --demo-data --scale 10m`): generated server-side in SQL, `INSERT … SELECT … FROM
 * generate_series` in chunks, never row by row through the API. Deterministic: the same scale
 * and anchor date give the same rows (values are hashes of row numbers, not random()).
 *
 * Tables and columns are resolved through the storage registry by the template's field keys,
 * records look like API-written ones (times = business time, `form_version` = the published
 * version, auto-numbers drawn from their sequence / a bijective short code), and every unique
 * index and foreign key is rebuilt and so re-checked after the load (see loader.ts).
 */
import { randomBytes } from 'node:crypto';
import type { KilnContext } from '../../context.js';
import { hashPassword } from '../../auth/password.js';
import { KilnError } from '../../errors.js';
import { appByKey } from '../../metadata/apps.js';
import { loadStorage } from '../../records/schema-sync.js';
import { livestreamScale } from './livestream.js';
import { BulkLoader } from './loader.js';
import { silentProgress, type ScaleProgress } from './progress.js';
import { referralScale } from './referral.js';
import { CITY_CODES } from './sql.js';

export { consoleProgress, silentProgress, type ScaleProgress } from './progress.js';

/** What a template's generator gets. */
export interface GenContext {
  loader: BulkLoader;
  /** Number of orders. */
  orders: number;
  /** Epoch seconds of the anchor: data spans the 24 months before it. */
  anchor: number;
  /** Ids of the sales users leads are assigned to. */
  salesUsers: number[];
  chunkRows: number;
  cityCodes: readonly string[];
}

export interface ScaleOptions {
  /**
   * Data covers the 24 months before this instant. Default: `KILN_SCALE_ANCHOR` (an ISO date) if
   * set, else the end of today in Asia/Shanghai (the coming midnight) — so dashboards' "today"
   * and "last 30 days" show a full period. Same scale + same anchor ⇒ same data.
   */
  anchor?: Date;
  progress?: ScaleProgress;
  /** The app's workspace (default: the default tenant). */
  tenantId?: number;
  /** Statements at once on PostgreSQL (default 2; PGlite always 1). */
  concurrency?: number;
  /** Row numbers per INSERT statement (default 200,000; orders use half). */
  chunkRows?: number;
  /**
   * Runs after every table is loaded (and before the final analyze): e.g. rebuilding report
   * rollups that per-row triggers would otherwise have maintained (triggers are disabled during the load).
   */
  afterBulkLoad?: (ctx: KilnContext, appKey: string) => Promise<void>;
}

export interface ScaleResult {
  app: string;
  template: string;
  orders: number;
  /** Rows added per form. */
  rows: Record<string, number>;
  seconds: number;
  /** All rows added ÷ seconds. */
  rowsPerSecond: number;
  timings: Record<string, { rows: number; loadSeconds: number; indexSeconds: number }>;
}

/** Templates that have a scale generator. */
export const SCALE_TEMPLATES: Record<string, (gc: GenContext) => Promise<void>> = {
  'referral-marketing': referralScale,
  'livestream-erp': livestreamScale,
};

/** Parses `10000`, `10k`, `1m`, `2.5m`, `10M` (a number of orders, 1 … 100m). */
export function parseScale(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(text);
  const n = m ? Math.round(Number(m[1]) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1)) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 100_000_000) {
    throw new KilnError('INVALID_SCALE', `--scale takes a number of orders such as 10000, 250k, 1m or 10m (1 … 100m); got "${text}".`, undefined, 2);
  }
  return n;
}

/** The first midnight in Asia/Shanghai (UTC+8, no DST) after `now`: the end of today there. */
function endOfShanghaiDay(now: Date): Date {
  const local = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - 8 * 3600_000);
}

function defaultAnchor(ctx: KilnContext): Date {
  const env = process.env.KILN_SCALE_ANCHOR;
  if (env) {
    const d = new Date(env);
    if (Number.isNaN(d.getTime())) throw new KilnError('INVALID_SCALE', `KILN_SCALE_ANCHOR "${env}" is not a date.`, undefined, 2);
    return d;
  }
  return endOfShanghaiDay(ctx.clock.now());
}

const SALES_USERS = 20;

/**
 * The sales users leads are assigned to: `sales01@scale.kiln.local` … (operators in group
 * `sales`), created once with unusable random passwords and reused by later runs.
 */
async function ensureSalesUsers(ctx: KilnContext): Promise<number[]> {
  const ids: number[] = [];
  let hash: string | null = null;
  for (let i = 1; i <= SALES_USERS; i++) {
    const email = `sales${String(i).padStart(2, '0')}@scale.kiln.local`;
    const found = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (found) {
      ids.push(Number(found.id));
      continue;
    }
    hash ??= await hashPassword(randomBytes(24).toString('base64url'));
    const row = await ctx.db.insertInto('users')
      .values({ email, password_hash: hash, role: 'operator', display_name: `销售 ${String(i).padStart(2, '0')}`, groups: ['sales'], manager_id: null })
      .returning('id').executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  return ids;
}

/**
 * Adds `orders` orders' worth of realistic records to an installed template app (after its demo
 * data), in SQL on the server. Refuses an app whose orders table already holds more than the
 * demo data (generated codes and phones would collide).
 *
 * @example await generateScaleData(ctx, 'referral', 'referral-marketing', 1_000_000, { progress: consoleProgress() })
 */
export async function generateScaleData(ctx: KilnContext, appKey: string, templateId: string, orders: number, opts: ScaleOptions = {}): Promise<ScaleResult> {
  const generator = SCALE_TEMPLATES[templateId];
  if (!generator) throw new KilnError('INVALID_SCALE', `Template "${templateId}" has no scale data generator (${Object.keys(SCALE_TEMPLATES).join(', ')} do).`, undefined, 2);
  const app = await appByKey(ctx.db, appKey, opts.tenantId ?? 1);
  if (!app.current_version) throw new KilnError('INVALID_SCALE', `App "${appKey}" is not published.`, undefined, 2);
  const storage = await loadStorage(ctx.db, app.id);
  const started = performance.now();
  const chunkRows = Math.max(1000, opts.chunkRows ?? 200_000);
  const loader = new BulkLoader(ctx, app.current_version, storage, {
    concurrency: Math.max(1, opts.concurrency ?? 2),
    chunkRows,
    progress: opts.progress ?? silentProgress,
  });
  const ordersTable = await loader.table('orders');
  const [existing] = await loader.query<{ n: number | string }>(`select count(*) as n from "${ordersTable.table}"`);
  if (Number(existing?.n ?? 0) > 1000) throw new KilnError('INVALID_SCALE', `App "${appKey}" already has ${existing!.n} orders; scale data goes into a fresh install.`, undefined, 2);
  const anchor = opts.anchor ?? defaultAnchor(ctx);
  await generator({
    loader,
    orders,
    anchor: Math.floor(anchor.getTime() / 1000),
    salesUsers: await ensureSalesUsers(ctx),
    chunkRows,
    cityCodes: CITY_CODES,
  });
  // TODO(rollups): when apps/runtime/src/reports/rollups.ts exists, default this to
  // `rebuildReportRollups(ctx, appKey)` (the loader disables user triggers on the tables it fills).
  if (opts.afterBulkLoad) await opts.afterBulkLoad(ctx, appKey);
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(loader.rows).reduce((a, b) => a + b, 0);
  return { app: appKey, template: templateId, orders, rows: loader.rows, seconds, rowsPerSecond: total / seconds, timings: loader.timings };
}
