import type { FormDefinition, JsonSchema, UiSchema } from '@kiln/engine-forms';
import type { DashboardDefinition } from '@kiln/engine-reports';

/** What the caller may do on one form (`access.forms[form]` of `GET /api/apps/{app}`). */
export interface FormAccess {
  read: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  export: boolean;
  /** Field keys the caller never sees (the server strips them too). */
  hidden: string[];
  /** Field keys the caller sees but may not write (the server refuses them: FIELD_READ_ONLY). */
  readOnly: string[];
}

/** The caller's permissions in one app, as `GET /api/apps/{app}` answers them in `access`. */
export interface AppAccess {
  /** Admins, and apps without roles: every grant, no policies. */
  unrestricted?: boolean;
  roles: string[];
  forms: Record<string, FormAccess>;
  flows: Record<string, { start: boolean }>;
  reports: string[] | '*';
  portal?: 'promoter';
}

/** Everything allowed, no field policies: servers before permissions existed send no `access`. */
const ALL: FormAccess = { read: true, create: true, update: true, delete: true, export: true, hidden: [], readOnly: [] };
/** A form the access object does not mention: nothing allowed. */
const NONE: FormAccess = { read: false, create: false, update: false, delete: false, export: false, hidden: [], readOnly: [] };

/** The caller's grant on `form`: all of it without an `access` object, nothing for a form it leaves out. */
export function formAccess(access: AppAccess | undefined, form: string): FormAccess {
  if (!access || access.unrestricted) return ALL;
  const a = access.forms?.[form];
  if (!a) return NONE;
  return {
    read: a.read === true,
    create: a.create === true,
    update: a.update === true,
    delete: a.delete === true,
    export: a.export === true,
    hidden: Array.isArray(a.hidden) ? a.hidden : [],
    readOnly: Array.isArray(a.readOnly) ? a.readOnly : [],
  };
}

/** Whether the caller may start `flow` by hand (always, without an `access` object). */
export function canStartFlow(access: AppAccess | undefined, flow: string): boolean {
  if (!access || access.unrestricted) return true;
  return access.flows?.[flow]?.start === true;
}

/** Whether the caller may open `report` (always, without an `access` object). */
export function canOpenReport(access: AppAccess | undefined, report: string): boolean {
  if (!access || access.unrestricted) return true;
  return access.reports === '*' || (Array.isArray(access.reports) && access.reports.includes(report));
}

/** The forms the caller may read, in definition order. */
export function readableForms(forms: Record<string, FormDefinition>, access: AppAccess | undefined): FormDefinition[] {
  return Object.values(forms).filter((f) => formAccess(access, f.key).read);
}

/** The dashboards showing at least one report the caller may open. */
export function visibleDashboards(dashboards: Readonly<Record<string, DashboardDefinition>> | undefined, access: AppAccess | undefined): DashboardDefinition[] {
  return Object.values(dashboards ?? {}).filter((d) => !access || d.items.some((i) => canOpenReport(access, i.report)));
}

/** The form as the caller sees it: hidden fields left out (so neither columns, filters nor the form show them). */
export function visibleForm(def: FormDefinition, access: FormAccess): FormDefinition {
  if (!access.hidden.length) return def;
  const hidden = new Set(access.hidden);
  return { ...def, fields: def.fields.filter((f) => !hidden.has(f.key)) };
}

/**
 * The compiled form with the caller's read-only fields disabled (`ui:disabled`) and not
 * required (the person cannot fill them; the server sets or keeps them). Returns the keys too,
 * so the page leaves them out of what it sends.
 */
export function withReadOnly(compiled: { schema: JsonSchema; uiSchema: UiSchema }, readOnly: readonly string[]): { schema: JsonSchema; uiSchema: UiSchema; locked: Set<string> } {
  const props = compiled.schema.properties ?? {};
  const locked = new Set(readOnly.filter((k) => k in props));
  if (!locked.size) return { ...compiled, locked };
  const schema: JsonSchema = { ...compiled.schema };
  if (Array.isArray(schema.required)) schema.required = schema.required.filter((k) => !locked.has(k));
  const uiSchema: UiSchema = { ...compiled.uiSchema };
  for (const k of locked) uiSchema[k] = { ...((uiSchema[k] as UiSchema | undefined) ?? {}), 'ui:disabled': true };
  return { schema, uiSchema, locked };
}
