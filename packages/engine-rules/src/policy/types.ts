/**
 * Roles and row policies: the stored role format (metadata kind `roles`) and the syntax tree of
 * a row-policy expression (`where` of a form grant). Parsed and checked here; compiled to SQL by
 * the runtime. See docs/rules.md § "Row policies".
 */
import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';
import type { RuleProblem } from '../types.js';

/** What a field policy does to a field for holders of a role. */
export type FieldAccess = 'hidden' | 'readonly';

/** What a role may do with the records of one form. */
export interface FormGrant {
  read?: boolean;
  create?: boolean;
  update?: boolean;
  delete?: boolean;
  export?: boolean;
  /** Row policy (see `parsePolicy`). Absent/empty = every row. Applies to read, update, delete; a created record must satisfy it too. */
  where?: string;
  /** Field policies for holders of this role, by field key. */
  fields?: Record<string, FieldAccess>;
  /** Values the server sets on create, by field key: `$user.record`, `$user`, `$user.<attr>` or a JSON literal (`"\"web\""`, `"5"`). */
  set?: Record<string, string>;
}

/** The global roles whose holders can be assigned a role automatically. */
export const ASSIGNABLE_GLOBAL_ROLES = ['operator', 'builder', 'promoter'] as const;
export type AssignableGlobalRole = (typeof ASSIGNABLE_GLOBAL_ROLES)[number];

/** The user attributes `self.userAttr` can match on. */
export const SELF_USER_ATTRS = ['phone', 'email', 'id'] as const;
export type SelfUserAttr = (typeof SELF_USER_ATTRS)[number];

/** A per-app role: metadata kind `roles`, versioned and published like forms. */
export interface RoleDefinition {
  formatVersion: 1;
  /** `^[a-z][a-z0-9_]{0,63}$` */
  key: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Automatic holders besides explicit members: users whose global role or group is listed. */
  assign?: { roles?: AssignableGlobalRole[]; groups?: string[] };
  /** How `$user.record` is found: the record of `form` whose `field` equals the user's `userAttr`. */
  self?: { form: string; field: string; userAttr: SelfUserAttr };
  forms: Record<string, FormGrant>;
  flows?: Record<string, { start?: boolean }>;
  /** Reports the role may open (`'*'` = all); row policies still apply inside them. */
  reports?: string[] | '*';
  /** Portal the holders land in. */
  portal?: 'promoter';
}

/** Character offsets `[from, to)` into a policy's text. */
export interface PolicySpan {
  from: number;
  to: number;
}

/** A value in a policy: a literal, a `$user` reference (`$user` → attr `id`) or a list. */
export type PolicyValue =
  | { kind: 'literal'; value: string | number | boolean | null; span?: PolicySpan }
  | { kind: 'user'; attr: string; span?: PolicySpan }
  | { kind: 'list'; items: PolicyValue[]; span?: PolicySpan };

/** Comparison operators of a `cmp` node. */
export const POLICY_OPS = ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'contains'] as const;
export type PolicyOp = (typeof POLICY_OPS)[number];

/**
 * A node of a row policy's syntax tree. `span` covers the node's text; `fieldSpan` / `parentSpan`
 * the field names (absent on hand-built trees).
 */
export type PolicyNode =
  | { kind: 'and' | 'or'; items: PolicyNode[]; span?: PolicySpan }
  | { kind: 'not'; item: PolicyNode; span?: PolicySpan }
  | { kind: 'const'; value: boolean; span?: PolicySpan }
  | { kind: 'cmp'; field: string; op: PolicyOp; value: PolicyValue; span?: PolicySpan; fieldSpan?: PolicySpan }
  | { kind: 'null'; field: string; negated: boolean; span?: PolicySpan; fieldSpan?: PolicySpan }
  | {
      kind: 'tree';
      field: string;
      mode: 'subtree' | 'descendants';
      parent: string;
      root: PolicyValue;
      maxDepth?: number;
      span?: PolicySpan;
      fieldSpan?: PolicySpan;
      parentSpan?: PolicySpan;
    };

/** Every code a policy parse or check reports. */
export const POLICY_ERROR_CODES = [
  'POLICY_EMPTY',
  'POLICY_TOO_LONG',
  'POLICY_TOO_DEEP',
  'POLICY_SYNTAX',
  'POLICY_UNKNOWN_FORM',
  'POLICY_UNKNOWN_FIELD',
  'POLICY_OPERATOR',
  'POLICY_VALUE_TYPE',
  'POLICY_TREE',
  'POLICY_USER_REF',
] as const;
export type PolicyErrorCode = (typeof POLICY_ERROR_CODES)[number];

/** A problem in a policy's text: stable code, an English message, offsets to underline. */
export interface PolicyProblem {
  code: PolicyErrorCode;
  message: string;
  from: number;
  to: number;
}

/** Codes of role-definition problems (a `where` problem keeps its `POLICY_*` code). */
export const ROLE_ERROR_CODES = [
  'ROLE_INVALID',
  'ROLE_KEY_SYNTAX',
  'ROLE_NAME',
  'ROLE_ASSIGN',
  'ROLE_SELF',
  'ROLE_SELF_REQUIRED',
  'ROLE_UNKNOWN_FORM',
  'ROLE_UNKNOWN_FIELD',
  'ROLE_UNKNOWN_FLOW',
  'ROLE_UNKNOWN_REPORT',
  'ROLE_SET_VALUE',
] as const;
export type RoleErrorCode = (typeof ROLE_ERROR_CODES)[number];

/**
 * A problem of a role definition, in the shape of the other validators' problems (`RuleProblem`):
 * a JSON pointer `path` into the role and, for a `where`, `from`/`to` offsets into its text.
 */
export interface RoleProblem extends Omit<RuleProblem, 'code' | 'rule' | 'line' | 'column'> {
  code: RoleErrorCode | PolicyErrorCode;
  /** The role's key when known. */
  role?: string;
}

/** What `validateRole` checks references against: the app's forms, flows and reports by key. */
export interface RoleContext {
  forms: Readonly<Record<string, FormDefinition>>;
  flows: Readonly<Record<string, unknown>>;
  reports: Readonly<Record<string, unknown>>;
}
