import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.js';

/** Reports: dashboards become a metadata kind of their own (reports already were one). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    alter table drafts drop constraint if exists drafts_kind_check;
    alter table drafts add constraint drafts_kind_check check (kind in ('forms','flows','rules','reports','dashboards','connectors'));
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    delete from drafts where kind = 'dashboards';
    alter table drafts drop constraint if exists drafts_kind_check;
    alter table drafts add constraint drafts_kind_check check (kind in ('forms','flows','rules','reports','connectors'));
  `);
}
