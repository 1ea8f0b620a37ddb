/**
 * @kiln/engine-flow — approval and automation flows: the definition format, publish-time
 * validation, and the interpreter, a pure step function `step(definition, state, event) →
 * { state, commands }` the runtime drives (it persists the state and executes the commands).
 * No I/O: it runs in the runtime and in the studio alike.
 */

// ---- types ----
export type {
  ActionNode,
  ActionSpec,
  ApprovalMode,
  ApprovalNode,
  AssigneeSpec,
  BusinessCalendar,
  CommandOf,
  ConditionNode,
  EndNode,
  EscalationAction,
  EventBase,
  EventOf,
  Expression,
  FlowCommand,
  FlowCommandMap,
  FlowCommandType,
  FlowDefinition,
  FlowEdge,
  FlowError,
  FlowErrorCode,
  FlowEvent,
  FlowEventMap,
  FlowEventType,
  FlowNode,
  FlowProblem,
  HistoryEntry,
  HistoryType,
  InstanceResult,
  InstanceState,
  InstanceStatus,
  IsoDuration,
  JoinNode,
  LocalizedText,
  NodeOf,
  NodeType,
  NotifyNode,
  ParallelNode,
  SlaSpec,
  StartNode,
  StartTrigger,
  StepResult,
  SubflowNode,
  TaskState,
  TaskStatus,
  TimerKind,
  TimerNode,
  TimerState,
  TokenState,
} from './types.js';
export type { FlowErrorInfo } from './errors.js';
export type { Locale } from './graph.js';
export type { StepOptions } from './step/step.js';
export type { FormInfo, ValidateOptions } from './validate/problems.js';
export type { ParsedDuration } from './time/duration.js';

// ---- definition format ----
export {
  APPROVAL_MODES, ESCALATIONS, FLOW_ERROR_CODES, HISTORY_TYPES, INSTANCE_STATUSES, NODE_TYPES, START_TRIGGERS, TASK_STATUSES, TIMER_KINDS,
} from './types.js';
export { ENGINE_VERSION, FLOW_LIFETIME_STEP_LIMIT, FLOW_STEP_LIMIT, FLOW_SUBFLOW_DEPTH_LIMIT } from './constants.js';

// ---- errors ----
export { FLOW_ERRORS, flowErrorsMarkdown } from './errors.js';

// ---- interpreter ----
export { step } from './step/step.js';
export { initialState, openTasks } from './state.js';
export { returnTargets } from './return-targets.js';

// ---- validation ----
export { validateFlow } from './validate/validate-flow.js';

// ---- graph helpers ----
export { incoming, localize, nodeById, nodeName, outgoing } from './graph.js';

// ---- time ----
export { DAY_MS, parseDuration } from './time/duration.js';
export { addDuration, subtractDurations } from './time/add-duration.js';
export { DEFAULT_CALENDAR } from './time/calendar.js';
