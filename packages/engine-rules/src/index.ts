/**
 * @kiln/engine-rules — trigger rules and decision tables: the definition format, the helper
 * catalog, static checks, decision-table cell grammar, and the compiler that turns an app's
 * rules into one program for the isolated-vm sandbox (`@kiln/engine-rules/sandbox`, a separate
 * entry: this one is pure and runs in the browser too).
 */

// ---- types ----
export type {
  ActionSpec,
  ActionTrace,
  ActionType,
  ConnectorAction,
  CreateAction,
  DecideAction,
  DecisionTableDefinition,
  Effect,
  Expression,
  FieldMapping,
  FlowAction,
  HitPolicy,
  LedgerAction,
  LocalizedText,
  NotifyAction,
  RecordRef,
  RejectAction,
  RuleDefinition,
  RuleError,
  RuleErrorCode,
  RuleOutcome,
  RuleProblem,
  TableInput,
  TableOutcome,
  TableOutput,
  TableRow,
  TraceMode,
  TriggerEvent,
  TriggerRuleDefinition,
  TriggerSpec,
  UpdateAction,
  UpsertAction,
} from './types.js';
export type { FactContext, HelperParam, HelperSignature, ValueType } from './helpers.js';
export type { EntryCall, LookupFilter, LookupPort, LookupRecord, Program, RunOptions, RunResult } from './abi.js';
export type { FieldInfo, FormInfo, SchemaInfo } from './schema.js';
export type { RuleErrorInfo } from './errors.js';
export type { RuleMessageId } from './check/messages.js';
export type { CheckOptions } from './check/check-context.js';
export type { CheckExpressionOptions } from './check/check-rules.js';
export type { CompileInput, CompileOptions, CompileResult } from './compile/compile-program.js';
export type { SemanticsVersion } from './compile/semantics.js';
export type { ExpressionMode, ExpressionSyntaxError, ParsedExpression, ParseExpressionResult } from './compile/parse-expression.js';
export type { ExpressionSlot, SlotRole } from './compile/slots.js';
export type { AnyCell, CellKind, CellNode, CellValue, CompareCell, CompareOp, ExprCell, ListCell, LiteralCell, RangeCell } from './tables/cell.js';
export type { CellError, CellErrorReason, ParseCellResult } from './tables/parse-cell.js';
export type { RowOverlap } from './tables/overlap.js';
export type {
  AssignableGlobalRole,
  CheckPolicyOptions,
  FieldAccess,
  FormGrant,
  ParsePolicyResult,
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
} from './policy/index.js';

// ---- definition format ----
export { ACTION_TYPES, HIT_POLICIES, RULE_ERROR_CODES, TRACE_MODES, TRIGGER_EVENTS } from './types.js';

// ---- helper catalog ----
export { ALLOWED_BUILTINS, FACT_NAMES, HELPER_BY_NAME, HELPER_GLOBALS, HELPERS, VALUE_TYPES } from './helpers.js';

// ---- compiler ↔ sandbox ABI ----
export { PROGRAM_FILENAME, RULE_ERROR_TAG } from './abi.js';

// ---- errors ----
export { RULE_ERRORS, ruleErrorsMarkdown } from './errors.js';
export { RULE_MESSAGES, ruleMessage } from './check/messages.js';

// ---- schema ----
export { schemaFromForms, SYSTEM_FIELDS, valueTypeOf } from './schema.js';

// ---- static checks ----
export { checkExpression, checkRules } from './check/check-rules.js';
export { didYouMean, editDistance } from './check/did-you-mean.js';
export { cronProblem } from './check/cron.js';

// ---- decision tables ----
export { cell, CELL_KINDS, COMPARE_OPS } from './tables/cell.js';
export { CELL_ERROR_REASONS, parseCell } from './tables/parse-cell.js';
export { cellsIntersect, findOverlaps } from './tables/overlap.js';

// ---- compiler ----
export { compileProgram } from './compile/compile-program.js';
export { SEMANTICS_VERSION, SEMANTICS_VERSIONS } from './compile/semantics.js';
export { lineColumn, parseExpression } from './compile/parse-expression.js';
export { expressionSlots } from './compile/slots.js';
export { fnv1a64 } from './compile/hash.js';

// ---- roles and row policies ----
export {
  ASSIGNABLE_GLOBAL_ROLES,
  checkPolicy,
  GROUP_NAME_PATTERN,
  parsePolicy,
  POLICY_ERROR_CODES,
  POLICY_MAX_DEPTH,
  POLICY_MAX_LENGTH,
  POLICY_MAX_TREE_DEPTH,
  POLICY_OPS,
  POLICY_SYSTEM_KEYS,
  policyFields,
  policyUserRefs,
  ROLE_ERROR_CODES,
  ROLE_KEY_PATTERN,
  SELF_USER_ATTRS,
  validateRole,
} from './policy/index.js';
