import type { FlowProblem } from '@kiln/engine-flow';

/**
 * A problem as the flow editor shows it: from the live validation (`validateFlow`), from an
 * expression check, or from a refused publish. `path` points into the node's `data` when
 * `nodeId` is set (e.g. `/rejectWhen`, `/assignees/0`), else into the definition.
 */
export interface EditorFlowProblem {
  source: 'live' | 'expr' | 'publish';
  code: FlowProblem['code'] | string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
  severity: 'error' | 'warning';
  /** Character range in the expression at `path`. */
  from?: number;
  to?: number;
}
