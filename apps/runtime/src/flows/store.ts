import type { InstanceState, TaskState } from '@kiln/engine-flow';
import { sql, type Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';

type Trx = Transaction<KilnDatabase>;

/** A flow instance row as the executor works with it. */
export interface InstanceRow {
  id: number;
  appId: number;
  flow: string;
  version: number;
  form: string;
  record: number | null;
  status: string;
  state: InstanceState;
  initiator: number | null;
  parentId: number | null;
  parentToken: string | null;
  depth: number;
  rev: number;
}

const toRow = (r: Record<string, unknown>): InstanceRow => ({
  id: Number(r.id), appId: Number(r.app_id), flow: String(r.flow_key), version: Number(r.version), form: String(r.form_key),
  record: r.record_id === null ? null : Number(r.record_id), status: String(r.status), state: r.state as InstanceState,
  initiator: r.initiator === null ? null : Number(r.initiator), parentId: r.parent_id === null ? null : Number(r.parent_id),
  parentToken: (r.parent_token as string | null) ?? null, depth: Number(r.depth), rev: Number(r.rev),
});

/** Loads an instance and locks its row until the transaction ends (one event at a time per instance, across processes). */
export async function lockInstance(trx: Trx, id: number): Promise<InstanceRow> {
  const r = await sql<Record<string, unknown>>`select * from flow_instances where id = ${id} for update`.execute(trx);
  if (!r.rows[0]) throw new KilnError('INSTANCE_NOT_FOUND', `No flow instance ${id}.`);
  return toRow(r.rows[0]);
}

/** Loads an instance without locking (for views). */
export async function readInstance(db: Trx | import('kysely').Kysely<KilnDatabase>, id: number): Promise<InstanceRow | null> {
  const r = await sql<Record<string, unknown>>`select * from flow_instances where id = ${id}`.execute(db);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** Inserts a new instance row (state filled in by the first step); null when `startKey` already started one. */
export async function insertInstance(trx: Trx, v: { appId: number; flow: string; version: number; form: string; record: number | null; initiator: number | null; parentId?: number | null; parentToken?: string | null; depth?: number; startKey?: string | null; now: string }): Promise<number | null> {
  const r = await sql<{ id: string }>`insert into flow_instances (app_id, flow_key, version, form_key, record_id, status, state, initiator, parent_id, parent_token, depth, start_key, started_at, updated_at)
    values (${v.appId}, ${v.flow}, ${v.version}, ${v.form}, ${v.record}, 'running', '{}'::jsonb, ${v.initiator}, ${v.parentId ?? null}, ${v.parentToken ?? null}, ${v.depth ?? 0}, ${v.startKey ?? null}, ${v.now}, ${v.now})
    on conflict (app_id, start_key) where start_key is not null do nothing returning id`.execute(trx);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/**
 * Saves an instance's new state and brings its task rows in line with it (the inbox reads the
 * rows; the state stays the source of truth).
 */
export async function saveInstance(trx: Trx, row: InstanceRow, before: InstanceState | null, state: InstanceState, now: string): Promise<void> {
  await sql`update flow_instances set state = ${JSON.stringify(state)}::jsonb, status = ${state.status}, updated_at = ${now},
    finished_at = ${state.finishedAt ?? null}, rev = rev + 1 where id = ${row.id}`.execute(trx);
  const changed: TaskState[] = [];
  for (const t of Object.values(state.tasks ?? {})) {
    const old = before?.tasks?.[t.id];
    if (!old || JSON.stringify(old) !== JSON.stringify(t)) changed.push(t);
  }
  if (!changed.length) return;
  const rows = changed.map((t) => ({
    task_key: t.id, node_id: t.node, assignee: t.assignee, status: t.status, created_at: t.createdAt, due_at: t.dueAt ?? null,
    acted_at: t.actedAt ?? null, acted_by: t.actedBy ?? null, outcome: t.status === 'approved' ? 'approve' : t.status === 'rejected' ? 'reject' : null, comment: t.comment ?? null,
  }));
  await sql`insert into flow_tasks (instance_id, app_id, flow_key, task_key, node_id, assignee, status, created_at, due_at, acted_at, acted_by, outcome, comment)
    select ${row.id}, ${row.appId}, ${row.flow}, x.task_key, x.node_id, x.assignee, x.status, x.created_at, x.due_at, x.acted_at, x.acted_by, x.outcome, x.comment
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(task_key text, node_id text, assignee bigint, status text, created_at timestamptz, due_at timestamptz, acted_at timestamptz, acted_by bigint, outcome text, comment text)
    on conflict (instance_id, task_key) do update set status = excluded.status, assignee = excluded.assignee, due_at = excluded.due_at,
      acted_at = excluded.acted_at, acted_by = excluded.acted_by, outcome = excluded.outcome, comment = excluded.comment`.execute(trx);
}
