/**
 * The stored shape of an app role (metadata kind `roles`, drafts under
 * `/api/apps/{app}/roles/{key}`) comes from `@kiln/engine-rules`, which also validates it; here
 * are the names the editor adds: the matrix's actions and the field policy choices.
 */
import { ASSIGNABLE_GLOBAL_ROLES, SELF_USER_ATTRS, type AssignableGlobalRole, type SelfUserAttr } from '@kiln/engine-rules';

export type { FieldAccess, FormGrant, RoleDefinition } from '@kiln/engine-rules';
export type { LocalizedText as Localized } from '@kiln/engine-forms';

/** The actions a role grants on a form, in the matrix's column order. */
export const GRANT_ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

/** What a field policy can make of a field besides visible (absent = visible and editable). */
export const FIELD_ACCESS = ['readonly', 'hidden'] as const;

/** The global roles whose holders can hold an app role automatically. */
export const HOLDER_ROLES = ASSIGNABLE_GLOBAL_ROLES;
export type HolderRole = AssignableGlobalRole;

/** The user attributes `self` can match the member's own record by. */
export const SELF_ATTRS = SELF_USER_ATTRS;
export type SelfAttr = SelfUserAttr;
