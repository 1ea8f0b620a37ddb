import { sql, type Kysely } from 'kysely';
import { execScript } from '../exec-script.js';

/**
 * Connectors: the outbox becomes a delivery queue (states pending → sending → delivered | dead,
 * a due time, a lease so several runtime processes share it, the idempotency key computed once,
 * the record a write-back goes to, the result and the last error as data); every attempt is
 * kept with its (redacted) request/response log; per-installation settings and the shared
 * token/session cache are stored encrypted; inbound messages are remembered by id so a message
 * pushed again is processed once.
 *
 * `outbox_due` has `kind` in its predicate: every condition of the worker's claim is then in the
 * index, so even before the first analyze of `outbox` PostgreSQL plans the claim as an ordered
 * scan of it with LIMIT (not a bitmap scan + sort of every pending row, which re-reads the rows
 * already claimed on each claim).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    alter table outbox drop constraint if exists outbox_state_check;
    update outbox set state = 'dead' where state = 'failed';
    alter table outbox add constraint outbox_state_check check (state in ('pending','sending','delivered','dead'));
    alter table outbox add column next_attempt_at timestamptz not null default '1970-01-01T00:00:00Z';
    update outbox set next_attempt_at = created_at;
    alter table outbox add column max_attempts integer;
    alter table outbox add column locked_by text;
    alter table outbox add column locked_until timestamptz;
    alter table outbox add column idempotency_key text;
    alter table outbox add column record_form text;
    alter table outbox add column record_id bigint;
    alter table outbox add column result jsonb;
    alter table outbox alter column last_error type jsonb using case when last_error is null then null else jsonb_build_object('code', 'CONNECTOR_FAILED', 'message', last_error) end;
    alter table outbox add column updated_at timestamptz;
    update outbox set updated_at = created_at;
    drop index if exists outbox_pending;
    create index outbox_due on outbox (next_attempt_at, id) where state = 'pending' and kind = 'connector';
    create index outbox_leased on outbox (locked_until) where state = 'sending';
    create index outbox_monitor on outbox (app_id, target, state, id desc);
    create index outbox_by_target on outbox (app_id, target, id desc);
    create table outbox_attempts (
      id bigint generated always as identity primary key,
      outbox_id bigint not null references outbox(id) on delete cascade,
      app_id bigint not null references apps(id) on delete cascade,
      connector text not null,
      n integer not null,
      started_at timestamptz not null,
      duration_ms integer,
      ok boolean,
      steps jsonb not null default '[]',
      error jsonb
    );
    create index outbox_attempts_window on outbox_attempts (app_id, connector, started_at);
    create index outbox_attempts_of on outbox_attempts (outbox_id, n);
    create table connector_settings (
      app_id bigint not null references apps(id) on delete cascade,
      connector text not null,
      base_url text,
      secrets text,
      updated_at timestamptz not null,
      updated_by bigint references users(id) on delete set null,
      primary key (app_id, connector)
    );
    create table connector_tokens (
      app_id bigint not null references apps(id) on delete cascade,
      connector text not null,
      value text not null,
      expires_at timestamptz,
      primary key (app_id, connector)
    );
    create table inbound_messages (
      id bigint generated always as identity primary key,
      app_id bigint not null references apps(id) on delete cascade,
      connector text not null,
      message_id text not null,
      received_at timestamptz not null,
      outcome jsonb
    );
    create unique index inbound_messages_once on inbound_messages (app_id, connector, message_id);
    create index inbound_messages_list on inbound_messages (app_id, connector, id desc)
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists inbound_messages, connector_tokens, connector_settings, outbox_attempts cascade`.execute(db);
  await execScript(db, `
    drop index if exists outbox_due;
    drop index if exists outbox_leased;
    drop index if exists outbox_monitor;
    drop index if exists outbox_by_target;
    alter table outbox drop column next_attempt_at, drop column max_attempts, drop column locked_by, drop column locked_until,
      drop column idempotency_key, drop column record_form, drop column record_id, drop column result, drop column updated_at;
    alter table outbox alter column last_error type text using last_error->>'message';
    alter table outbox drop constraint if exists outbox_state_check;
    update outbox set state = 'failed' where state = 'dead';
    update outbox set state = 'pending' where state = 'sending';
    alter table outbox add constraint outbox_state_check check (state in ('pending','delivered','failed'));
    create index outbox_pending on outbox (app_id, kind, id) where state = 'pending'
  `);
}
