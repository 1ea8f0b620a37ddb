import { createRecordValidator, type FormDefinition } from '@kiln/engine-forms';
import type { Kysely } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { appByKey, publishedForm, type AppRow } from '../metadata/apps.js';
import type { ColumnInfo } from './columns.js';
import { loadStorage, type FormStorage } from './schema-sync.js';

/** Everything a records request needs about one published form, compiled once per version. */
export interface FormRuntime {
  app: AppRow;
  version: number;
  form: FormDefinition;
  storage: FormStorage;
  /** Active (non-retired) columns in definition order. */
  columns: ColumnInfo[];
  byKey: Map<string, ColumnInfo>;
  validator: ReturnType<typeof createRecordValidator>;
  /** Storage of every form of the app (relations point at them). */
  allStorage: Map<string, FormStorage>;
}

// Per database, keyed by (app, version, form): versions are immutable, so entries never go stale.
const caches = new WeakMap<object, Map<string, Promise<FormRuntime>>>();

/** The compiled runtime of a published form (ajv compiled once per published version). */
export async function formRuntime(db: Kysely<KilnDatabase>, appKey: string, formKey: string, tenantId: number): Promise<FormRuntime> {
  const app = await appByKey(db, appKey, tenantId);
  return formRuntimeOf(db, app, formKey);
}

/**
 * Like {@link formRuntime} for a known app row. `queryDb` (e.g. an open transaction) runs the
 * queries of a first build — on PGlite a query on the root handle while a transaction holds the
 * only connection would wait forever; the cache stays keyed by the root `db`.
 */
export async function formRuntimeOf(db: Kysely<KilnDatabase>, app: AppRow, formKey: string, queryDb: Kysely<KilnDatabase> = db): Promise<FormRuntime> {
  const cacheKey = `${app.id}:${app.current_version}:${formKey}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let hit = cache.get(cacheKey);
  if (!hit) {
    hit = build(queryDb, app, formKey);
    cache.set(cacheKey, hit);
    hit.catch(() => cache.delete(cacheKey));
  }
  return hit;
}

async function build(db: Kysely<KilnDatabase>, app: AppRow, formKey: string): Promise<FormRuntime> {
  const { version, form } = await publishedForm(db, app, formKey);
  const allStorage = await loadStorage(db, app.id);
  const storage = allStorage.get(formKey);
  if (!storage) throw new KilnError('FORM_NOT_FOUND', `Form "${formKey}" has no storage.`);
  const columns = form.fields.map((f) => storage.columns[f.id]).filter((c): c is ColumnInfo => Boolean(c && !c.retired));
  return { app, version, form, storage, columns, byKey: new Map(columns.map((c) => [c.key, c])), validator: createRecordValidator(form), allStorage };
}
