import type { KilnContext } from '../context.js';
import { KilnError } from '../errors.js';
import { createApp } from '../metadata/apps.js';
import { isKind } from '../metadata/kinds.js';
import { publishApp } from '../metadata/publish.js';
import { removeApp, writeDrafts } from './app-store.js';
import { readFileTree, type FileTree } from './file-tree.js';
import { countMetadata, metadataFromFiles } from './metadata-files.js';
import { fromYaml } from './yaml-files.js';

/** Options of `importApp`. */
export interface ImportOptions {
  /** Import under this key instead of the one in `app.yaml`. */
  app?: string;
  userId: number | null;
  locale?: 'zh-CN' | 'en';
  /** The workspace to import into (default: the default tenant). */
  tenantId?: number;
}

/**
 * Imports an export (a folder, or its files by relative path) as a new app: creates the app
 * (APP_EXISTS if the key is taken), saves the published definitions as drafts and publishes
 * them, then restores unpublished drafts (`drafts/…`, `removedDrafts`). An export of a
 * never-published app only restores drafts (version null). On failure nothing is left behind.
 */
export async function importApp(ctx: KilnContext, source: string | FileTree, opts: ImportOptions): Promise<{ app: string; version: number | null }> {
  const files = typeof source === 'string' ? readFileTree(source) : source;
  const headText = files['app.yaml'] ?? files['app.yml'] ?? files['app.json'];
  if (headText === undefined) throw new KilnError('BAD_REQUEST', 'Not an app export: app.yaml is missing.', { path: 'app.yaml' });
  const head = (fromYaml(headText, 'app.yaml') ?? {}) as { key?: unknown; name?: { 'zh-CN'?: string; en?: string }; version?: unknown; removedDrafts?: unknown };
  const key = opts.app ?? String(head.key ?? '');
  const published = metadataFromFiles(files);
  const drafts = metadataFromFiles(files, 'drafts/');
  const removed = Array.isArray(head.removedDrafts) ? head.removedDrafts.map(String) : [];
  const app = await createApp(ctx.db, { key, name: head.name }, opts.userId, opts.tenantId);
  try {
    let version: number | null = null;
    if (head.version !== null && countMetadata(published) > 0) {
      await writeDrafts(ctx, app.id, published, opts.userId);
      version = (await publishApp(ctx, key, opts.userId, { locale: opts.locale ?? 'zh-CN', note: 'import', tenantId: opts.tenantId })).version;
    }
    await writeDrafts(ctx, app.id, drafts, opts.userId);
    for (const item of removed) {
      const [kind, itemKey] = item.split('/');
      if (kind && itemKey && isKind(kind)) await ctx.db.deleteFrom('drafts').where('app_id', '=', app.id).where('kind', '=', kind).where('key', '=', itemKey).execute();
    }
    return { app: key, version };
  } catch (err) {
    await removeApp(ctx, app.id);
    throw err;
  }
}
