import { api } from '../../api/client';
import type { Draft } from '../../api/endpoints';
import type { ApiRecord } from '../../api/types';
import type { RoleDefinition } from '../model/types';
import { normalizeCreated, normalizeToken } from './normalize-token';
import { normalizePreview } from './normalize-preview';
import type { AccessPreview, ApiToken, AppMember, CreatedToken, NewTokenInput } from './types';
import { getAsUser } from './view-as';

const enc = encodeURIComponent;
const appPath = (app: string) => `/apps/${enc(app)}`;

/**
 * The routes behind the roles page: role drafts (like every metadata kind; publishing is the
 * app's publish), the access preview and "view as" reads, members, and API tokens.
 *
 * @example await rolesApi.putMember('referral', { userId: 7, roles: ['auditor'] });
 */
export const rolesApi = {
  list: (app: string) => api<{ items: Draft<RoleDefinition>[] }>('GET', `${appPath(app)}/roles`),
  get: (app: string, key: string) => api<Draft<RoleDefinition>>('GET', `${appPath(app)}/roles/${enc(key)}`),
  save: (app: string, key: string, def: RoleDefinition) => api<unknown>('PUT', `${appPath(app)}/roles/${enc(key)}`, def),
  remove: (app: string, key: string) => api<unknown>('DELETE', `${appPath(app)}/roles/${enc(key)}`),
  /** A user's effective access under the app's published roles. */
  preview: async (app: string, userId: number): Promise<AccessPreview> => normalizePreview(await api<unknown>('GET', `${appPath(app)}/access/preview?user=${enc(String(userId))}`)),
  /** The roles of the app's published version (members and tokens may only name these). */
  published: async (app: string): Promise<Draft<RoleDefinition>[]> => {
    const r = await api<{ roles?: Record<string, RoleDefinition> }>('GET', appPath(app));
    return Object.entries(r.roles ?? {}).map(([key, definition]) => ({ key, definition, updatedAt: '' }));
  },
  /** The first records of a form as `userId` sees them (row and field policies applied). */
  recordsAs: (app: string, form: string, userId: number, limit = 20) =>
    getAsUser<{ items: ApiRecord[]; nextCursor?: string | null }>(`${appPath(app)}/forms/${enc(form)}/records?limit=${limit}`, userId),
  members: (app: string) => api<{ items: AppMember[] }>('GET', `${appPath(app)}/members`),
  /** Sets a user's roles in the app; `roles: []` removes the member. */
  putMember: (app: string, body: { userId: number; roles: string[] }) => api<unknown>('PUT', `${appPath(app)}/members`, body),
  tokens: async (app: string): Promise<ApiToken[]> => {
    const r = await api<{ items: unknown[] }>('GET', `${appPath(app)}/tokens`);
    return (r.items ?? []).map(normalizeToken);
  },
  createToken: async (app: string, input: NewTokenInput): Promise<CreatedToken> => normalizeCreated(await api<unknown>('POST', `${appPath(app)}/tokens`, input)),
  revokeToken: (app: string, id: number) => api<unknown>('DELETE', `${appPath(app)}/tokens/${enc(String(id))}`),
};
