/**
 * The flow definition format, the instance state the interpreter keeps, and the events and
 * commands it exchanges with the runtime. Everything here is plain JSON: definitions are stored
 * as app metadata (versioned with the app), states as one JSON document per instance.
 *
 * Expressions (`Expression`) are rule-engine expressions (JavaScript, evaluated by the runtime
 * in the rules sandbox with the facts `record`, `old` (null), `changed` ([]) and `event`
 * (`{type:'flow', flow, node, instance:{id, initiator, startedAt}, user}`)). The interpreter
 * never evaluates them itself: it asks with an `evaluate` command and is answered by an
 * `evaluated` event, so it stays pure.
 */

/** Text in both UI languages (a plain string is used for both). */
export type LocalizedText = string | { readonly 'zh-CN': string; readonly en: string };

/** A rule-engine expression (see the module comment for its facts). */
export type Expression = string;

/** An ISO 8601 duration such as `PT2H`, `P3D`, `PT30M`, `P1DT4H`. */
export type IsoDuration = string;

// ---------------------------------------------------------------------------------------------
// Definition

/** A flow: a graph of nodes and edges by stable ids, running on records of one form. */
export interface FlowDefinition {
  readonly key: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** The form whose records the flow runs on. */
  readonly form: string;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** The working-hours calendar SLAs with `businessHours: true` count in. */
  readonly calendar?: BusinessCalendar;
  /**
   * Record fields set (literal values) when the instance finishes with a result, e.g.
   * `{approved: {status: 'approved'}, rejected: {status: 'rejected'}}`.
   */
  readonly results?: Partial<Record<InstanceResult, Readonly<Record<string, unknown>>>>;
  /** Off: the flow starts no new instances (running ones go on). Default on. */
  readonly enabled?: boolean;
}

/** An edge. From approval nodes `sourceHandle` is `approve` (default) or `reject`; from condition nodes a branch id or `default`. */
export interface FlowEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourceHandle?: string | null;
  readonly targetHandle?: string | null;
  readonly label?: LocalizedText;
}

export const NODE_TYPES = ['start', 'approval', 'condition', 'parallel', 'join', 'action', 'notify', 'timer', 'subflow', 'end'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

interface NodeBase<T extends NodeType, D> {
  readonly id: string;
  readonly type: T;
  /** Canvas position (studio only; the interpreter ignores it). */
  readonly position?: { readonly x: number; readonly y: number };
  readonly data: D & { readonly name?: LocalizedText; readonly description?: LocalizedText };
}

export const START_TRIGGERS = ['record.created', 'form.submitted', 'manual', 'api', 'rule'] as const;
export type StartTrigger = (typeof START_TRIGGERS)[number];

/** Where an instance begins. `when` (optional) must be truthy for a record event to start it. */
export type StartNode = NodeBase<'start', { readonly trigger: StartTrigger; readonly when?: Expression }>;

/** Who may act on an approval (the runtime resolves a list of specs into user ids). */
export type AssigneeSpec =
  | { readonly kind: 'users'; readonly users: readonly number[] }
  /** Users holding a system role (`admin`, `operator`, …). */
  | { readonly kind: 'role'; readonly role: string }
  /** Users in a group / position (岗位), e.g. `sales_lead`, `warehouse`, `finance`. */
  | { readonly kind: 'group'; readonly group: string }
  /** The user (or users) in a user field of the record. */
  | { readonly kind: 'field'; readonly field: string }
  /** The initiator's manager chain: `levels` up (1 = direct manager); `all: true` = every level up to `levels`. */
  | { readonly kind: 'manager'; readonly levels: number; readonly all?: boolean }
  /** The initiator themself (e.g. to fix a returned submission). */
  | { readonly kind: 'initiator' }
  /** An expression returning a user id or a list of user ids. */
  | { readonly kind: 'expression'; readonly expression: Expression };

export const APPROVAL_MODES = ['any', 'all', 'percent'] as const;
/** `any` 或签: one approval decides; `all` 会签: everyone must approve; `percent`: a share must. */
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export const ESCALATIONS = ['notify', 'reassign', 'approve', 'reject'] as const;
export type EscalationAction = (typeof ESCALATIONS)[number];

/** A service-level agreement of an approval node. */
export interface SlaSpec {
  /** Time allowed from the task's creation. */
  readonly due: IsoDuration;
  /** Count only the flow calendar's working hours (default false: wall-clock time). */
  readonly businessHours?: boolean;
  /** Remind the assignee this long before the deadline (optional). */
  readonly remindBefore?: IsoDuration;
  /** What happens at the deadline when the task is still open. */
  readonly escalate?: {
    readonly action: EscalationAction;
    /** Extra people to notify (every action notifies the assignee and these). */
    readonly notify?: { readonly users?: readonly number[]; readonly groups?: readonly string[]; readonly roles?: readonly string[] };
  };
}

/** An approval (or a to-do task: a node whose only outcome is approve). */
export type ApprovalNode = NodeBase<'approval', {
  readonly assignees: readonly AssigneeSpec[];
  readonly mode: ApprovalMode;
  /** For `percent`: the share (1–100) of assignees that must approve. */
  readonly percent?: number;
  /** `roundRobin`: one user is picked from the resolved assignees, rotating per candidate set. Default `all`. */
  readonly pick?: 'all' | 'roundRobin';
  /** A user field of the record set to the picked assignee (e.g. `assigned_to`). */
  readonly assignField?: string;
  /** Record fields the approver sees (default all) and may edit when acting. */
  readonly fields?: { readonly visible?: readonly string[]; readonly editable?: readonly string[] };
  readonly sla?: SlaSpec;
  /** Evaluated on entry: truthy rejects the node without a person (e.g. insufficient stock). */
  readonly rejectWhen?: Expression;
  /** Evaluated on entry (after `rejectWhen`): truthy approves the node without a person. */
  readonly approveWhen?: Expression;
  /** No assignee resolved: `reject`, `approve` (skip), or `admin` (assign the admins). Default `admin`. */
  readonly onEmpty?: 'approve' | 'reject' | 'admin';
  /** Which operations approvers may use (default all true). */
  readonly allow?: { readonly transfer?: boolean; readonly addSigner?: boolean; readonly return?: boolean };
  /** Outcome labels shown on the buttons (e.g. a to-do task's approve = "Contacted"). */
  readonly labels?: { readonly approve?: LocalizedText; readonly reject?: LocalizedText };
}>;

/** Exclusive branches: the first branch whose expression is truthy, else `default`. Edges use the branch id (or `default`) as `sourceHandle`. */
export type ConditionNode = NodeBase<'condition', {
  readonly branches: readonly { readonly id: string; readonly name?: LocalizedText; readonly when: Expression }[];
}>;

/** Parallel split: every outgoing edge gets a token. */
export type ParallelNode = NodeBase<'parallel', Record<never, never>>;
/** Waits for a token on every incoming edge, then continues. `split` names the matching parallel node. */
export type JoinNode = NodeBase<'join', { readonly split?: string }>;

/** Runs something and continues. */
export type ActionSpec =
  /** Sets fields of the instance's record (values are expressions). */
  | { readonly action: 'update'; readonly values: Readonly<Record<string, Expression>> }
  /** Creates a record of a form (values are expressions). */
  | { readonly action: 'create'; readonly form: string; readonly values: Readonly<Record<string, Expression>> }
  /** Fires the `flow.node` trigger rules listening to this flow and node. */
  | { readonly action: 'rule' }
  /** Queues a connector call (delivered by the outbox). */
  | { readonly action: 'connector'; readonly connector: string; readonly operation: string; readonly payload?: Expression };
export type ActionNode = NodeBase<'action', ActionSpec>;

/** Sends an in-app notification. */
export type NotifyNode = NodeBase<'notify', {
  readonly to: readonly AssigneeSpec[];
  readonly title: LocalizedText;
  /** Body text; `{field}` placeholders are filled from the record by the runtime. */
  readonly body?: LocalizedText;
}>;

/** Waits a duration, or until the date an expression returns (e.g. `record.first_contact_due`). */
export type TimerNode = NodeBase<'timer', { readonly duration?: IsoDuration; readonly until?: Expression }>;

/** Starts another flow on the same record (`wait`: continue when it finishes, else at once). */
export type SubflowNode = NodeBase<'subflow', { readonly flow: string; readonly wait?: boolean }>;

/** Finishes the instance with a result (default `completed`). */
export type EndNode = NodeBase<'end', { readonly result?: InstanceResult }>;

export type FlowNode = StartNode | ApprovalNode | ConditionNode | ParallelNode | JoinNode | ActionNode | NotifyNode | TimerNode | SubflowNode | EndNode;
export type NodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;

/** Working hours for SLAs. Dates are local dates in `timezone`. */
export interface BusinessCalendar {
  /** IANA time zone (default `Asia/Shanghai`). */
  readonly timezone?: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday; default 1–5). */
  readonly workdays?: readonly number[];
  /** Working periods of a working day, `HH:mm` (default [['09:00','12:00'],['13:00','18:00']]). */
  readonly hours?: readonly (readonly [string, string])[];
  /** Public holidays (`YYYY-MM-DD`): not working even on a workday. */
  readonly holidays?: readonly string[];
  /** Make-up working days (调休, `YYYY-MM-DD`): working even on a weekend. */
  readonly extraWorkdays?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Instance state

export const INSTANCE_STATUSES = ['running', 'approved', 'rejected', 'completed', 'withdrawn', 'cancelled', 'failed'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export type InstanceResult = Exclude<InstanceStatus, 'running'>;

/** A token: a position of the instance in the graph (several under a parallel split). */
export interface TokenState {
  readonly id: string;
  readonly node: string;
  /** `active`: being moved; `waiting`: parked at a node (tasks, timer, join, evaluation, sub-flow). */
  readonly status: 'waiting' | 'done';
  /** What the token waits for at its node. */
  readonly wait?: 'evaluate' | 'assignees' | 'tasks' | 'timer' | 'join' | 'subflow' | 'action';
  readonly enteredAt: string;
  /** At an approval node: the seats (see `TaskState.seat`) of this visit, in creation order. */
  readonly seats?: readonly string[];
}

export const TASK_STATUSES = ['open', 'waiting', 'approved', 'rejected', 'transferred', 'returned', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** One person's task at an approval node. Ids are `t1`, `t2`, … (unique within the instance). */
export interface TaskState {
  readonly id: string;
  readonly node: string;
  readonly token: string;
  readonly assignee: number;
  readonly status: TaskStatus;
  readonly createdAt: string;
  readonly dueAt?: string;
  /** Added by `addSigner` from this task (before: this task waits for it; after: this task's vote waits for it). */
  readonly addedBy?: string;
  readonly position?: 'before' | 'after';
  /** The task this one replaced (transfer, escalation reassign). */
  readonly replaces?: string;
  readonly actedBy?: number;
  readonly actedAt?: string;
  readonly comment?: string;
  readonly auto?: boolean;
  /**
   * The seat (one vote of the node) the task belongs to: the id of the task created on entry.
   * Transfers, added signers and reassignments stay in the seat of the task they came from.
   */
  readonly seat?: string;
}

export const TIMER_KINDS = ['remind', 'escalate', 'timer'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/** A pending timer (the runtime keeps a job per timer; a fired timer no longer here is ignored). */
export interface TimerState {
  readonly id: string;
  readonly kind: TimerKind;
  readonly at: string;
  readonly token: string;
  readonly task?: string;
}

export const HISTORY_TYPES = [
  'started', 'entered', 'left', 'branch', 'task.created', 'task.approved', 'task.rejected', 'task.transferred',
  'task.signer_added', 'task.returned', 'task.commented', 'task.reassigned', 'task.cancelled', 'sla.reminded',
  'sla.escalated', 'node.approved', 'node.rejected', 'node.auto', 'timer.waiting', 'timer.fired', 'action.done',
  'notified', 'subflow.started', 'subflow.finished', 'withdrawn', 'cancelled', 'failed', 'finished',
] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** One line of the instance's timeline. */
export interface HistoryEntry {
  readonly at: string;
  readonly type: HistoryType;
  readonly node?: string;
  readonly task?: string;
  readonly user?: number | null;
  /** Another user concerned (transfer target, added signer, picked assignee). */
  readonly to?: number;
  readonly outcome?: string;
  readonly comment?: string;
  /** Extra facts (branch id, return target, error code, …). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** Everything the interpreter knows about an instance. */
export interface InstanceState {
  readonly status: InstanceStatus;
  readonly initiator: number | null;
  readonly record: number | null;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly tokens: Readonly<Record<string, TokenState>>;
  readonly tasks: Readonly<Record<string, TaskState>>;
  readonly timers: Readonly<Record<string, TimerState>>;
  /** join node id → tokens that arrived (by incoming edge id). */
  readonly joins: Readonly<Record<string, readonly string[]>>;
  readonly history: readonly HistoryEntry[];
  /** Counter for token, task and timer ids. */
  readonly seq: number;
  /** Steps taken so far (capped: `FLOW_STEP_LIMIT`). */
  readonly steps: number;
  /** Whether any person has acted on a task (withdraw is allowed only before). */
  readonly acted: boolean;
  readonly error?: { readonly code: string; readonly message: string; readonly nodeId?: string };
}

// ---------------------------------------------------------------------------------------------
// Events (runtime → interpreter)

export interface EventBase {
  /** The runtime clock's time, ISO 8601. */
  readonly at: string;
}

export interface FlowEventMap {
  /** Begin: the state passed to `step` is ignored (use `initialState`). */
  start: { readonly by: number | null; readonly record: number | null; readonly trigger: StartTrigger };
  /** Answers an `evaluate` command: expression results by expression id. */
  evaluated: { readonly token: string; readonly results: Readonly<Record<string, unknown>>; readonly error?: { readonly code: string; readonly message: string } };
  /** Answers a `resolveAssignees` command. */
  assigneesResolved: { readonly token: string; readonly purpose: 'enter' | 'escalate'; readonly task?: string; readonly users: readonly number[] };
  /** Answers a `runAction` command. */
  actionDone: { readonly token: string; readonly error?: { readonly code: string; readonly message: string } };
  taskCompleted: { readonly task: string; readonly by: number; readonly outcome: 'approve' | 'reject'; readonly comment?: string; readonly data?: Readonly<Record<string, unknown>> };
  taskTransferred: { readonly task: string; readonly by: number; readonly to: number; readonly comment?: string };
  signerAdded: { readonly task: string; readonly by: number; readonly user: number; readonly position: 'before' | 'after'; readonly comment?: string };
  /** Sends the token back to an earlier approval node it passed through. */
  taskReturned: { readonly task: string; readonly by: number; readonly to: string; readonly comment?: string };
  commented: { readonly task?: string; readonly by: number; readonly comment: string };
  /** The initiator withdraws (refused once anyone acted). */
  withdrawn: { readonly by: number };
  /** An administrator cancels. */
  cancelled: { readonly by: number | null; readonly reason?: string };
  timerFired: { readonly timer: string };
  /**
   * A waited-for sub-flow finished (the token goes on whatever its result). `error`: the runtime
   * could not run it (e.g. FLOW_DEPTH_LIMIT) — the parent fails with that code.
   */
  subflowFinished: { readonly token: string; readonly result: InstanceResult; readonly error?: { readonly code: string; readonly message: string } };
}
export type FlowEventType = keyof FlowEventMap;
export type FlowEvent = { [K in FlowEventType]: EventBase & { readonly type: K } & FlowEventMap[K] }[FlowEventType];
export type EventOf<K extends FlowEventType> = Extract<FlowEvent, { type: K }>;

// ---------------------------------------------------------------------------------------------
// Commands (interpreter → runtime)

export interface FlowCommandMap {
  /** Evaluate expressions (ids are `${node}.when`, `${node}.branch.${id}`, `${node}.rejectWhen`, …; `sources` holds each source) and answer with `evaluated`. */
  evaluate: { readonly token: string; readonly node: string; readonly sources: Readonly<Record<string, Expression>> };
  /** Resolve assignee specs to user ids and answer with `assigneesResolved`. For `escalate`, resolve the manager of `of`. */
  resolveAssignees: { readonly token: string; readonly node: string; readonly purpose: 'enter' | 'escalate'; readonly specs: readonly AssigneeSpec[]; readonly pick: 'all' | 'roundRobin'; readonly task?: string; readonly of?: number };
  /** A task was opened (its row and the assignee's notification). */
  taskOpened: { readonly task: string };
  /** A task stopped being open (acted on, cancelled, transferred, waiting). */
  taskClosed: { readonly task: string };
  scheduleTimer: { readonly timer: TimerState };
  cancelTimer: { readonly timer: string };
  /** Write fields of the instance's record (task edit data, `assignField`, results). Values are literals. */
  updateRecord: { readonly values: Readonly<Record<string, unknown>>; readonly node?: string };
  /** Run an action node and answer with `actionDone`. */
  runAction: { readonly token: string; readonly node: string; readonly spec: ActionSpec };
  notify: { readonly node?: string; readonly task?: string; readonly to: readonly AssigneeSpec[]; readonly users?: readonly number[]; readonly reason: 'task' | 'remind' | 'escalate' | 'node' | 'finished' | 'returned'; readonly title?: LocalizedText; readonly body?: LocalizedText };
  startSubflow: { readonly token: string; readonly node: string; readonly flow: string; readonly wait: boolean };
  /** The instance finished (the runtime applies `results`, wakes a waiting parent). */
  finished: { readonly result: InstanceResult };
}
export type FlowCommandType = keyof FlowCommandMap;
export type FlowCommand = { [K in FlowCommandType]: { readonly type: K } & FlowCommandMap[K] }[FlowCommandType];
export type CommandOf<K extends FlowCommandType> = Extract<FlowCommand, { type: K }>;

/** What `step` returns. */
export interface StepResult {
  readonly state: InstanceState;
  readonly commands: readonly FlowCommand[];
  /** Set when the event was refused: `state` is the input state and `commands` is empty. */
  readonly error?: FlowError;
}

// ---------------------------------------------------------------------------------------------
// Errors and problems

export const FLOW_ERROR_CODES = [
  'FLOW_INVALID', 'FLOW_NO_START', 'FLOW_MANY_STARTS', 'FLOW_NODE_UNREACHABLE', 'FLOW_NODE_DEAD_END', 'FLOW_EDGE_INVALID',
  'FLOW_JOIN_MISMATCH', 'FLOW_ASSIGNEE_INVALID', 'FLOW_CONDITION_INVALID', 'FLOW_NODE_INVALID', 'FLOW_NODE_NOT_FOUND',
  'FLOW_STEP_LIMIT', 'FLOW_DEPTH_LIMIT', 'FLOW_EVENT_INVALID', 'FLOW_NOT_RUNNING', 'FLOW_TASK_NOT_OPEN',
  'FLOW_NOT_ALLOWED', 'FLOW_RETURN_INVALID', 'FLOW_WITHDRAW_REFUSED', 'FLOW_EXPRESSION_FAILED', 'FLOW_ACTION_FAILED',
] as const;
export type FlowErrorCode = (typeof FLOW_ERROR_CODES)[number];

/** A publish-time problem of a flow definition, pointing at a node or edge. */
export interface FlowProblem {
  readonly code: FlowErrorCode;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** JSON pointer into the node's `data` (or the definition) when more precise. */
  readonly path?: string;
}

/** An event the interpreter refuses (wrong task state, not allowed, …): the state is unchanged. */
export interface FlowError {
  readonly code: FlowErrorCode;
  readonly message: string;
  readonly nodeId?: string;
  readonly task?: string;
}
