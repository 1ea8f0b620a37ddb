import type { ReportResult } from '@kiln/engine-reports';
import { api, seg, send } from '../../shared/api';
import { saveResponse } from './download';
import type { RecordRow } from './records-api';

/** One drill step as the API takes it in `_drill`: a dimension fixed to a key value. */
export interface DrillParam {
  dimension: string;
  value: unknown;
}

/** What a click can open at the current level: the next dimension of the drill path, the records, both or neither. */
export interface DrillInfo {
  next?: string;
  records: boolean;
}

/** `GET …/reports/{report}/data`: the result plus the drill options of this level. */
export type ReportData = ReportResult & { drill?: DrillInfo };

/** `GET …/reports/{report}/records`: the underlying records of a drilled group. */
export interface DrillRecordsPage {
  form: string;
  items: RecordRow[];
  nextCursor: string | null;
}

/** Parameter values by key (strings as in a URL: a preset or `from..to`, an option value, a record id). */
export type ReportParams = Readonly<Record<string, string>>;

const base = (app: string, report: string) => `/api/apps/${seg(app)}/reports/${seg(report)}`;

/** The query string of a report call: every non-empty parameter, `_drill` when drilled, then `extra`. */
export function reportQuery(params: ReportParams, drill: readonly DrillParam[], extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '') q.set(k, v);
  if (drill.length) q.set('_drill', JSON.stringify(drill.map((d) => ({ dimension: d.dimension, value: d.value }))));
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The data of one report with the dashboard's filter values and drill steps. */
export function fetchReportData(app: string, report: string, params: ReportParams, drill: readonly DrillParam[], signal?: AbortSignal): Promise<ReportData> {
  return api<ReportData>(`${base(app, report)}/data${reportQuery(params, drill)}`, { signal });
}

/** One page (50) of the records behind the drilled group. */
export function fetchDrillRecords(app: string, report: string, params: ReportParams, drill: readonly DrillParam[], cursor?: string | null, signal?: AbortSignal): Promise<DrillRecordsPage> {
  return api<DrillRecordsPage>(`${base(app, report)}/records${reportQuery(params, drill, { limit: '50', cursor: cursor ?? undefined })}`, { signal });
}

/**
 * Downloads the report as CSV with the current parameters and drill steps. A plain link would
 * not carry the bearer token, so the file is fetched and handed to the browser as a blob.
 */
export async function downloadReportCsv(app: string, report: string, params: ReportParams, drill: readonly DrillParam[]): Promise<void> {
  const res = await send(`${base(app, report)}/csv${reportQuery(params, drill)}`, { headers: { Accept: 'text/csv' } });
  await saveResponse(res, `${report}.csv`);
}
