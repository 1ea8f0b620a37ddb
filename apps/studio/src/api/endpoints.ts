import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';
import { api } from './client';
import type { AppSummary, AppVersion, FormDraft, Me, PublishedApp } from './types';

const enc = encodeURIComponent;

/** Typed wrappers over the API routes the studio uses. */
export const endpoints = {
  login: (email: string, password: string) => api<{ token: string }>('POST', '/auth/login', { email, password }),
  me: () => api<Me>('GET', '/me'),
  listApps: () => api<{ items: AppSummary[] }>('GET', '/apps'),
  createApp: (key: string, name: LocalizedText) => api<{ key: string }>('POST', '/apps', { key, name }),
  getPublished: (app: string) => api<PublishedApp>('GET', `/apps/${enc(app)}`),
  listForms: (app: string) => api<{ items: FormDraft[] }>('GET', `/apps/${enc(app)}/forms`),
  getForm: (app: string, key: string) => api<FormDraft>('GET', `/apps/${enc(app)}/forms/${enc(key)}`),
  saveForm: (app: string, key: string, def: FormDefinition) =>
    api<unknown>('PUT', `/apps/${enc(app)}/forms/${enc(key)}`, def),
  deleteForm: (app: string, key: string) => api<unknown>('DELETE', `/apps/${enc(app)}/forms/${enc(key)}`),
  publish: (app: string) => api<{ version: number }>('POST', `/apps/${enc(app)}/publish`, {}),
  versions: (app: string) => api<{ items: AppVersion[] }>('GET', `/apps/${enc(app)}/versions`),
  rollback: (app: string, version: number) => api<unknown>('POST', `/apps/${enc(app)}/rollback`, { version }),
  searchRecords: (app: string, form: string, q: string) =>
    api<{ items: Record<string, unknown>[] }>(
      'GET',
      `/apps/${enc(app)}/forms/${enc(form)}/records?limit=20${q ? `&q=${enc(q)}` : ''}`,
    ),
};
