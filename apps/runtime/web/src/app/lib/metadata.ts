import type { FieldDefinition, FormDefinition, LocalizedText } from '@kiln/engine-forms';
import type { DashboardDefinition, ReportDefinition } from '@kiln/engine-reports';
import { api, seg } from '../../shared/api';

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
}

export const listApps = () => api<{ items: AppSummary[] }>('/api/apps').then((r) => r.items);

const metaCache = new Map<string, Promise<AppMeta>>();
/** The published metadata of `app`, fetched once per page session (or again with `fresh`). */
export function appMeta(app: string, fresh = false): Promise<AppMeta> {
  let p = metaCache.get(app);
  if (!p || fresh) {
    p = api<AppMeta>(`/api/apps/${seg(app)}`);
    p.catch(() => metaCache.delete(app));
    metaCache.set(app, p);
  }
  return p;
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
