import { sql } from 'kysely';
import type { KilnContext } from '../context.js';
import type { PublishedMetadata } from '../db/schema.js';
import { METADATA_KINDS } from '../metadata/kinds.js';
import { safeName } from '../records/columns.js';

/** Saves every definition of `metadata` as the app's draft (insert or replace). */
export async function writeDrafts(ctx: KilnContext, appId: number, metadata: PublishedMetadata, userId: number | null): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const rows = METADATA_KINDS.flatMap((kind) => Object.entries(metadata[kind]).map(([key, def]) => ({ app_id: appId, kind, key, definition: JSON.stringify(def) as never, updated_by: userId, updated_at: now })));
  if (!rows.length) return;
  await ctx.db.insertInto('drafts').values(rows)
    .onConflict((oc) => oc.columns(['app_id', 'kind', 'key']).doUpdateSet((eb) => ({ definition: eb.ref('excluded.definition'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/**
 * Removes an app that a failed install / import left half-made: its record tables and the app
 * row (drafts, versions and public slugs go with it by cascade).
 */
export async function removeApp(ctx: KilnContext, appId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const tables = await trx.selectFrom('form_tables').select(['table_name']).where('app_id', '=', appId).execute();
    for (const t of tables) await sql`drop table if exists ${sql.id(safeName(t.table_name))} cascade`.execute(trx);
    await trx.deleteFrom('apps').where('id', '=', appId).execute();
  });
}
