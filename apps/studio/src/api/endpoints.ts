import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';
import type { RuleDefinition, RuleProblem } from '@kiln/engine-rules';
import { api } from './client';
import type { AppSummary, AppVersion, DraftKey, FormDraft, Me, PublishedApp, RuleDraft, RuleTestFacts, RuleTestResult, RuleTrace } from './types';

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
  listRules: (app: string) => api<{ items: RuleDraft[] }>('GET', `/apps/${enc(app)}/rules`),
  getRule: (app: string, key: string) => api<RuleDraft>('GET', `/apps/${enc(app)}/rules/${enc(key)}`),
  saveRule: (app: string, key: string, def: RuleDefinition) => api<unknown>('PUT', `/apps/${enc(app)}/rules/${enc(key)}`, def),
  deleteRule: (app: string, key: string) => api<unknown>('DELETE', `/apps/${enc(app)}/rules/${enc(key)}`),
  /** Static check of an unsaved rule against the app's draft forms and other draft rules. */
  checkRule: (app: string, rule: RuleDefinition) => api<{ problems: RuleProblem[] }>('POST', `/apps/${enc(app)}/rules/check`, { rule }),
  /** Dry run of an unsaved rule in the server's sandbox (effects are not applied). */
  testRule: (app: string, rule: RuleDefinition, facts: RuleTestFacts) =>
    api<RuleTestResult>('POST', `/apps/${enc(app)}/rules/test`, { rule, facts }),
  ruleTraces: (app: string, key: string, limit = 20) =>
    api<{ items: RuleTrace[] }>('GET', `/apps/${enc(app)}/rules/${enc(key)}/traces?limit=${limit}`),
  /** Keys of the drafts of another kind (flows, connectors), for pickers. */
  listDraftKeys: (app: string, kind: 'flows' | 'connectors') => api<{ items: DraftKey[] }>('GET', `/apps/${enc(app)}/${kind}`),
  /** Formula values of a draft form for the given values (computed in the server's sandbox; nothing is stored). */
  computeFormulas: (app: string, form: FormDefinition, values: Record<string, unknown>) =>
    api<{ values: Record<string, unknown>; errors?: Record<string, string> }>('POST', `/apps/${enc(app)}/compute`, { form, values }),
  searchRecords: (app: string, form: string, q: string) =>
    api<{ items: Record<string, unknown>[] }>(
      'GET',
      `/apps/${enc(app)}/forms/${enc(form)}/records?limit=20${q ? `&q=${enc(q)}` : ''}`,
    ),
};
