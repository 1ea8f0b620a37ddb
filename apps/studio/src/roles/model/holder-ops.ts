import { HOLDER_ROLES, type HolderRole, type RoleDefinition, type SelfAttr } from './types';

function withAssign(role: RoleDefinition, assign: NonNullable<RoleDefinition['assign']>): RoleDefinition {
  const clean: NonNullable<RoleDefinition['assign']> = {};
  if (assign.roles?.length) clean.roles = assign.roles;
  if (assign.groups?.length) clean.groups = assign.groups;
  const next = { ...role };
  if (clean.roles || clean.groups) next.assign = clean;
  else delete next.assign;
  return next;
}

/** Makes holders of global role `r` hold this role automatically (or not); kept in HOLDER_ROLES order. */
export function setHolderRole(role: RoleDefinition, r: HolderRole, on: boolean): RoleDefinition {
  const current = new Set(role.assign?.roles ?? []);
  if (on) current.add(r);
  else current.delete(r);
  return withAssign(role, { ...role.assign, roles: HOLDER_ROLES.filter((x) => current.has(x)) });
}

/** Sets the groups whose members hold this role automatically. */
export function setHolderGroups(role: RoleDefinition, groups: readonly string[]): RoleDefinition {
  return withAssign(role, { ...role.assign, groups: [...new Set(groups)] });
}

/** What the `self` pickers edit; `null` removes `self`. */
export interface SelfDraft {
  form: string;
  field: string;
  userAttr: SelfAttr;
}

/** Sets or removes how `$user.record` is found. */
export function setSelf(role: RoleDefinition, self: SelfDraft | null): RoleDefinition {
  const next = { ...role };
  if (self) next.self = { ...self };
  else delete next.self;
  return next;
}

/** Sets or removes the promoter portal. */
export function setPortal(role: RoleDefinition, portal: 'promoter' | undefined): RoleDefinition {
  const next = { ...role };
  if (portal) next.portal = portal;
  else delete next.portal;
  return next;
}
