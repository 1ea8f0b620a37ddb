import { sql, type Kysely } from 'kysely';
import { execScript } from '../exec-script.js';

/**
 * Rules: the job queue (scheduled triggers, deliveries; run on the runtime clock, shared safely by
 * several processes through `for update skip locked`), the outbox (connector calls and flow starts
 * a rule asked for, written in the same transaction as the change), in-app notifications, and
 * the last N evaluation traces per rule.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    create table jobs (
      id bigint generated always as identity primary key,
      queue text not null,
      key text,
      payload jsonb not null,
      run_at timestamptz not null,
      state text not null default 'queued' check (state in ('queued','running','done','failed')),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create unique index jobs_live_key on jobs (key) where key is not null and state in ('queued','running');
    create index jobs_due on jobs (run_at) where state = 'queued';
    create index jobs_running on jobs (locked_until) where state = 'running';
    create table outbox (
      id bigint generated always as identity primary key,
      app_id bigint not null references apps(id) on delete cascade,
      kind text not null check (kind in ('connector','flow')),
      target text not null,
      operation text,
      payload jsonb not null,
      dedupe_key text not null,
      state text not null default 'pending' check (state in ('pending','delivered','failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null,
      delivered_at timestamptz
    );
    create unique index outbox_dedupe on outbox (app_id, dedupe_key);
    create index outbox_pending on outbox (app_id, kind, id) where state = 'pending';
    create table notifications (
      id bigint generated always as identity primary key,
      app_id bigint not null references apps(id) on delete cascade,
      user_id bigint references users(id) on delete cascade,
      role text,
      title text not null,
      body text,
      source text not null,
      dedupe_key text not null,
      read_at timestamptz,
      created_at timestamptz not null
    );
    create unique index notifications_dedupe on notifications (app_id, dedupe_key, coalesce(user_id, 0), coalesce(role, ''));
    create index notifications_user on notifications (user_id, id);
    create index notifications_role on notifications (role, id);
    create table rule_traces (
      id bigint generated always as identity primary key,
      app_id bigint not null references apps(id) on delete cascade,
      rule_key text not null,
      version integer not null,
      at timestamptz not null,
      event text not null,
      ok boolean not null,
      duration_us integer not null,
      facts jsonb,
      outcome jsonb,
      error jsonb
    );
    create index rule_traces_rule on rule_traces (app_id, rule_key, id desc)
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists rule_traces, notifications, outbox, jobs cascade`.execute(db);
}
