import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001-init.js';
import * as m0002 from './migrations/0002-rules.js';
import * as m0003 from './migrations/0003-flows.js';
import * as m0004 from './migrations/0004-reports.js';
import * as m0005 from './migrations/0005-connectors.js';
import * as m0006 from './migrations/0006-access.js';

/** Migrations are compiled in (no directory scan), so they run the same from source or a bundle. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-rules': m0002,
  '0003-flows': m0003,
  '0004-reports': m0004,
  '0005-connectors': m0005,
  '0006-access': m0006,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Runs every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'kiln_migrations', migrationLockTableName: 'kiln_migrations_lock' });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return result;
}
