import type { FieldDefinition, FormDefinition, LocalizedText } from '@kiln/engine-forms';
import type { DashboardDefinition, ReportDefinition } from '@kiln/engine-reports';
import { api, getToken, seg } from '../../shared/api';
import type { AppAccess } from './access';

/** One entry of `GET /api/apps`. */
export interface AppSummary {
  key: string;
  name: LocalizedText | null;
  version: number | null;
}

/** `GET /api/apps/{app}`: the published metadata. */
export interface AppMeta {
  key: string;
  name: LocalizedText | null;
  version: number | null;
  forms: Record<string, FormDefinition>;
  /** Published reports and dashboards (absent on servers before reports existed). */
  reports?: Record<string, ReportDefinition>;
  dashboards?: Record<string, DashboardDefinition>;
  /** The caller's permissions (absent on servers before permissions existed: everything allowed). */
  access?: AppAccess;
}

export const listApps = () => api<{ items: AppSummary[] }>('/api/apps').then((r) => r.items);

const metaCache = new Map<string, Promise<AppMeta>>();
/**
 * The published metadata of `app`, fetched once per page session and signed-in user (its
 * `access` is the caller's), or again with `fresh`.
 */
export function appMeta(app: string, fresh = false): Promise<AppMeta> {
  const key = `${getToken() ?? ''}\n${app}`;
  let p = metaCache.get(key);
  if (!p || fresh) {
    p = api<AppMeta>(`/api/apps/${seg(app)}`);
    p.catch(() => metaCache.delete(key));
    metaCache.set(key, p);
  }
  return p;
}

/** Forgets every cached metadata (on sign-out: the next user has other permissions). */
export function clearMetaCache(): void {
  metaCache.clear();
}

const TEXTISH = new Set(['text', 'autonumber', 'phone', 'email', 'linkparam', 'textarea']);

/** The field a relation shows for records of `target`: its `display`, else the first text-like field. */
export function displayField(target: FormDefinition | undefined, display?: string): FieldDefinition | undefined {
  if (!target) return undefined;
  if (display) {
    const f = target.fields.find((x) => x.key === display);
    if (f) return f;
  }
  return target.fields.find((f) => TEXTISH.has(f.type));
}
