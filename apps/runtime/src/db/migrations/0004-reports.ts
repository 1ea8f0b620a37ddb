import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.js';

/**
 * Reports: dashboards become a metadata kind of their own; `report_rollups` registers the
 * rollup tables kept for published reports (one per report whose figures can be pre-aggregated;
 * see docs/reports.md), with the spec they were built from so a publish that changes the
 * report rebuilds them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    alter table drafts drop constraint if exists drafts_kind_check;
    alter table drafts add constraint drafts_kind_check check (kind in ('forms','flows','rules','reports','dashboards','connectors'));
    create table report_rollups (
      app_id bigint not null references apps (id) on delete cascade,
      report_key text not null,
      form_key text not null,
      table_name text not null unique,
      spec_hash text not null,
      spec jsonb not null,
      built_at timestamptz not null,
      primary key (app_id, report_key)
    );
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    drop table if exists report_rollups;
    delete from drafts where kind = 'dashboards';
    alter table drafts drop constraint if exists drafts_kind_check;
    alter table drafts add constraint drafts_kind_check check (kind in ('forms','flows','rules','reports','connectors'));
  `);
}
