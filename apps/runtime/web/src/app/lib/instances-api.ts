import { api, request, seg } from '../../shared/api';
import type { InstanceView } from './flow-types';

/** The submissions tabs: instances still running, or finished in any way. */
export type InstanceState = 'running' | 'finished';

/** `GET /api/flow-instances?mine=1`: the instances the signed-in user started. */
export const listMySubmissions = (state: InstanceState) =>
  api<{ items: InstanceView[] }>(`/api/flow-instances?mine=1&state=${state}`).then((r) => r.items);

/** `GET /api/flow-instances/{id}`: one instance with its tasks and timeline. */
export const getInstance = (id: number | string) => api<InstanceView>(`/api/flow-instances/${seg(id)}`);

/** The initiator takes the submission back (refused once anyone acted). */
export const withdrawInstance = (id: number | string, comment?: string) =>
  api<InstanceView>(`/api/flow-instances/${seg(id)}/withdraw`, { method: 'POST', body: comment?.trim() ? { comment: comment.trim() } : {} });

const flowBase = (app: string, flow: string) => `/api/apps/${seg(app)}/flows/${seg(flow)}/instances`;

/** The instances of `flow` on one record, newest first as the server orders them. */
export const listRecordInstances = (app: string, flow: string, record: number | string) =>
  api<{ items: InstanceView[] }>(`${flowBase(app, flow)}?record=${encodeURIComponent(String(record))}`).then((r) => r.items);

/** Starts `flow` on a record by hand (flows whose start trigger is `manual`). */
export const startInstance = (app: string, flow: string, record: number) =>
  request<InstanceView>(flowBase(app, flow), { method: 'POST', body: { record } }).then((r) => r.data);
