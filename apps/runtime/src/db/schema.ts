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
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: string;
}

export interface AppsTable {
  id: Generated<number>;
  key: string;
  name: JSONColumnType<{ 'zh-CN': string; en: string }>;
  current_version: number | null;
  created_at: Timestamp;
  created_by: number | null;
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
  connectors: Record<string, unknown>;
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
