import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalizedText } from '@kiln/engine-forms';
import type { PublishedMetadata } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { readFileTree } from './file-tree.js';
import { metadataFromFiles } from './metadata-files.js';
import { fromYaml } from './yaml-files.js';

/** The repository's `templates/` folder (one sub-folder per template). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates/', import.meta.url));

const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** What `template.yaml` says about a template. */
export interface TemplateInfo {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  /** App key used when the installer gives none. */
  defaultApp: string;
}

/** One demo record: field values by key; `$ref` names it so others can point at it. */
export type DemoRecord = Record<string, unknown> & { $ref?: string };

/** Demo settings of one connector (`demo/connector-settings.yaml`): a base URL override and secrets. */
export interface DemoConnectorSettings {
  baseUrl?: string;
  secrets?: Record<string, string>;
}

/** A loaded template: its info, its metadata (every kind), its demo records by form key and demo connector settings. */
export interface Template extends TemplateInfo {
  metadata: PublishedMetadata;
  demo: Record<string, DemoRecord[]>;
  connectorSettings: Record<string, DemoConnectorSettings>;
}

function text(v: unknown, fallback: string): LocalizedText {
  if (typeof v === 'string') return { 'zh-CN': v, en: v };
  const o = (v ?? {}) as Partial<LocalizedText>;
  const zh = o['zh-CN'] ?? o.en ?? fallback;
  return { 'zh-CN': zh, en: o.en ?? zh };
}

function readInfo(dir: string, id: string): TemplateInfo {
  const raw = fromYaml(readFileSync(join(dir, 'template.yaml'), 'utf8'), `${id}/template.yaml`, 'TEMPLATE_INVALID') as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object') throw new KilnError('TEMPLATE_INVALID', `${id}/template.yaml must be a mapping.`, undefined, 500);
  if (raw.id !== undefined && raw.id !== id) throw new KilnError('TEMPLATE_INVALID', `${id}/template.yaml says id "${String(raw.id)}"; it must match its folder.`, undefined, 500);
  return { id, name: text(raw.name, id), description: text(raw.description, ''), defaultApp: String(raw.defaultApp ?? id.replace(/-/g, '_')) };
}

/** Every template under `root` (default: the repository's `templates/`), sorted by id. */
export function listTemplates(root: string = TEMPLATES_DIR): TemplateInfo[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && TEMPLATE_ID.test(d.name) && existsSync(join(root, d.name, 'template.yaml')))
    .map((d) => readInfo(join(root, d.name), d.name))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Loads a template: `template.yaml`, `forms/<key>.yaml` (and `flows/ rules/ reports/
 * connectors/` in the same file-per-key layout), `demo/<form>.yaml` (a list of records) and
 * `demo/connector-settings.yaml` (demo credentials of the connectors).
 * Throws TEMPLATE_NOT_FOUND for an unknown id.
 */
export function loadTemplate(id: string, root: string = TEMPLATES_DIR): Template {
  const dir = join(root, id);
  if (!TEMPLATE_ID.test(id) || !existsSync(join(dir, 'template.yaml'))) throw new KilnError('TEMPLATE_NOT_FOUND', `No template "${id}".`, { template: id });
  const info = readInfo(dir, id);
  const files = readFileTree(dir);
  const metadata = metadataFromFiles(files);
  const demo: Record<string, DemoRecord[]> = {};
  for (const path of Object.keys(files).sort()) {
    const m = /^demo\/([a-z][a-z0-9_]*)\.ya?ml$/.exec(path);
    if (!m) continue;
    const list = fromYaml(files[path]!, `${id}/${path}`, 'TEMPLATE_INVALID') ?? [];
    if (!Array.isArray(list)) throw new KilnError('TEMPLATE_INVALID', `${id}/${path} must be a list of records.`, undefined, 500);
    demo[m[1]!] = list as DemoRecord[];
  }
  const settingsFile = files['demo/connector-settings.yaml'];
  const connectorSettings = settingsFile === undefined ? {} : fromYaml(settingsFile, `${id}/demo/connector-settings.yaml`, 'TEMPLATE_INVALID') ?? {};
  if (typeof connectorSettings !== 'object' || Array.isArray(connectorSettings)) throw new KilnError('TEMPLATE_INVALID', `${id}/demo/connector-settings.yaml must map connector keys to {baseUrl?, secrets?}.`, undefined, 500);
  return { ...info, metadata, demo, connectorSettings: connectorSettings as Record<string, DemoConnectorSettings> };
}
