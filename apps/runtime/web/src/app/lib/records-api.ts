import { api, request, seg, send } from '../../shared/api';
import { saveResponse } from './download';

/** A record as the API returns it: system fields plus field keys. */
export interface RecordRow {
  id: number;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

export interface RecordPage {
  items: RecordRow[];
  nextCursor: string | null;
}

export interface ListQuery {
  filter?: Record<string, unknown>;
  sort?: string;
  limit?: number;
  cursor?: string | null;
}

const base = (app: string, form: string) => `/api/apps/${seg(app)}/forms/${seg(form)}/records`;

/** `GET …/records` with the contract's filter / sort / limit / cursor. */
export function listRecords(app: string, form: string, q: ListQuery, signal?: AbortSignal): Promise<RecordPage> {
  const p = new URLSearchParams();
  if (q.filter && Object.keys(q.filter).length) p.set('filter', JSON.stringify(q.filter));
  if (q.sort) p.set('sort', q.sort);
  if (q.limit) p.set('limit', String(q.limit));
  if (q.cursor) p.set('cursor', q.cursor);
  const qs = p.toString();
  return api<RecordPage>(`${base(app, form)}${qs ? `?${qs}` : ''}`, { signal });
}

export const getRecord = (app: string, form: string, id: number | string) => api<RecordRow>(`${base(app, form)}/${seg(id)}`);

export const createRecord = (app: string, form: string, data: Record<string, unknown>, idempotencyKey: string) =>
  request<RecordRow>(base(app, form), { method: 'POST', body: data, headers: { 'Idempotency-Key': idempotencyKey } }).then((r) => r.data);

export const updateRecord = (app: string, form: string, id: number | string, data: Record<string, unknown>) =>
  api<RecordRow>(`${base(app, form)}/${seg(id)}`, { method: 'PATCH', body: data });

/** What `POST /api/apps/{app}/compute` answers: formula values by field key, and per-field errors. */
export interface FormulaValues {
  values: Record<string, unknown>;
  errors?: Record<string, string>;
}

/** Formula values of the published form `form` for the given (unsaved) values; nothing is stored. */
export const computeFormulas = (app: string, form: string, values: Record<string, unknown>) =>
  api<FormulaValues>(`/api/apps/${seg(app)}/compute`, { method: 'POST', body: { formKey: form, values } });

export const deleteRecord = (app: string, form: string, id: number | string) =>
  api<unknown>(`${base(app, form)}/${seg(id)}`, { method: 'DELETE' });

/**
 * Downloads the records matching `filter` in `sort` order as CSV (`GET …/records/export`, the
 * export grant), saved under the server's file name.
 */
export async function exportRecordsCsv(app: string, form: string, q: { filter?: Record<string, unknown>; sort?: string }): Promise<void> {
  const p = new URLSearchParams();
  if (q.filter && Object.keys(q.filter).length) p.set('filter', JSON.stringify(q.filter));
  if (q.sort) p.set('sort', q.sort);
  const qs = p.toString();
  const res = await send(`${base(app, form)}/export${qs ? `?${qs}` : ''}`, { headers: { Accept: 'text/csv' } });
  await saveResponse(res, `${form}.csv`);
}

/** Who made one change of a record: a person, an API token, the public form, or Kiln itself. */
export interface HistoryActor {
  kind: 'user' | 'token' | 'public' | 'system' | string;
  id: number | null;
  name: string | null;
}

/** One entry of a record's history (`GET …/records/{id}/history`). */
export interface HistoryItem {
  id: number;
  at: string;
  action: 'record.create' | 'record.update' | 'record.delete' | string;
  actor: HistoryActor;
  ip: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** The history of one record, newest first. */
export const recordHistory = (app: string, form: string, id: number | string) =>
  api<{ items: HistoryItem[] }>(`${base(app, form)}/${seg(id)}/history`).then((r) =>
    [...(r.items ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id),
  );
