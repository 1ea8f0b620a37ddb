import { nodeById, returnTargets, type FlowDefinition, type HistoryEntry, type InstanceState, type LocalizedText, type TaskState } from '@kiln/engine-flow';
import type { Kysely, Transaction } from 'kysely';
import type { KilnContext } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { appById, type AppRow } from '../metadata/apps.js';
import { formRuntimeOf } from '../records/form-runtime.js';
import { getRecord } from '../records/service.js';
import { appRules } from '../rules/app-rules.js';
import type { InstanceRow } from './store.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;
type Locale = 'zh-CN' | 'en';

export interface UserRef { id: number; name: string }

/** A task as inboxes show it. */
export interface TaskView {
  id: number;
  app: string;
  appName: LocalizedText;
  flow: string;
  flowName: LocalizedText;
  node: string;
  nodeName: LocalizedText;
  instance: number;
  form: string;
  record: number | null;
  recordTitle: string | null;
  status: string;
  assignee: UserRef;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  actedAt: string | null;
  outcome: 'approve' | 'reject' | null;
  comment: string | null;
  initiator: UserRef | null;
  labels?: { approve?: LocalizedText; reject?: LocalizedText };
}

/** An instance with its timeline. */
export interface InstanceView {
  id: number;
  app: string;
  flow: string;
  flowName: LocalizedText;
  version: number;
  status: string;
  form: string;
  record: number | null;
  recordTitle: string | null;
  initiator: UserRef | null;
  startedAt: string;
  finishedAt: string | null;
  activeNodes: { node: string; name: LocalizedText }[];
  tasks: TaskView[];
  timeline: (Omit<HistoryEntry, 'user' | 'to'> & { nodeName?: LocalizedText; toNodeName?: LocalizedText; user: UserRef | null; to?: UserRef })[];
  canWithdraw: boolean;
  error?: InstanceState['error'];
}

const TEXTISH = new Set(['text', 'autonumber', 'phone', 'email', 'linkparam', 'textarea']);

/**
 * Caches of one view-building pass: users, apps, definitions, record titles. Pending lookups are
 * cached too, so views built side by side (an inbox page) share one query per user, app and record.
 */
export class ViewCache {
  private readonly users = new Map<number, Promise<UserRef>>();
  private readonly apps = new Map<number, Promise<AppRow>>();
  private readonly titles = new Map<string, Promise<string | null>>();

  constructor(readonly ctx: KilnContext, readonly db: Db) {}

  private once<K, V>(map: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
    let p = map.get(key);
    if (!p) map.set(key, (p = load()));
    return p;
  }

  async user(id: number | null | undefined): Promise<UserRef | null> {
    if (id === null || id === undefined) return null;
    return this.once(this.users, id, async () => {
      const r = await this.db.selectFrom('users').select(['id', 'email', 'display_name']).where('id', '=', id).executeTakeFirst();
      return { id, name: r ? r.display_name || r.email : `#${id}` };
    });
  }

  app(id: number): Promise<AppRow> {
    return this.once(this.apps, id, async () => (await appById(this.db, id))!);
  }

  async def(appId: number, version: number, flow: string): Promise<FlowDefinition | undefined> {
    const rules = await appRules(this.ctx.db, await this.app(appId), version, this.db as Kysely<KilnDatabase>);
    return rules.flows[flow];
  }

  title(appId: number, form: string, record: number | null): Promise<string | null> {
    if (record === null) return Promise.resolve(null);
    return this.once(this.titles, `${appId}:${form}:${record}`, async () => {
      try {
        const rt = await formRuntimeOf(this.ctx.db, await this.app(appId), form, this.db as Kysely<KilnDatabase>);
        const rec = await getRecord(this.db, rt, record);
        const f = rt.form.fields.find((x) => TEXTISH.has(x.type) && rec[x.key] !== null && rec[x.key] !== undefined && rec[x.key] !== '');
        return f ? `${String(rec[f.key])} (#${record})` : `#${record}`;
      } catch {
        return `#${record}`; // deleted record or form: keep the id
      }
    });
  }
}

const nodeName = (def: FlowDefinition | undefined, id: string): LocalizedText => {
  const n = def ? nodeById(def).get(id) : undefined;
  return n?.data.name ?? id;
};

/** The view of one task row. */
export async function taskView(c: ViewCache, row: { id: number; instance_id: number; app_id: number; flow_key: string; version: number; form_key: string; record_id: number | null; initiator: number | null; node_id: string; assignee: number; status: string; created_at: string; due_at: string | null; acted_at: string | null; outcome: string | null; comment: string | null }, now: Date): Promise<TaskView> {
  const app = await c.app(Number(row.app_id));
  const def = await c.def(app.id, Number(row.version), row.flow_key);
  const node = def ? nodeById(def).get(row.node_id) : undefined;
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  const dueAt = iso(row.due_at);
  const labels = node?.type === 'approval' ? node.data.labels : undefined;
  return {
    id: Number(row.id), app: app.key, appName: app.name, flow: row.flow_key, flowName: def?.name ?? row.flow_key, node: row.node_id, nodeName: nodeName(def, row.node_id),
    instance: Number(row.instance_id), form: row.form_key, record: row.record_id === null ? null : Number(row.record_id), recordTitle: await c.title(app.id, row.form_key, row.record_id === null ? null : Number(row.record_id)),
    status: row.status, assignee: (await c.user(Number(row.assignee)))!, createdAt: iso(row.created_at)!, dueAt, overdue: row.status === 'open' && dueAt !== null && new Date(dueAt) < now,
    actedAt: iso(row.acted_at), outcome: row.outcome === 'approve' || row.outcome === 'reject' ? row.outcome : null, comment: row.comment, initiator: await c.user(row.initiator),
    ...(labels ? { labels } : {}),
  };
}

/** Task rows joined with their instance, as `taskView` wants them. */
export function taskRows(db: Db) {
  return db.selectFrom('flow_tasks as t').innerJoin('flow_instances as i', 'i.id', 't.instance_id')
    .select(['t.id', 't.instance_id', 't.app_id', 't.flow_key', 'i.version', 'i.form_key', 'i.record_id', 'i.initiator', 't.node_id', 't.assignee', 't.status', 't.created_at', 't.due_at', 't.acted_at', 't.outcome', 't.comment']);
}

/** The view of an instance (with its tasks and timeline) for `viewer`. */
export async function instanceView(c: ViewCache, row: InstanceRow, viewer: number | null): Promise<InstanceView> {
  const app = await c.app(row.appId);
  const def = await c.def(app.id, row.version, row.flow);
  const s = row.state;
  const now = c.ctx.clock.now();
  const tasks = await taskRows(c.db).where('t.instance_id', '=', row.id).orderBy('t.id').execute();
  const timeline: InstanceView['timeline'] = [];
  for (const h of s.history ?? []) {
    const { user: actor, to: target0, ...rest } = h;
    let user = actor;
    let to = target0;
    // SLA events are the system's doing; the person concerned is who they were about.
    if (h.type.startsWith('sla.') && to === undefined) [user, to] = [null, user ?? undefined];
    const target = typeof h.detail?.to === 'string' ? { toNodeName: nodeName(def, h.detail.to) } : {};
    timeline.push({ ...rest, ...(h.node ? { nodeName: nodeName(def, h.node) } : {}), ...target, user: await c.user(user ?? null), ...(to !== undefined && to !== null ? { to: (await c.user(to))! } : {}) });
  }
  const activeNodes = [...new Set(Object.values(s.tokens ?? {}).filter((t) => t.status === 'waiting').map((t) => t.node))].map((n) => ({ node: n, name: nodeName(def, n) }));
  return {
    id: row.id, app: app.key, flow: row.flow, flowName: def?.name ?? row.flow, version: row.version, status: s.status ?? row.status, form: row.form, record: row.record,
    recordTitle: await c.title(app.id, row.form, row.record), initiator: await c.user(s.initiator ?? row.initiator), startedAt: new Date(s.startedAt).toISOString(),
    finishedAt: s.finishedAt ?? null, activeNodes, tasks: await Promise.all(tasks.map((t) => taskView(c, t as never, now))), timeline,
    canWithdraw: s.status === 'running' && !s.acted && viewer !== null && viewer === s.initiator, ...(s.error ? { error: s.error } : {}),
  };
}

/** Approval nodes a task may be returned to, with their names. */
export function returnTargetsOf(def: FlowDefinition, state: InstanceState, task: TaskState): { node: string; name: LocalizedText }[] {
  return returnTargets(def, state, task.id).map((n) => ({ node: n, name: nodeName(def, n) }));
}

export type { Locale };
