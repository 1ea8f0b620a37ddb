import type { Catalog, DashboardDefinition, ReportDefinition } from '@kiln/engine-reports';
import type { Kysely } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { currentPublished, type AppRow } from '../metadata/apps.js';
import { loadStorage } from '../records/schema-sync.js';

/** A published version's reporting view: its reports, dashboards and the catalog they compile against. */
export interface ReportSet {
  version: number;
  catalog: Catalog;
  reports: Record<string, ReportDefinition>;
  dashboards: Record<string, DashboardDefinition>;
}

// Per database, keyed by (app id, version): versions are immutable, so entries never go stale.
const caches = new WeakMap<object, Map<string, Promise<ReportSet>>>();

/** The current published version's reports and catalog (published forms + their storage, the identifier allow-list). */
export async function reportSet(db: Kysely<KilnDatabase>, app: AppRow): Promise<ReportSet> {
  if (!app.current_version) throw new KilnError('APP_NOT_PUBLISHED');
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${app.id}:${app.current_version}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = build(db, app);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

async function build(db: Kysely<KilnDatabase>, app: AppRow): Promise<ReportSet> {
  const published = await currentPublished(db, app);
  if (!published) throw new KilnError('APP_NOT_PUBLISHED');
  const meta = published.metadata as typeof published.metadata & { reports?: Record<string, ReportDefinition>; dashboards?: Record<string, DashboardDefinition> };
  const storage = await loadStorage(db, app.id);
  return {
    version: published.version,
    catalog: { forms: meta.forms, storage: Object.fromEntries([...storage].map(([key, s]) => [key, { table: s.table, columns: s.columns }])) },
    reports: meta.reports ?? {},
    dashboards: meta.dashboards ?? {},
  };
}

/** A published report by key (404 otherwise). */
export function reportOf(set: ReportSet, key: string): ReportDefinition {
  const def = Object.hasOwn(set.reports, key) ? set.reports[key] : undefined;
  if (!def) throw new KilnError('REPORT_NOT_FOUND', `No published report "${key}".`, undefined, 404);
  return def;
}
