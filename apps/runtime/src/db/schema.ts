import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Kysely types of Kiln's own tables. Record tables (one per published form, `rec_*`) are
 * created by the publish step from metadata and queried through an identifier allow-list
 * (see records/storage.ts), so they are not listed here.
 */
export interface KilnDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  apps: AppsTable;
  drafts: DraftsTable;
  app_versions: AppVersionsTable;
  form_tables: FormTablesTable;
  public_forms: PublicFormsTable;
  idempotency_keys: IdempotencyTable;
  clock_state: ClockStateTable;
  jobs: JobsTable;
  outbox: OutboxTable;
  outbox_attempts: OutboxAttemptsTable;
  connector_settings: ConnectorSettingsTable;
  connector_tokens: ConnectorTokensTable;
  inbound_messages: InboundMessagesTable;
  notifications: NotificationsTable;
  rule_traces: RuleTracesTable;
  flow_instances: FlowInstancesTable;
  flow_tasks: FlowTasksTable;
  flow_round_robin: FlowRoundRobinTable;
  tenants: TenantsTable;
  app_members: AppMembersTable;
  api_tokens: ApiTokensTable;
  login_codes: LoginCodesTable;
  audit_log: AuditLogTable;
}

type Timestamp = ColumnType<string, string | undefined, string>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: string;
  display_name: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  manager_id: ColumnType<number | null, number | null | undefined, number | null>;
  groups: ColumnType<string[], string[] | undefined, string[]>;
  tenant_id: ColumnType<number, number | undefined, number>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: string;
  ip: ColumnType<string | null, string | null | undefined, string | null>;
  last_used_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TenantsTable {
  id: Generated<number>;
  key: string;
  name: string;
  created_at: Timestamp;
}

export interface AppMembersTable {
  app_id: number;
  user_id: number;
  role_key: string;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  tenant_id: number;
  app_id: number;
  role_key: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginCodesTable {
  id: Generated<number>;
  tenant_id: number;
  kind: 'sms' | 'magic';
  target: string;
  code_hash: string;
  app_id: number | null;
  created_at: string;
  expires_at: string;
  attempts: Generated<number>;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: number;
  at: string;
  actor_kind: 'user' | 'token' | 'public' | 'system';
  actor_id: number | null;
  token_id: number | null;
  ip: string | null;
  app_id: number | null;
  action: string;
  form_key: string | null;
  record_id: number | null;
  target: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

export interface AppsTable {
  id: Generated<number>;
  key: string;
  name: JSONColumnType<{ 'zh-CN': string; en: string }>;
  current_version: number | null;
  created_at: Timestamp;
  created_by: number | null;
  tenant_id: ColumnType<number, number | undefined, number>;
}

export interface DraftsTable {
  app_id: number;
  kind: string;
  key: string;
  definition: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface AppVersionsTable {
  app_id: number;
  version: number;
  metadata: JSONColumnType<PublishedMetadata>;
  published_at: Timestamp;
  published_by: number | null;
  note: string | null;
}

/** The immutable content of one published version: every kind's definitions by key. */
export interface PublishedMetadata {
  forms: Record<string, unknown>;
  flows: Record<string, unknown>;
  rules: Record<string, unknown>;
  reports: Record<string, unknown>;
  dashboards: Record<string, unknown>;
  connectors: Record<string, unknown>;
  /** Per-app roles (versions published before roles existed have none: operators then hold every grant). */
  roles: Record<string, unknown>;
}

export interface FormTablesTable {
  app_id: number;
  form_key: string;
  table_name: string;
  /** field id → physical column facts (see records/storage.ts ColumnInfo). */
  columns: JSONColumnType<Record<string, unknown>>;
}

export interface PublicFormsTable {
  slug: string;
  app_id: number;
  form_key: string;
}

export interface IdempotencyTable {
  scope: string;
  key: string;
  record_id: number;
  created_at: Timestamp;
}

export interface ClockStateTable {
  id: number;
  now: string;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  key: string | null;
  payload: JSONColumnType<Record<string, unknown>>;
  run_at: string;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** A delivery state: waiting (due at `next_attempt_at`), leased by a worker, done, or given up. */
export type OutboxState = 'pending' | 'sending' | 'delivered' | 'dead';

/** An error kept as data (`{code, message, details?}`). */
export interface StoredError {
  code: string;
  message: string;
  details?: unknown;
}

export interface OutboxTable {
  id: Generated<number>;
  app_id: number;
  kind: 'connector' | 'flow';
  target: string;
  operation: string | null;
  payload: JSONColumnType<object | null>;
  dedupe_key: string;
  state: Generated<OutboxState>;
  attempts: Generated<number>;
  last_error: ColumnType<StoredError | null, string | null | undefined, string | null>;
  created_at: string;
  delivered_at: ColumnType<string | null, string | null | undefined, string | null>;
  next_attempt_at: ColumnType<string, string | undefined, string>;
  /** Attempts before `dead` (null: the connector's `retry.maxAttempts`). */
  max_attempts: ColumnType<number | null, number | null | undefined, number | null>;
  locked_by: ColumnType<string | null, string | null | undefined, string | null>;
  locked_until: ColumnType<string | null, string | null | undefined, string | null>;
  idempotency_key: ColumnType<string | null, string | null | undefined, string | null>;
  record_form: ColumnType<string | null, string | null | undefined, string | null>;
  record_id: ColumnType<number | null, number | null | undefined, number | null>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Input keys whose values are secrets (a sign-in code): masked in the monitor and attempt logs. */
  secret_keys: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

export interface OutboxAttemptsTable {
  id: Generated<number>;
  outbox_id: number;
  app_id: number;
  connector: string;
  n: number;
  started_at: string;
  /** Null while the attempt is in flight. */
  duration_ms: number | null;
  ok: boolean | null;
  steps: ColumnType<unknown[], string | undefined, string>;
  error: ColumnType<StoredError | null, string | null | undefined, string | null>;
}

export interface ConnectorSettingsTable {
  app_id: number;
  connector: string;
  base_url: string | null;
  /** Encrypted JSON `{name: value}` (see connectors/secrets.ts). */
  secrets: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface ConnectorTokensTable {
  app_id: number;
  connector: string;
  /** Encrypted JSON of the cached session/token. */
  value: string;
  expires_at: string | null;
}

export interface InboundMessagesTable {
  id: Generated<number>;
  app_id: number;
  connector: string;
  message_id: string;
  received_at: string;
  outcome: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface NotificationsTable {
  id: Generated<number>;
  app_id: number;
  user_id: number | null;
  role: string | null;
  title: string;
  body: string | null;
  source: string;
  dedupe_key: string;
  read_at: string | null;
  created_at: string;
}

export interface RuleTracesTable {
  id: Generated<number>;
  app_id: number;
  rule_key: string;
  version: number;
  at: string;
  event: string;
  ok: boolean;
  duration_us: number;
  facts: JSONColumnType<object> | null;
  outcome: JSONColumnType<object> | null;
  error: JSONColumnType<object> | null;
}

export interface FlowInstancesTable {
  id: Generated<number>;
  app_id: number;
  flow_key: string;
  version: number;
  form_key: string;
  record_id: number | null;
  status: string;
  state: JSONColumnType<Record<string, unknown>>;
  initiator: number | null;
  parent_id: number | null;
  parent_token: string | null;
  depth: Generated<number>;
  start_key: string | null;
  rev: Generated<number>;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface FlowTasksTable {
  id: Generated<number>;
  instance_id: number;
  task_key: string;
  app_id: number;
  flow_key: string;
  node_id: string;
  assignee: number;
  status: string;
  created_at: string;
  due_at: string | null;
  acted_at: string | null;
  acted_by: number | null;
  outcome: string | null;
  comment: string | null;
}

export interface FlowRoundRobinTable {
  app_id: number;
  flow_key: string;
  node_id: string;
  candidates: string;
  turn: Generated<number>;
}
