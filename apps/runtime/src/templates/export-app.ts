import type { KilnContext } from '../context.js';
import type { PublishedMetadata } from '../db/schema.js';
import { appByKey, currentPublished, DEFAULT_TENANT } from '../metadata/apps.js';
import { METADATA_KINDS } from '../metadata/kinds.js';
import { writeFileTree, type FileTree } from './file-tree.js';
import { emptyMetadata } from './metadata-files.js';
import { canonicalJson, toYaml } from './yaml-files.js';

/** Format version of an export (`app.yaml` → `formatVersion`). */
export const EXPORT_FORMAT = 1;

/** Folders an export owns: stale files in them are removed when an export is rewritten. */
export const EXPORT_FOLDERS = [...METADATA_KINDS, ...METADATA_KINDS.map((k) => `drafts/${k}`)];

function sorted<T>(o: Record<string, T>): [string, T][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Exports an app as plain files fit for git:
 * - `app.yaml`: `formatVersion`, `key`, `name`, `version` (the published version exported),
 *   and `removedDrafts` (published items whose draft was deleted) when there are any;
 * - `forms/<key>.yaml`, `flows/<key>.yaml`, …: the current published version;
 * - `drafts/<kind>/<key>.yaml`: drafts that differ from the published version (unpublished work).
 *
 * Keys and files come in a canonical order, so exporting the same metadata twice gives the
 * same bytes. Throws APP_NOT_FOUND.
 */
export async function exportApp(ctx: KilnContext, appKey: string, tenantId: number = DEFAULT_TENANT): Promise<FileTree> {
  const app = await appByKey(ctx.db, appKey, tenantId);
  const published = await currentPublished(ctx.db, app);
  const metadata: PublishedMetadata = { ...emptyMetadata(), ...(published?.metadata ?? {}) };
  const drafts = await ctx.db.selectFrom('drafts').select(['kind', 'key', 'definition']).where('app_id', '=', app.id).execute();
  const files: FileTree = {};
  const removedDrafts: string[] = [];
  for (const kind of METADATA_KINDS) {
    for (const [key, def] of sorted(metadata[kind])) files[`${kind}/${key}.yaml`] = toYaml(def);
  }
  const draftFiles: FileTree = {};
  for (const d of [...drafts].sort((a, b) => (`${a.kind}/${a.key}` < `${b.kind}/${b.key}` ? -1 : 1))) {
    const pub = (metadata[d.kind as keyof PublishedMetadata] as Record<string, unknown> | undefined)?.[d.key];
    if (pub === undefined || canonicalJson(pub) !== canonicalJson(d.definition)) draftFiles[`drafts/${d.kind}/${d.key}.yaml`] = toYaml(d.definition);
  }
  if (published) {
    for (const kind of METADATA_KINDS) {
      for (const [key] of sorted(metadata[kind])) if (!drafts.some((d) => d.kind === kind && d.key === key)) removedDrafts.push(`${kind}/${key}`);
    }
  }
  const head = { formatVersion: EXPORT_FORMAT, key: app.key, name: app.name, version: published?.version ?? null, ...(removedDrafts.length ? { removedDrafts } : {}) };
  return { 'app.yaml': toYaml(head), ...files, ...draftFiles };
}

/** Exports an app into `dir` (see exportApp); returns the relative paths written. */
export async function exportAppTo(ctx: KilnContext, appKey: string, dir: string, tenantId: number = DEFAULT_TENANT): Promise<{ files: string[]; version: number | null }> {
  const files = await exportApp(ctx, appKey, tenantId);
  const written = writeFileTree(dir, files, EXPORT_FOLDERS);
  const app = await appByKey(ctx.db, appKey, tenantId);
  return { files: written, version: app.current_version };
}
