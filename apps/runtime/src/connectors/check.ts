import { validateConnector } from '@kiln/engine-connectors';
import type { PublishedMetadata } from '../db/schema.js';
import { formsOf } from '../metadata/check-reports.js';
import type { PublishProblem } from '../metadata/publish.js';

/** Hook names of the webhook rules being published (what a connector's `rule` may name). */
function webhookHooks(metadata: PublishedMetadata): string[] {
  const hooks: string[] = [];
  for (const r of Object.values(metadata.rules)) {
    const t = (r as { type?: unknown; trigger?: { event?: unknown; hook?: unknown } } | null)?.trigger;
    if ((r as { type?: unknown })?.type === 'trigger' && t?.event === 'webhook' && typeof t.hook === 'string') hooks.push(t.hook);
  }
  return hooks;
}

/**
 * Publish-time validation of every connector: its shape and expressions, and its references
 * (forms and field keys of inbound handlers, webhook rules named by operations and handlers)
 * against the metadata being published. Paths point into the connector draft.
 */
export function checkConnectorDrafts(metadata: PublishedMetadata, locale: 'zh-CN' | 'en'): PublishProblem[] {
  const entries = Object.entries(metadata.connectors ?? {}).filter(([, d]) => d && typeof d === 'object' && !Array.isArray(d));
  if (!entries.length) return [];
  const forms = Object.fromEntries(Object.entries(formsOf(metadata)).map(([k, f]) => [k, f.fields.map((x) => x.key)]));
  const hooks = webhookHooks(metadata);
  const out: PublishProblem[] = [];
  for (const [key, def] of entries) {
    if ((def as { key?: unknown }).key !== key) {
      out.push({ kind: 'connectors', key, path: '/key', code: 'CONNECTOR_DEFINITION_INVALID', message: locale === 'en' ? `The connector key must be "${key}".` : `连接器键名必须是 "${key}"。` });
    }
    for (const p of validateConnector(def, { forms, hooks, locale })) out.push({ kind: 'connectors', key, path: p.path, code: p.code, message: p.message });
  }
  return out;
}
