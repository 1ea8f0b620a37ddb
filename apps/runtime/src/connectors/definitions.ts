import { compileConnector, ConnectorError, type CompiledConnector, type ConnectorDefinition } from '@kiln/engine-connectors';
import type { Kysely, Transaction } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { versionOf } from '../metadata/apps.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

/** A connector definition with its expressions compiled. */
export interface LoadedConnector {
  def: ConnectorDefinition;
  compiled: CompiledConnector;
}

// Published versions are immutable: a compiled connector per (app, version, key) never goes stale.
const caches = new WeakMap<object, Map<string, LoadedConnector | null>>();

/**
 * The connector `key` of an app's published `version`, compiled once (null when that version has
 * no such connector). A definition that does not compile (it passed publish checks, so only an
 * engine change could cause this) throws ConnectorError CONNECTOR_DEFINITION_INVALID.
 */
export async function publishedConnector(db: Kysely<KilnDatabase>, appId: number, version: number, key: string, queryDb: Db = db): Promise<LoadedConnector | null> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const k = `${appId}:${version}:${key}`;
  if (cache.has(k)) return cache.get(k)!;
  const published = await versionOf(queryDb, appId, version);
  const def = published?.metadata.connectors?.[key] as ConnectorDefinition | undefined;
  const loaded = def && typeof def === 'object' ? { def, compiled: compileConnector(def) } : null;
  cache.set(k, loaded);
  return loaded;
}

/** The draft definition of a connector (what the studio is editing), or null. */
export async function draftConnector(db: Db, appId: number, key: string): Promise<ConnectorDefinition | null> {
  const row = await db.selectFrom('drafts').select('definition').where('app_id', '=', appId).where('kind', '=', 'connectors').where('key', '=', key).executeTakeFirst();
  return (row?.definition as unknown as ConnectorDefinition | undefined) ?? null;
}

/** The draft of a connector, else its current published definition; CONNECTOR_NOT_FOUND when neither exists. */
export async function draftOrPublished(db: Kysely<KilnDatabase>, app: { id: number; key: string; current_version: number | null }, key: string): Promise<{ def: ConnectorDefinition; source: 'draft' | 'published' }> {
  const draft = await draftConnector(db, app.id, key);
  if (draft) return { def: draft, source: 'draft' };
  if (app.current_version !== null) {
    const published = await versionOf(db, app.id, app.current_version);
    const def = published?.metadata.connectors?.[key] as ConnectorDefinition | undefined;
    if (def && typeof def === 'object') return { def, source: 'published' };
  }
  throw new KilnError('CONNECTOR_NOT_FOUND', `App "${app.key}" has no connector "${key}".`);
}

/** Compiles a definition for a one-off use (test call), turning a compile failure into CONNECTOR_INVALID. */
export function compileOrFail(def: ConnectorDefinition): CompiledConnector {
  try {
    return compileConnector(def);
  } catch (err) {
    if (err instanceof ConnectorError) throw new KilnError('CONNECTOR_INVALID', err.message, { problems: err.details ?? [] });
    throw err;
  }
}
