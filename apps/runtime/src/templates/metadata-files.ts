import type { PublishedMetadata } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { METADATA_KINDS } from '../metadata/kinds.js';
import type { FileTree } from './file-tree.js';
import { fromYaml } from './yaml-files.js';

const FILE = /^([a-z][a-z0-9_]{0,62})\.(ya?ml|json)$/;

/** An empty metadata set (every kind present). */
import { emptyMetadata } from '../metadata/kinds.js';

export { emptyMetadata };

/**
 * Reads the file-per-key layout under `prefix` (`forms/<key>.yaml`, `flows/<key>.yaml`, …,
 * optionally under a folder such as `drafts/`) into a metadata set, keys in sorted order. A
 * form's `key` defaults to its file name. Files of unknown kinds are ignored.
 */
export function metadataFromFiles(files: FileTree, prefix = ''): PublishedMetadata {
  const out = emptyMetadata();
  for (const path of Object.keys(files).sort()) {
    if (!path.startsWith(prefix)) continue;
    const [kind, name, ...rest] = path.slice(prefix.length).split('/');
    if (rest.length || !kind || !name || !(METADATA_KINDS as readonly string[]).includes(kind)) continue;
    const m = FILE.exec(name);
    if (!m) throw new KilnError('BAD_REQUEST', `${path}: file names are metadata keys (lower-case letters, digits, _) ending in .yaml.`, { path });
    const key = m[1]!;
    const def = fromYaml(files[path]!, path);
    if (!def || typeof def !== 'object' || Array.isArray(def)) throw new KilnError('BAD_REQUEST', `${path}: the file must hold one definition (a YAML mapping).`, { path });
    (out[kind as keyof PublishedMetadata] as Record<string, unknown>)[key] = kind === 'forms' ? { ...(def as object), key: (def as { key?: unknown }).key ?? key } : def;
  }
  return out;
}

/** Number of definitions in a metadata set. */
export function countMetadata(metadata: PublishedMetadata): number {
  return METADATA_KINDS.reduce((n, k) => n + Object.keys(metadata[k]).length, 0);
}
