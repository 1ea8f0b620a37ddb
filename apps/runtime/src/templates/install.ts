import type { FormDefinition } from '@kiln/engine-forms';
import type { KilnContext } from '../context.js';
import type { PublishedMetadata } from '../db/schema.js';
import { saveConnectorSettings } from '../connectors/settings.js';
import { createApp, DEFAULT_TENANT } from '../metadata/apps.js';
import { publishApp } from '../metadata/publish.js';
import { removeApp, writeDrafts } from './app-store.js';
import { loadTemplate, TEMPLATES_DIR } from './catalog.js';
import { insertDemoData } from './demo-data.js';

/** Options of `installTemplate`. */
export interface InstallOptions {
  /** App key (default: the template's `defaultApp`). */
  app?: string;
  /** Also insert the template's demo records. */
  demoData?: boolean;
  /** Who installs (null: the system, e.g. the CLI). */
  userId: number | null;
  locale?: 'zh-CN' | 'en';
  /** Templates folder (default: the repository's `templates/`). */
  root?: string;
  /** The workspace to install into (default: the default tenant). */
  tenantId?: number;
}

/** What an install made. */
export interface InstallResult {
  app: string;
  version: number;
  /** Demo records inserted per form (empty without demoData). */
  demo: Record<string, number>;
}

/**
 * Public slugs are unique per installation, so a template installed under a key other than its
 * default gets `-<app key>` appended to each slug (`_` becomes `-`): `live` → `live-shop-2`.
 */
export function slugsForApp(metadata: PublishedMetadata, appKey: string, defaultApp: string, tenantKey?: string): PublishedMetadata {
  if (appKey === defaultApp && !tenantKey) return metadata;
  // Public links are shared by every workspace: another workspace's install gets its key in them.
  const suffix = `${appKey === defaultApp ? '' : `-${appKey.replace(/_/g, '-')}`}${tenantKey ? `-${tenantKey}` : ''}`;
  const forms = Object.fromEntries(Object.entries(metadata.forms).map(([key, def]) => {
    const form = def as FormDefinition;
    if (!form.public?.slug) return [key, form];
    return [key, { ...form, public: { ...form.public, slug: (form.public.slug + suffix).slice(0, 63) } }];
  }));
  return { ...metadata, forms };
}

/**
 * Installs a template as a new app: creates the app (APP_EXISTS if the key is taken), saves the
 * template's definitions as drafts, publishes them, and optionally inserts the demo records
 * (validated like any record) and the connectors' demo credentials. If any step fails, the half-made app is removed.
 *
 * @example await installTemplate(ctx, 'livestream-erp', { app: 'shop_2', demoData: true, userId: null })
 */
export async function installTemplate(ctx: KilnContext, id: string, opts: InstallOptions): Promise<InstallResult> {
  const template = loadTemplate(id, opts.root ?? TEMPLATES_DIR);
  const key = opts.app ?? template.defaultApp;
  const locale = opts.locale ?? 'zh-CN';
  const app = await createApp(ctx.db, { key, name: template.name }, opts.userId, opts.tenantId);
  try {
    const tenantKey = app.tenant_id === DEFAULT_TENANT ? undefined : (await ctx.db.selectFrom('tenants').select('key').where('id', '=', app.tenant_id).executeTakeFirstOrThrow()).key;
    await writeDrafts(ctx, app.id, slugsForApp(template.metadata, key, template.defaultApp, tenantKey), opts.userId);
    const { version } = await publishApp(ctx, key, opts.userId, { locale, note: `template ${id}`, tenantId: opts.tenantId });
    const demo = opts.demoData ? await insertDemoData(ctx, key, template.demo, { userId: opts.userId, locale, tenantId: opts.tenantId }) : {};
    if (opts.demoData) {
      // Demo credentials (those of `pnpm kiln fakes`), encrypted like any others.
      for (const [connector, s] of Object.entries(template.connectorSettings)) {
        await saveConnectorSettings(ctx, app.id, connector, { baseUrl: s.baseUrl, secrets: s.secrets }, opts.userId);
      }
    }
    return { app: key, version, demo };
  } catch (err) {
    await removeApp(ctx, app.id);
    throw err;
  }
}
