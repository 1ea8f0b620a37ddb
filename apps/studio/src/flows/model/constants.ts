import { APPROVAL_MODES, ESCALATIONS, NODE_TYPES, START_TRIGGERS, type InstanceResult } from '@kiln/engine-flow';

/** Node types in palette order (the engine's order: start first, end last). */
export const PALETTE_TYPES = NODE_TYPES;

/** How a flow can start. */
export const START_TRIGGER_LIST = START_TRIGGERS;

/** Approval modes: 或签 any, 会签 all, or a share. */
export const MODE_LIST = APPROVAL_MODES;

/** What an overdue approval does. */
export const ESCALATION_LIST = ESCALATIONS;

/** Results an instance can finish with (the flow's `results` mapping). */
export const RESULT_LIST = ['approved', 'rejected', 'completed', 'withdrawn', 'cancelled', 'failed'] as const satisfies readonly InstanceResult[];

/** Results an end node can set. */
export const END_RESULT_LIST = ['approved', 'rejected', 'completed'] as const satisfies readonly InstanceResult[];

/** The platform's roles (contract: Roles). */
export const ROLE_LIST = ['admin', 'builder', 'operator', 'promoter'] as const;

/** Assignee kinds in picker order. */
export const ASSIGNEE_KINDS = ['users', 'group', 'role', 'field', 'manager', 'initiator', 'expression'] as const;

/** The handle of an approval's approve outcome (an approval edge without a handle is one too). */
export const HANDLE_APPROVE = 'approve';
/** The handle of an approval's reject outcome. */
export const HANDLE_REJECT = 'reject';
/** The handle of a condition's fallback, taken when no branch holds. */
export const HANDLE_DEFAULT = 'default';
