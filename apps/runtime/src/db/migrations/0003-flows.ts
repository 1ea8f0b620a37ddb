import type { Kysely } from 'kysely';
import { execScript } from '../exec-script.js';

/**
 * Flows: users get a manager and groups (positions such as `sales_lead`, used by approval
 * assignees and escalations); flow instances keep the interpreter's state as one JSON document
 * plus the app version they started under; tasks are a projection of that state, indexed for
 * inboxes; round-robin counters remember whose turn is next per candidate set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `
    alter table users add column manager_id bigint references users (id);
    alter table users add column groups text[] not null default '{}';
    create table flow_instances (
      id bigint generated always as identity primary key,
      app_id bigint not null references apps (id) on delete cascade,
      flow_key text not null,
      version integer not null,
      form_key text not null,
      record_id bigint,
      status text not null,
      state jsonb not null,
      initiator bigint references users (id),
      parent_id bigint references flow_instances (id),
      parent_token text,
      depth integer not null default 0,
      start_key text,
      rev integer not null default 0,
      started_at timestamptz not null,
      updated_at timestamptz not null,
      finished_at timestamptz
    );
    create unique index flow_instances_start_key on flow_instances (app_id, start_key) where start_key is not null;
    create index flow_instances_record on flow_instances (app_id, flow_key, record_id);
    create index flow_instances_initiator on flow_instances (initiator, id);
    create table flow_tasks (
      id bigint generated always as identity primary key,
      instance_id bigint not null references flow_instances (id) on delete cascade,
      task_key text not null,
      app_id bigint not null,
      flow_key text not null,
      node_id text not null,
      assignee bigint not null,
      status text not null,
      created_at timestamptz not null,
      due_at timestamptz,
      acted_at timestamptz,
      acted_by bigint,
      outcome text,
      comment text,
      unique (instance_id, task_key)
    );
    create index flow_tasks_inbox on flow_tasks (assignee, status, id);
    create table flow_round_robin (
      app_id bigint not null,
      flow_key text not null,
      node_id text not null,
      candidates text not null,
      turn bigint not null default 0,
      primary key (app_id, flow_key, node_id, candidates)
    );
  `);
}
