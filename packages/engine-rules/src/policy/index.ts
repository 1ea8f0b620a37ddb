/**
 * Roles and row policies: the policy language (parse, check, references) and the role
 * validator. Pure; the runtime compiles policies to SQL and enforces them.
 */
export type {
  AssignableGlobalRole,
  FieldAccess,
  FormGrant,
  PolicyErrorCode,
  PolicyNode,
  PolicyOp,
  PolicyProblem,
  PolicySpan,
  PolicyValue,
  RoleContext,
  RoleDefinition,
  RoleErrorCode,
  RoleProblem,
  SelfUserAttr,
} from './types.js';
export type { ParsePolicyResult } from './parse.js';
export type { CheckPolicyOptions } from './check.js';
export { ASSIGNABLE_GLOBAL_ROLES, POLICY_ERROR_CODES, POLICY_OPS, ROLE_ERROR_CODES, SELF_USER_ATTRS } from './types.js';
export { parsePolicy, POLICY_MAX_DEPTH, POLICY_MAX_LENGTH, POLICY_MAX_TREE_DEPTH } from './parse.js';
export { checkPolicy } from './check.js';
export { policyFields, policyUserRefs } from './refs.js';
export { POLICY_SYSTEM_KEYS } from './field-kind.js';
export { GROUP_NAME_PATTERN, ROLE_KEY_PATTERN, validateRole } from './validate-role.js';
