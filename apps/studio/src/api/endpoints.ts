import type { FlowDefinition } from '@kiln/engine-flow';
import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';
import type { DashboardDefinition, ReportDefinition, ReportResult } from '@kiln/engine-reports';
import type { RuleDefinition, RuleProblem } from '@kiln/engine-rules';
import { api } from './client';
import type {
  ApiRecord,
  AppSummary,
  AppVersion,
  DraftKey,
  FlowDraft,
  FlowDryRunResult,
  FormDraft,
  GroupItem,
  Me,
  PublishedApp,
  RuleDraft,
  RuleTestFacts,
  RuleTestResult,
  RuleTrace,
  UserHit,
} from './types';

const enc = encodeURIComponent;

/** A stored draft of a report or dashboard (same shape as the other kinds' drafts). */
export interface Draft<D> {
  key: string;
  definition: D;
  updatedAt: string;
}

/** One click taken on a chart: the value of a dimension (drill-down). */
export interface DrillStepInput {
  dimension: string;
  value: unknown;
}

/** What `POST …/reports/_preview` computes a report with (unsaved definition, parameter values, drill steps). */
export interface ReportPreviewRequest {
  definition: ReportDefinition;
  params?: Record<string, string>;
  drill?: DrillStepInput[];
}

/** Answer of `POST …/reports/_preview`: the result on the published data, plus where the drill-down stands. */
export type ReportPreviewResult = ReportResult & { drill?: unknown };

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
  listFlows: (app: string) => api<{ items: FlowDraft[] }>('GET', `/apps/${enc(app)}/flows`),
  getFlow: (app: string, key: string) => api<FlowDraft>('GET', `/apps/${enc(app)}/flows/${enc(key)}`),
  saveFlow: (app: string, key: string, def: FlowDefinition) => api<unknown>('PUT', `/apps/${enc(app)}/flows/${enc(key)}`, def),
  deleteFlow: (app: string, key: string) => api<unknown>('DELETE', `/apps/${enc(app)}/flows/${enc(key)}`),
  /** Walks an unsaved flow on a sample record, assuming every person approves (nothing is stored). */
  dryRunFlow: (app: string, key: string, definition: FlowDefinition, record: Record<string, unknown>) =>
    api<FlowDryRunResult>('POST', `/apps/${enc(app)}/flows/${enc(key)}/dry-run`, { definition, record }),
  listReports: (app: string) => api<{ items: Draft<ReportDefinition>[] }>('GET', `/apps/${enc(app)}/reports`),
  getReport: (app: string, key: string) => api<Draft<ReportDefinition>>('GET', `/apps/${enc(app)}/reports/${enc(key)}`),
  saveReport: (app: string, key: string, def: ReportDefinition) => api<unknown>('PUT', `/apps/${enc(app)}/reports/${enc(key)}`, def),
  deleteReport: (app: string, key: string) => api<unknown>('DELETE', `/apps/${enc(app)}/reports/${enc(key)}`),
  /** Computes an unsaved report on the published data (422 with `details.problems` when it does not validate). */
  previewReport: (app: string, body: ReportPreviewRequest) => api<ReportPreviewResult>('POST', `/apps/${enc(app)}/reports/_preview`, body),
  listDashboards: (app: string) => api<{ items: Draft<DashboardDefinition>[] }>('GET', `/apps/${enc(app)}/dashboards`),
  getDashboard: (app: string, key: string) => api<Draft<DashboardDefinition>>('GET', `/apps/${enc(app)}/dashboards/${enc(key)}`),
  saveDashboard: (app: string, key: string, def: DashboardDefinition) =>
    api<unknown>('PUT', `/apps/${enc(app)}/dashboards/${enc(key)}`, def),
  deleteDashboard: (app: string, key: string) => api<unknown>('DELETE', `/apps/${enc(app)}/dashboards/${enc(key)}`),
  /** Users for a user picker (by email or display name). */
  searchUsers: (q: string) => api<{ items: UserHit[] }>('GET', `/users/search?q=${enc(q)}`),
  /** Groups / positions (岗位) for the assignee picker. */
  listGroups: () => api<{ items: GroupItem[] }>('GET', '/groups'),
  /** The latest records of a (published) form, e.g. samples for a flow dry run. */
  latestRecords: (app: string, form: string, limit = 20) =>
    api<{ items: ApiRecord[] }>('GET', `/apps/${enc(app)}/forms/${enc(form)}/records?limit=${limit}`),
  searchRecords: (app: string, form: string, q: string) =>
    api<{ items: Record<string, unknown>[] }>(
      'GET',
      `/apps/${enc(app)}/forms/${enc(form)}/records?limit=20${q ? `&q=${enc(q)}` : ''}`,
    ),
};
