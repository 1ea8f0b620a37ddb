import { sql, type Kysely } from 'kysely';
import { execScript } from '../exec-script.js';

/** Kiln's own tables: users, sessions, apps, drafts, immutable versions, storage registry. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    create table users (
      id bigint generated always as identity primary key,
      email text not null,
      password_hash text not null,
      role text not null check (role in ('admin','builder','operator','promoter')),
      display_name text,
      disabled boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));
    create table sessions (
      token_hash text primary key,
      user_id bigint not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);
    create table apps (
      id bigint generated always as identity primary key,
      key text not null unique,
      name jsonb not null,
      current_version integer,
      created_at timestamptz not null default now(),
      created_by bigint references users(id) on delete set null
    );
    create table drafts (
      app_id bigint not null references apps(id) on delete cascade,
      kind text not null check (kind in ('forms','flows','rules','reports','connectors')),
      key text not null,
      definition jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by bigint references users(id) on delete set null,
      primary key (app_id, kind, key)
    );
    create table app_versions (
      app_id bigint not null references apps(id) on delete cascade,
      version integer not null,
      metadata jsonb not null,
      published_at timestamptz not null default now(),
      published_by bigint references users(id) on delete set null,
      note text,
      primary key (app_id, version)
    );
    create table form_tables (
      app_id bigint not null references apps(id) on delete cascade,
      form_key text not null,
      table_name text not null unique,
      columns jsonb not null default '{}',
      primary key (app_id, form_key)
    );
    create table public_forms (
      slug text primary key,
      app_id bigint not null references apps(id) on delete cascade,
      form_key text not null
    );
    create table idempotency_keys (
      scope text not null,
      key text not null,
      record_id bigint not null,
      created_at timestamptz not null default now(),
      primary key (scope, key)
    );
    create table clock_state (
      id integer primary key check (id = 1),
      now timestamptz not null
    );
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists clock_state, idempotency_keys, public_forms, form_tables, app_versions, drafts, apps, sessions, users cascade`.execute(db);
}
