import type { FormDefinition } from '@kiln/engine-forms';
import { validateDashboard, validateReport, type ReportDefinition } from '@kiln/engine-reports';
import type { PublishedMetadata } from '../db/schema.js';
import type { PublishProblem } from './publish.js';

/** The form drafts that are at least shaped like forms (the others are reported by the form checks). */
export function formsOf(metadata: PublishedMetadata): Record<string, FormDefinition> {
  return Object.fromEntries(Object.entries(metadata.forms).filter(([, d]) => d && typeof d === 'object' && Array.isArray((d as FormDefinition).fields))) as Record<string, FormDefinition>;
}

const objects = (m: Record<string, unknown>) => Object.entries(m).filter(([, d]) => d && typeof d === 'object' && !Array.isArray(d));

/** Publish-time validation of every report (against the forms being published) and dashboard (against the reports). */
export function checkReportDrafts(metadata: PublishedMetadata, locale: 'zh-CN' | 'en'): PublishProblem[] {
  const out: PublishProblem[] = [];
  const forms = formsOf(metadata);
  const keyProblem = (kind: string, key: string, def: unknown): PublishProblem | null => (def as { key?: unknown }).key === key ? null
    : { kind, key, path: '/key', code: 'KEY_MISMATCH', message: locale === 'en' ? `The key must be "${key}".` : `键名必须是 "${key}"。` };
  for (const [key, def] of objects(metadata.reports)) {
    const k = keyProblem('reports', key, def);
    if (k) out.push(k);
    for (const p of validateReport(def, { forms, locale })) out.push({ kind: 'reports', key, path: p.path, code: p.code, message: p.message });
  }
  const reports = Object.fromEntries(objects(metadata.reports)) as Record<string, ReportDefinition>;
  for (const [key, def] of objects(metadata.dashboards ?? {})) {
    const k = keyProblem('dashboards', key, def);
    if (k) out.push(k);
    for (const p of validateDashboard(def, { reports, locale })) out.push({ kind: 'dashboards', key, path: p.path, code: p.code, message: p.message });
  }
  return out;
}
