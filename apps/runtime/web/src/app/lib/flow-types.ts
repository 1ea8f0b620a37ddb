import type { FieldDefinition } from '@kiln/engine-forms';

/**
 * What the task and flow-instance API answers (`/api/tasks`, `/api/flow-instances`, …), as the
 * operator pages read it. The status and history unions mirror `@kiln/engine-flow`'s
 * `TaskStatus`, `InstanceStatus` and `HistoryType`; they are spelled out here because the pages
 * only depend on the HTTP shapes, and an unknown value from a newer server still renders (as
 * its raw code) instead of breaking the page.
 */

/** Text in both UI languages, or one text for both. */
export type FlowText = string | { readonly 'zh-CN': string; readonly en?: string };

/** A person as the API names one. */
export interface UserRef {
  id: number;
  name: string;
}

export const TASK_STATUSES = ['open', 'waiting', 'approved', 'rejected', 'transferred', 'returned', 'cancelled'] as const;
/** A task's state; only `open` can be acted on. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const INSTANCE_STATUSES = ['running', 'approved', 'rejected', 'completed', 'withdrawn', 'cancelled', 'failed'] as const;
/** An instance's state; everything but `running` is final. */
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** What a person decided on a task. */
export type Outcome = 'approve' | 'reject';

/** One task of a person (`TaskView`). */
export interface TaskView {
  id: number;
  app: string;
  appName: FlowText | null;
  flow: string;
  flowName: FlowText | null;
  node: string;
  nodeName: FlowText | null;
  instance: number;
  form: string;
  record: number | null;
  recordTitle: string | null;
  status: TaskStatus;
  assignee: UserRef;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  actedAt: string | null;
  outcome: Outcome | null;
  comment: string | null;
  initiator: UserRef | null;
  labels?: { approve?: FlowText; reject?: FlowText };
}

/** `GET /api/tasks` counts, shown on the inbox tabs and the header badge. */
export interface TaskCounts {
  open: number;
  overdue: number;
  done: number;
}

/** One page of `GET /api/tasks`. */
export interface TaskPage {
  items: TaskView[];
  counts: TaskCounts;
  nextCursor: string | null;
}

/** One line of an instance's timeline (`HistoryType` in `type`). */
export interface TimelineEntry {
  at: string;
  type: string;
  node?: string;
  nodeName?: FlowText | null;
  task?: string | number;
  user?: UserRef | null;
  to?: UserRef | null;
  outcome?: string;
  comment?: string;
  detail?: Record<string, unknown>;
}

/** A node an instance currently waits at. */
export interface NodeRef {
  node: string;
  name: FlowText | null;
}

/** One run of a flow on a record (`InstanceView`). */
export interface InstanceView {
  id: number;
  app: string;
  flow: string;
  flowName: FlowText | null;
  version: number;
  status: InstanceStatus;
  form: string;
  record: number | null;
  recordTitle: string | null;
  initiator: UserRef | null;
  startedAt: string;
  finishedAt: string | null;
  activeNodes: NodeRef[];
  tasks: TaskView[];
  timeline: TimelineEntry[];
  canWithdraw: boolean;
  /** Why a `failed` instance stopped. */
  error?: { code: string; message: string; nodeId?: string };
}

/** `GET /api/tasks/{id}`: the task with what its page shows and allows. */
export interface TaskDetail {
  task: TaskView;
  record: { id: number; [key: string]: unknown } | null;
  /** The form with its visible fields; its name comes as `name` (the spec) or `title` (the form definition's own key). */
  form: { key: string; name?: FlowText | null; title?: FlowText | null; fields: FieldDefinition[] };
  editable: string[];
  allow: { transfer: boolean; addSigner: boolean; return: boolean };
  returnTargets: NodeRef[];
  instance: InstanceView;
}

/** What every task action answers. */
export interface TaskActionResult {
  task: TaskView;
  instance: InstanceView;
}
