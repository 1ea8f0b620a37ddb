import { ManualClock, SystemClock } from './clock.js';
import type { KilnConfig } from './config.js';
import type { KilnContext } from './context.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureFirstAdmin } from './auth/users.js';

/** An opened, migrated runtime context plus its database handle to close. */
export interface Booted {
  ctx: KilnContext;
  database: Database;
  createdAdmin: boolean;
}

/** Opens the configured database, migrates it, creates the first admin if needed. */
export async function boot(config: KilnConfig): Promise<Booted> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db as never);
  const clock = config.testClock ? new ManualClock() : new SystemClock();
  const ctx: KilnContext = { db: database.db, dbKind: database.kind, clock, config };
  const createdAdmin = await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword);
  return { ctx, database, createdAdmin };
}
