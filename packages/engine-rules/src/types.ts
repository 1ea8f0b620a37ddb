/**
 * The stored shapes of rules (metadata kind `rules`): trigger rules (automations) and decision
 * tables. Identity is by stable `key` / `id`, never by label. Expressions are JavaScript source
 * strings evaluated in the isolated-vm sandbox (see `abi.ts` for what they can see).
 */

/** A text shown to people in both UI languages. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/**
 * JavaScript source: either one expression (`record.total > 0`) or a function body with
 * `return` (`const x = 1; return x + 1;`). It sees the facts (`record`, `old`, `changed`,
 * `event`, `results`, `item`, `index`, `input` / `$` in tables) and the helper library.
 */
export type Expression = string;

// ---------------------------------------------------------------------------------------------
// Triggers
// ---------------------------------------------------------------------------------------------

/** Every event a trigger rule can listen to. */
export const TRIGGER_EVENTS = [
  'record.created',
  'record.updated',
  'record.deleted',
  /** created or updated (`old` is null on create) */
  'record.saved',
  'form.submitted',
  'schedule',
  'webhook',
  'flow.node',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export type TriggerSpec =
  | { event: 'record.created' | 'record.deleted' | 'form.submitted'; form: string }
  /** `fields`: fire only when one of these field keys changed (empty/absent = any change). */
  | { event: 'record.updated' | 'record.saved'; form: string; fields?: string[] }
  /** Five-field cron (`m h dom mon dow`) evaluated in the runtime clock; timezone default `Asia/Shanghai`. */
  | { event: 'schedule'; cron: string; timezone?: string }
  /** `POST /api/hooks/{app}/{hook}`; when `secret` is set the caller must send it as `X-Kiln-Token`. */
  | { event: 'webhook'; hook: string; secret?: string }
  /** Fired by the flow engine when an instance reaches `node` of `flow`. */
  | { event: 'flow.node'; flow: string; node: string };

/** Every action type a trigger rule can run. */
export const ACTION_TYPES = ['create', 'update', 'upsert', 'decide', 'ledger', 'flow', 'connector', 'notify', 'reject'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * Field values of a write: field key → expression. A value that evaluates to `undefined` leaves
 * the field as it is (not written); `null` clears it.
 */
export type FieldMapping = Record<string, Expression>;

interface ActionBase {
  /** Stable id within the rule, `^[a-z][a-z0-9_]{0,31}$`; later actions read `results.<id>`. */
  id: string;
  type: ActionType;
  /** Run only when this expression is truthy. */
  when?: Expression;
  /** Run once per element of this list; `item` and `index` are bound in the action's expressions. */
  forEach?: Expression;
}

/** Creates a record. `results.<id>` is a reference to the new record (usable as a relation value). */
export interface CreateAction extends ActionBase {
  type: 'create';
  form: string;
  values: FieldMapping;
}

/** Updates the record whose id `record` evaluates to (e.g. `record.id`, or `item.id` in a forEach). */
export interface UpdateAction extends ActionBase {
  type: 'update';
  form: string;
  /** Expression → the id of the record to update (a number or a `ref()`). */
  record: Expression;
  values: FieldMapping;
}

/** Updates the first record whose `match` fields equal the given values, or creates one with match + values. */
export interface UpsertAction extends ActionBase {
  type: 'upsert';
  form: string;
  match: FieldMapping;
  values: FieldMapping;
  /** Field keys of `values` written only when the record is created (e.g. `bound_at`). */
  createOnly?: string[];
}

/**
 * Runs a decision table (a rule of type `table`) against the current facts. `results.<id>` is
 * the table's output. With `assign`, the outputs are written to the triggering record
 * (field key → output key) in the same transaction.
 */
export interface DecideAction extends ActionBase {
  type: 'decide';
  table: string;
  assign?: Record<string, string>;
}

/**
 * Appends entries to an append-only ledger form. `entries` evaluates to a list of objects by
 * field key. `key` names a unique field of the ledger form that identifies an entry: a repeated
 * event producing the same key never posts twice (the database refuses the duplicate).
 */
export interface LedgerAction extends ActionBase {
  type: 'ledger';
  form: string;
  entries: Expression;
  key: string;
}

/** Starts a flow of the app for a record (hook point for the flow engine). */
export interface FlowAction extends ActionBase {
  type: 'flow';
  flow: string;
  /** Record id (default: the triggering record). */
  record?: Expression;
}

/** Calls a connector operation through the outbox (delivered after commit, retried, never twice). */
export interface ConnectorAction extends ActionBase {
  type: 'connector';
  connector: string;
  operation?: string;
  payload: Expression;
}

/** Notifies users (in-app notification; delivered after commit). */
export interface NotifyAction extends ActionBase {
  type: 'notify';
  /** Expression → a user id or a list of user ids. */
  users?: Expression;
  roles?: string[];
  title: Expression;
  body?: Expression;
}

/** Refuses the write that fired the rule: the whole transaction rolls back and the caller gets 422 RULE_REJECTED. */
export interface RejectAction extends ActionBase {
  type: 'reject';
  /** Expression → a string (or `{ 'zh-CN', en }`). */
  message: Expression;
  /** Field key the message belongs to (shown under that field). */
  field?: string;
}

export type ActionSpec = CreateAction | UpdateAction | UpsertAction | DecideAction | LedgerAction | FlowAction | ConnectorAction | NotifyAction | RejectAction;

/** What evaluations of a rule keep as traces: every one, only failed ones, or none. */
export const TRACE_MODES = ['all', 'errors', 'off'] as const;
export type TraceMode = (typeof TRACE_MODES)[number];

/** An automation: when `trigger` fires and `condition` holds, run `actions` in order. */
export interface TriggerRuleDefinition {
  formatVersion: 1;
  key: string;
  type: 'trigger';
  title: LocalizedText;
  description?: LocalizedText;
  /** Default true. */
  enabled?: boolean;
  trigger: TriggerSpec;
  condition?: Expression;
  actions: ActionSpec[];
  /** Order among rules of the same event (lower first, then key). Default 100. */
  priority?: number;
  /** Default `all` (the last N traces per rule are kept). */
  trace?: TraceMode;
}

// ---------------------------------------------------------------------------------------------
// Decision tables
// ---------------------------------------------------------------------------------------------

export const HIT_POLICIES = ['first', 'unique', 'collect', 'collect_sum', 'collect_min', 'collect_max', 'collect_count'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

/** An input column: an expression over the facts (e.g. `record.amount`); rows test its value. */
export interface TableInput {
  id: string;
  label: LocalizedText;
  expression: Expression;
}

/** An output column; `key` is the name in the result object. */
export interface TableOutput {
  id: string;
  key: string;
  label: LocalizedText;
  type?: 'number' | 'money' | 'text' | 'boolean';
}

/**
 * A row. `when[inputId]` is a unary test on that input's value:
 * `-` or empty = any; `< 5`, `>= 10`, `!= "x"`; ranges `[1..10]`, `(1..10]`, `[1..10)`, `1..10`;
 * lists `"a", "b"` or `1, 2, 3`; `not("a", "b")`; a literal (`5`, `"vip"`, `true`); otherwise a
 * JavaScript expression where `$` is the input's value (`$ % 2 === 0`).
 * `then[outputId]` is an expression (usually a literal).
 */
export interface TableRow {
  id: string;
  when: Record<string, string>;
  then: Record<string, Expression>;
  description?: string;
}

/** A decision table (rule of type `table`), run by a `decide` action or from the test console. */
export interface DecisionTableDefinition {
  formatVersion: 1;
  key: string;
  type: 'table';
  title: LocalizedText;
  description?: LocalizedText;
  hitPolicy: HitPolicy;
  inputs: TableInput[];
  outputs: TableOutput[];
  rows: TableRow[];
  trace?: TraceMode;
}

export type RuleDefinition = TriggerRuleDefinition | DecisionTableDefinition;

// ---------------------------------------------------------------------------------------------
// Evaluation results
// ---------------------------------------------------------------------------------------------

/** A placeholder for the id of a record another action of the same evaluation creates. */
export interface RecordRef {
  $ref: string;
}

/** What a rule asks the runtime to do; applied in the same transaction as the write that fired it. */
export type Effect =
  | { type: 'create'; action: string; form: string; values: Record<string, unknown> }
  | { type: 'update'; action: string; form: string; id: number | RecordRef; values: Record<string, unknown> }
  | { type: 'upsert'; action: string; form: string; match: Record<string, unknown>; values: Record<string, unknown>; createOnly?: string[] }
  | { type: 'ledger'; action: string; form: string; key: string; entries: Record<string, unknown>[] }
  | { type: 'flow'; action: string; flow: string; record: number | RecordRef | null }
  | { type: 'connector'; action: string; connector: string; operation: string | null; payload: unknown }
  | { type: 'notify'; action: string; users: number[]; roles: string[]; title: string; body: string | null }
  | { type: 'reject'; action: string; message: string | LocalizedText; field: string | null };

/** The rows a decision table matched and its output. */
export interface TableOutcome {
  /** Row ids in table order. */
  matched: string[];
  /** first/unique: one object or null; collect: a list of objects; collect_*: one object of aggregates. */
  output: Record<string, unknown> | Record<string, unknown>[] | null;
}

/** One action's part of a trace. */
export interface ActionTrace {
  id: string;
  /** false when `when` was falsy. */
  ran: boolean;
  /** Iterations when `forEach` was used. */
  iterations?: number;
  result?: unknown;
}

/** The result of evaluating one trigger rule against facts. */
export interface RuleOutcome {
  rule: string;
  /** The condition held (or there was none). */
  matched: boolean;
  effects: Effect[];
  /** `results.<actionId>` as the actions left them (table outputs, refs of created records). */
  results: Record<string, unknown>;
  actions: ActionTrace[];
  /** Decision tables run during the evaluation, by action id. */
  tables: Record<string, TableOutcome>;
}

/** Every code a rule evaluation or check can report. */
export const RULE_ERROR_CODES = [
  'RULE_SYNTAX',
  'RULE_UNKNOWN_NAME',
  'RULE_UNKNOWN_FIELD',
  'RULE_UNKNOWN_FORM',
  'RULE_UNKNOWN_TABLE',
  'RULE_ARG_TYPE',
  'RULE_INVALID',
  'RULE_TABLE_OVERLAP',
  'RULE_TABLE_CELL',
  'RULE_RUNTIME',
  'RULE_TIMEOUT',
  'RULE_MEMORY_LIMIT',
  'RULE_RESULT_INVALID',
  'RULE_LOOKUP_FAILED',
] as const;
export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];

/**
 * An error as data (never a thrown foreign object): code, message, where in the definition
 * (`path`, a JSON pointer such as `/actions/2/values/amount`), and where in that expression's
 * source (1-based line/column) when known.
 */
export interface RuleError {
  code: RuleErrorCode;
  message: string;
  rule?: string;
  path?: string;
  line?: number;
  column?: number;
  /** Character offsets into the expression's source, for underlining. */
  from?: number;
  to?: number;
}

/** A problem found at publish / in the editor: a RuleError plus its severity. */
export interface RuleProblem extends RuleError {
  severity: 'error' | 'warning';
}
