import { parsePolicy, type FormGrant, type PolicyNode, type PolicyValue, type RoleDefinition } from '@kiln/engine-rules';
import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../context.js';
import type { KilnDatabase } from '../db/schema.js';
import { KilnError } from '../errors.js';
import { currentPublished, type AppRow, type Published } from '../metadata/apps.js';
import type { SelfSpec } from './policy-sql.js';

type Db = Kysely<KilnDatabase> | Transaction<KilnDatabase>;

export const FORM_ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];

/** One action on one form: not allowed, allowed on every row, or on the rows of any of these policies. */
export type ActionRule = { allowed: false } | { allowed: true; where: PolicyNode[] | null };

/** What a caller may do with one form. */
export interface FormAccess {
  actions: Record<FormAction, ActionRule>;
  /** Fields the caller never sees (stripped from answers; filters and sorts on them are refused). */
  hidden: Set<string>;
  /** Fields the caller may not write (hidden ones included). */
  readOnly: Set<string>;
  /** Values the server sets on the caller's creates (field → value). */
  set: Map<string, PolicyValue>;
}

/** Everything a caller may do in one app. */
export interface AppAccess {
  /** Admins, builders, and operators of apps without roles: every grant, no policies. */
  unrestricted: boolean;
  /** App roles the caller holds. */
  roles: string[];
  forms: Map<string, FormAccess>;
  flows: Map<string, { start: boolean }>;
  reports: Set<string> | '*';
  portal?: 'promoter';
  /** How `$user.record` is found (the first held role that says). */
  self?: SelfSpec;
}

const ALL: ActionRule = { allowed: true, where: null };
const NONE: ActionRule = { allowed: false };

/** The published roles of a version (none for versions before roles existed). */
export function rolesOf(published: Published | null): Record<string, RoleDefinition> {
  return ((published?.metadata as { roles?: Record<string, RoleDefinition> } | undefined)?.roles ?? {}) as Record<string, RoleDefinition>;
}

// Parsed policies per role definition object (published versions are immutable and cached).
const parsed = new WeakMap<FormGrant, PolicyNode | null>();

function policyOf(grant: FormGrant): PolicyNode | null {
  if (!grant.where || !grant.where.trim()) return null;
  let hit = parsed.get(grant);
  if (hit === undefined) {
    const r = parsePolicy(grant.where);
    // Publish refuses invalid policies; a policy that still fails to parse grants nothing.
    hit = r.ast ?? { kind: 'const', value: false };
    parsed.set(grant, hit);
  }
  return hit;
}

function literalValue(text: string): PolicyValue {
  if (text === '$user') return { kind: 'user', attr: 'id' };
  if (text.startsWith('$user.')) return { kind: 'user', attr: text.slice(6) };
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return { kind: 'literal', value: v as string | number | boolean | null };
  } catch {
    /* a bare word is a string */
  }
  return { kind: 'literal', value: text };
}

/**
 * Merges the grants of the roles held: actions are the union, an action's policy is the OR of
 * the holders' policies (a grant without one opens every row), a field is hidden only if every
 * role that reads the form hides it, read-only only if every role that updates or creates
 * marks it so.
 */
export function mergeRoles(roles: RoleDefinition[]): AppAccess {
  const forms = new Map<string, FormAccess>();
  const formKeys = new Set(roles.flatMap((r) => Object.keys(r.forms ?? {})));
  for (const form of formKeys) {
    const grants = roles.map((r) => r.forms?.[form]).filter((g): g is FormGrant => Boolean(g));
    const actions = {} as Record<FormAction, ActionRule>;
    for (const a of FORM_ACTIONS) {
      const holders = grants.filter((g) => g[a] === true);
      if (!holders.length) actions[a] = NONE;
      else {
        const policies = holders.map(policyOf);
        actions[a] = policies.some((p) => p === null) ? ALL : { allowed: true, where: policies as PolicyNode[] };
      }
    }
    const readers = grants.filter((g) => g.read);
    const writers = grants.filter((g) => g.update || g.create);
    const hidden = new Set<string>();
    const readOnly = new Set<string>();
    const fieldKeys = new Set(grants.flatMap((g) => Object.keys(g.fields ?? {})));
    const set = new Map<string, PolicyValue>();
    for (const g of grants) for (const [k, v] of Object.entries(g.set ?? {})) if (!set.has(k)) set.set(k, literalValue(v));
    for (const k of fieldKeys) {
      if (readers.length && readers.every((g) => g.fields?.[k] === 'hidden')) hidden.add(k);
      if (writers.length && writers.every((g) => g.fields?.[k] === 'hidden' || g.fields?.[k] === 'readonly')) readOnly.add(k);
    }
    for (const k of hidden) readOnly.add(k);
    for (const k of set.keys()) readOnly.add(k);
    forms.set(form, { actions, hidden, readOnly, set });
  }
  const flows = new Map<string, { start: boolean }>();
  for (const r of roles) for (const [k, f] of Object.entries(r.flows ?? {})) if (f.start) flows.set(k, { start: true });
  let reports: Set<string> | '*' = new Set();
  for (const r of roles) {
    if (r.reports === '*') reports = '*';
    else if (reports !== '*') for (const k of r.reports ?? []) reports.add(k);
  }
  const self = roles.find((r) => r.self)?.self as SelfSpec | undefined;
  const portal = roles.find((r) => r.portal)?.portal;
  return { unrestricted: false, roles: roles.map((r) => r.key), forms, flows, reports, ...(self ? { self } : {}), ...(portal ? { portal } : {}) };
}

const UNRESTRICTED = (roles: string[] = []): AppAccess => ({ unrestricted: true, roles, forms: new Map(), flows: new Map(), reports: '*' });

/** Role keys a user holds automatically by their global role or groups. */
function assigned(roles: Record<string, RoleDefinition>, user: CurrentUser): string[] {
  return Object.values(roles)
    .filter((r) => r.assign?.roles?.includes(user.role as 'operator') || r.assign?.groups?.some((g) => user.groups?.includes(g)))
    .map((r) => r.key);
}

/**
 * The caller's access to an app (APP_NOT_FOUND for another tenant's app, or an app an API token
 * is not scoped to). `members` are the app roles the user holds explicitly when the caller read
 * them already (see `appForMember`); otherwise one indexed query reads them.
 */
export async function accessFor(db: Db, user: CurrentUser, app: AppRow, published?: Published | null, members?: readonly string[]): Promise<AppAccess> {
  if (app.tenant_id !== user.tenantId) throw new KilnError('APP_NOT_FOUND');
  if (user.scope && user.scope.appId !== app.id) throw new KilnError('APP_NOT_FOUND');
  const pub = published === undefined ? await currentPublished(db, app) : published;
  const roles = rolesOf(pub);
  if (user.scope) {
    const role = roles[user.scope.roleKey];
    return role ? mergeRoles([role]) : mergeRoles([]);
  }
  if (user.role === 'admin') return UNRESTRICTED();
  const keys = Object.keys(roles);
  if (!keys.length) return user.role === 'operator' || user.role === 'builder' ? UNRESTRICTED() : mergeRoles([]);
  if (user.role === 'builder') return UNRESTRICTED();
  const explicit = members ?? (await db.selectFrom('app_members').select('role_key').where('app_id', '=', app.id).where('user_id', '=', user.id).execute()).map((r) => r.role_key);
  const held = new Set([...explicit, ...assigned(roles, user)]);
  return mergeRoles([...held].sort().map((k) => roles[k]).filter((r): r is RoleDefinition => Boolean(r)));
}

/** The caller's grant on one form (an unrestricted caller gets everything). */
export function formAccess(access: AppAccess, form: string): FormAccess {
  if (access.unrestricted) return { actions: { read: ALL, create: ALL, update: ALL, delete: ALL, export: ALL }, hidden: new Set(), readOnly: new Set(), set: new Map() };
  return access.forms.get(form) ?? { actions: { read: NONE, create: NONE, update: NONE, delete: NONE, export: NONE }, hidden: new Set(), readOnly: new Set(), set: new Map() };
}

/** The access object the API returns (`GET /api/apps/{app}` → `access`). */
export function accessView(access: AppAccess, formKeys: string[], flowKeys: string[]): Record<string, unknown> {
  const forms: Record<string, unknown> = {};
  for (const f of formKeys) {
    const fa = formAccess(access, f);
    forms[f] = { ...Object.fromEntries(FORM_ACTIONS.map((a) => [a, fa.actions[a].allowed])), hidden: [...fa.hidden].sort(), readOnly: [...fa.readOnly].sort() };
  }
  const flows = Object.fromEntries(flowKeys.map((k) => [k, { start: access.unrestricted || Boolean(access.flows.get(k)?.start) }]));
  return { unrestricted: access.unrestricted, roles: access.roles, forms, flows, reports: access.reports === '*' ? '*' : [...access.reports].sort(), ...(access.portal ? { portal: access.portal } : {}) };
}
