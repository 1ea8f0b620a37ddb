import { buildResult, compileRecords, compileReport, REPORT_ERRORS, ReportError, type Catalog, type DrillStep, type ReportDefinition, type ReportResult, type FieldFilter, type RowFilter } from '@kiln/engine-reports';
import type { Kysely } from 'kysely';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';

type Locale = 'zh-CN' | 'en';

/** What a report request brings: raw parameter values, drill steps, the viewer's row and field filters. */
export interface ReportRequest {
  params: Record<string, unknown>;
  drill: DrillStep[];
  rowFilter?: RowFilter;
  fieldFilter?: FieldFilter;
  now: string;
  locale: Locale;
}

export type ReportAnswer = ReportResult & { drill: { next?: string; records: boolean } };

/** An engine refusal as the API's error (status from the engine's registry). */
export function asKilnError(err: unknown, locale: Locale): unknown {
  if (!(err instanceof ReportError)) return err;
  const info = REPORT_ERRORS[err.code];
  const message = info ? `${info.message[locale] ?? info.message.en}${err.message && err.message !== err.code ? ` ${err.message}` : ''}` : err.message;
  return new KilnError(err.code, message.trim(), { ...(err.path !== undefined ? { path: err.path } : {}), ...(err.details ?? {}) }, info?.status ?? 422);
}

/** Compiles a report for one request and runs it (main query, and the previous period for a KPI). */
export async function runReport(db: Kysely<KilnDatabase>, def: ReportDefinition, catalog: Catalog, req: ReportRequest): Promise<ReportAnswer> {
  try {
    const compiled = compileReport(def, catalog, { params: req.params, now: req.now, locale: req.locale, drill: req.drill, rowFilter: req.rowFilter, fieldFilter: req.fieldFilter });
    const [main, previous] = await Promise.all([
      db.executeQuery<Record<string, unknown>>(compiled.main),
      compiled.previous ? db.executeQuery<Record<string, unknown>>(compiled.previous) : undefined,
    ]);
    const result = buildResult(def, compiled, main.rows, previous?.rows, { catalog, locale: req.locale });
    return { ...result, drill: compiled.drill };
  } catch (err) {
    throw asKilnError(err, req.locale);
  }
}

/** Ids of the dataset form's records behind a report (after its filters and drill steps), newest first. */
export async function reportRecordIds(db: Kysely<KilnDatabase>, def: ReportDefinition, catalog: Catalog, req: ReportRequest & { limit: number; beforeId?: number }): Promise<number[]> {
  try {
    const q = compileRecords(def, catalog, { params: req.params, now: req.now, locale: req.locale, drill: req.drill, rowFilter: req.rowFilter, fieldFilter: req.fieldFilter, limit: req.limit, beforeId: req.beforeId });
    const { rows } = await db.executeQuery<{ id: unknown }>(q);
    return rows.map((r) => Number(r.id));
  } catch (err) {
    throw asKilnError(err, req.locale);
  }
}

/** Parses the `_drill` query parameter: a JSON array of `{dimension, value}` (at most 5 steps). */
export function parseDrill(raw: unknown): DrillStep[] {
  if (raw === undefined || raw === '') return [];
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new KilnError('REPORT_DRILL_INVALID', 'The drill is not valid JSON.', { path: '/_drill' }, 400);
  }
  if (!Array.isArray(parsed) || parsed.length > 5) throw new KilnError('REPORT_DRILL_INVALID', 'The drill must be an array of at most 5 {dimension, value} steps.', { path: '/_drill' }, 400);
  return parsed.map((s, i) => {
    const step = s as { dimension?: unknown; value?: unknown };
    const ok = s && typeof s === 'object' && typeof step.dimension === 'string' && step.dimension.length <= 64
      && (step.value === null || ['string', 'number', 'boolean'].includes(typeof step.value)) && (typeof step.value !== 'string' || step.value.length <= 200);
    if (!ok) throw new KilnError('REPORT_DRILL_INVALID', 'Each drill step is {dimension: string, value: string | number | boolean | null}.', { path: `/_drill/${i}` }, 400);
    return { dimension: step.dimension as string, value: step.value };
  });
}

/** Query-string parameters of a report request: everything except the reserved `_…` names. */
export function paramsOf(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([k, v]) => !k.startsWith('_') && k !== 'limit' && k !== 'cursor' && (typeof v === 'string' || typeof v === 'number')));
}
