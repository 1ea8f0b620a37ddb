import type { FlowErrorCode } from '@kiln/engine-flow';

/** HTTP status of each interpreter refusal when it reaches the API. */
export const FLOW_ERROR_STATUS: Partial<Record<FlowErrorCode | (string & {}), number>> = {
  FLOW_TASK_NOT_OPEN: 409,
  FLOW_NOT_RUNNING: 409,
  FLOW_WITHDRAW_REFUSED: 409,
  FLOW_NOT_ALLOWED: 403,
  FLOW_RETURN_INVALID: 422,
  FLOW_NODE_NOT_FOUND: 404,
  FLOW_EVENT_INVALID: 422,
};
