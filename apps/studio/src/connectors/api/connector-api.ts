import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { api } from '../../api/client';
import type { Draft } from '../../api/endpoints';
import type { ConnectorSettings, DeliveryDetail, Delivery, DeliveryPage, DeliveryState, InboundMessage, SettingsPatch, TestCallResult } from './types';

const enc = encodeURIComponent;
const base = (app: string, key: string) => `/apps/${enc(app)}/connectors/${enc(key)}`;

/** Filters of the deliveries list. */
export interface DeliveryQuery {
  state?: DeliveryState;
  operation?: string;
  limit?: number;
  cursor?: string | null;
}

function query(q: DeliveryQuery): string {
  const parts: string[] = [];
  if (q.state) parts.push(`state=${enc(q.state)}`);
  if (q.operation) parts.push(`operation=${enc(q.operation)}`);
  parts.push(`limit=${q.limit ?? 50}`);
  if (q.cursor) parts.push(`cursor=${enc(q.cursor)}`);
  return parts.join('&');
}

/**
 * The connector routes of the runtime: drafts (like every metadata kind), the installation's
 * settings (base URL override, write-only secrets), the test call, the outbox monitor and the
 * inbound log.
 *
 * @example const { items } = await connectorApi.list('shop');
 */
export const connectorApi = {
  list: (app: string) => api<{ items: Draft<ConnectorDefinition>[] }>('GET', `/apps/${enc(app)}/connectors`),
  get: (app: string, key: string) => api<Draft<ConnectorDefinition>>('GET', base(app, key)),
  save: (app: string, key: string, def: ConnectorDefinition) => api<unknown>('PUT', base(app, key), def),
  remove: (app: string, key: string) => api<unknown>('DELETE', base(app, key)),
  settings: (app: string, key: string) => api<ConnectorSettings>('GET', `${base(app, key)}/settings`),
  saveSettings: (app: string, key: string, patch: SettingsPatch) => api<ConnectorSettings>('PUT', `${base(app, key)}/settings`, patch),
  /** Runs an operation for real with the current (unsaved) definition; nothing is enqueued. */
  test: (app: string, key: string, body: { operation: string; input?: unknown; definition?: ConnectorDefinition }) =>
    api<TestCallResult>('POST', `${base(app, key)}/test`, body),
  deliveries: (app: string, key: string, q: DeliveryQuery = {}) => api<DeliveryPage>('GET', `${base(app, key)}/deliveries?${query(q)}`),
  delivery: (app: string, key: string, id: number | string) => api<DeliveryDetail>('GET', `${base(app, key)}/deliveries/${enc(String(id))}`),
  retry: (app: string, key: string, id: number | string) => api<Delivery>('POST', `${base(app, key)}/deliveries/${enc(String(id))}/retry`, {}),
  replayDead: (app: string, key: string) => api<{ count: number }>('POST', `${base(app, key)}/deliveries/replay`, { state: 'dead' }),
  messages: (app: string, key: string, cursor?: string | null) =>
    api<{ items: InboundMessage[]; nextCursor: string | null }>('GET', `${base(app, key)}/messages${cursor ? `?cursor=${enc(cursor)}` : ''}`),
};
