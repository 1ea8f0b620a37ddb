import { GRANT_ACTIONS, type FieldAccess, type FormGrant, type GrantAction, type RoleDefinition } from './types';

/** True when a grant says nothing (no action, no policy): it is dropped from the role. */
export function isEmptyGrant(g: FormGrant | undefined): boolean {
  if (!g) return true;
  return (
    GRANT_ACTIONS.every((a) => !g[a]) &&
    !g.where?.trim() &&
    Object.keys(g.fields ?? {}).length === 0 &&
    Object.keys(g.set ?? {}).length === 0
  );
}

/** The role with form `form`'s grant replaced by `fn(grant)`; an empty grant is removed. */
export function updateGrant(role: RoleDefinition, form: string, fn: (g: FormGrant) => FormGrant): RoleDefinition {
  const next = fn({ ...role.forms[form] });
  const forms = { ...role.forms };
  if (isEmptyGrant(next)) delete forms[form];
  else forms[form] = next;
  return { ...role, forms };
}

/** Turns one action of a form on or off (an action that is off is left out, not `false`). */
export function setAction(role: RoleDefinition, form: string, action: GrantAction, on: boolean): RoleDefinition {
  return updateGrant(role, form, (g) => {
    const next = { ...g };
    if (on) next[action] = true;
    else delete next[action];
    return next;
  });
}

/** Turns every action of a form on or off (the row's "all" box); policies are kept. */
export function setAllActions(role: RoleDefinition, form: string, on: boolean): RoleDefinition {
  let next = role;
  for (const a of GRANT_ACTIONS) next = setAction(next, form, a, on);
  return next;
}

/** Sets a form's row policy; blank text removes it (every row). */
export function setWhere(role: RoleDefinition, form: string, where: string): RoleDefinition {
  return updateGrant(role, form, (g) => {
    const next = { ...g };
    if (where.trim()) next.where = where;
    else delete next.where;
    return next;
  });
}

/** Sets a field's policy; `visible` removes it. */
export function setFieldAccess(role: RoleDefinition, form: string, field: string, access: FieldAccess | 'visible'): RoleDefinition {
  return updateGrant(role, form, (g) => {
    const fields = { ...g.fields };
    if (access === 'visible') delete fields[field];
    else fields[field] = access;
    const next: FormGrant = { ...g, fields };
    if (Object.keys(fields).length === 0) delete next.fields;
    return next;
  });
}

/** The `set` values of a form's grant as editable rows, in stored order. */
export function setRows(grant: FormGrant | undefined): { field: string; value: string }[] {
  return Object.entries(grant?.set ?? {}).map(([field, value]) => ({ field, value }));
}

/**
 * Replaces a form's `set` values by `rows` (rows without a field are dropped; a later row wins
 * over an earlier one of the same field). No rows removes `set`.
 */
export function setSetRows(role: RoleDefinition, form: string, rows: readonly { field: string; value: string }[]): RoleDefinition {
  return updateGrant(role, form, (g) => {
    const set: Record<string, string> = {};
    for (const r of rows) if (r.field) set[r.field] = r.value;
    const next: FormGrant = { ...g, set };
    if (Object.keys(set).length === 0) delete next.set;
    return next;
  });
}

/** One row of the permission matrix: a form and what the role grants on it. */
export interface MatrixRow {
  form: string;
  actions: Record<GrantAction, boolean>;
  /** The row policy, '' = every row. */
  where: string;
  hidden: string[];
  readonly: string[];
  /** Field keys the server sets on create. */
  set: string[];
}

/**
 * The permission matrix of a role over the app's forms, in `formKeys` order, followed by grants
 * of forms the app no longer has (so they can still be seen and removed).
 */
export function roleToMatrix(role: RoleDefinition, formKeys: readonly string[]): MatrixRow[] {
  const keys = [...formKeys, ...Object.keys(role.forms).filter((k) => !formKeys.includes(k))];
  return keys.map((form) => {
    const g = role.forms[form] ?? {};
    const fields = Object.entries(g.fields ?? {});
    return {
      form,
      actions: Object.fromEntries(GRANT_ACTIONS.map((a) => [a, !!g[a]])) as Record<GrantAction, boolean>,
      where: g.where ?? '',
      hidden: fields.filter(([, v]) => v === 'hidden').map(([k]) => k),
      readonly: fields.filter(([, v]) => v === 'readonly').map(([k]) => k),
      set: Object.keys(g.set ?? {}),
    };
  });
}

/**
 * The role's `forms` rebuilt from matrix rows (the inverse of {@link roleToMatrix}): rows that
 * grant nothing are left out, `where` only when not blank, `fields` only when any policy is
 * set. `set` values are taken from `previous` (the matrix names their fields only).
 */
export function matrixToForms(rows: readonly MatrixRow[], previous: RoleDefinition['forms'] = {}): RoleDefinition['forms'] {
  const out: RoleDefinition['forms'] = {};
  for (const r of rows) {
    const g: FormGrant = {};
    for (const a of GRANT_ACTIONS) if (r.actions[a]) g[a] = true;
    if (r.where.trim()) g.where = r.where;
    const fields: Record<string, FieldAccess> = {};
    for (const f of r.readonly) fields[f] = 'readonly';
    for (const f of r.hidden) fields[f] = 'hidden';
    if (Object.keys(fields).length) g.fields = fields;
    const set = previous[r.form]?.set;
    if (set && Object.keys(set).length) g.set = { ...set };
    if (!isEmptyGrant(g)) out[r.form] = g;
  }
  return out;
}

/** Turns `flow`'s "may start" on or off; no flow left removes `flows`. */
export function setFlowStart(role: RoleDefinition, flow: string, on: boolean): RoleDefinition {
  const flows = { ...role.flows };
  if (on) flows[flow] = { ...flows[flow], start: true };
  else delete flows[flow];
  const next: RoleDefinition = { ...role, flows };
  if (Object.keys(flows).length === 0) delete next.flows;
  return next;
}

/** How the role's reports are chosen: every report, a list, or none. */
export type ReportsMode = 'all' | 'chosen';

/** The mode of `role.reports`: `'*'` = all, otherwise a (maybe empty) list. */
export function reportsMode(role: RoleDefinition): ReportsMode {
  return role.reports === '*' ? 'all' : 'chosen';
}

/** Switches between all reports and a chosen list (switching to the list starts empty). */
export function setReportsMode(role: RoleDefinition, mode: ReportsMode): RoleDefinition {
  if (mode === reportsMode(role)) return role;
  const next = { ...role };
  if (mode === 'all') next.reports = '*';
  else delete next.reports;
  return next;
}

/** Adds or removes one report of the chosen list (kept in `order`). */
export function setReport(role: RoleDefinition, report: string, on: boolean, order: readonly string[] = []): RoleDefinition {
  const current = Array.isArray(role.reports) ? role.reports : [];
  const chosen = new Set(current);
  if (on) chosen.add(report);
  else chosen.delete(report);
  const ordered = [...order.filter((r) => chosen.has(r)), ...[...chosen].filter((r) => !order.includes(r))];
  const next = { ...role };
  if (ordered.length) next.reports = ordered;
  else delete next.reports;
  return next;
}
