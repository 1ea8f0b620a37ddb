import type { RowFilter } from '@kiln/engine-reports';
import type { CurrentUser } from '../context.js';

/**
 * The viewer's row permissions for reports, as SQL conditions per form (the compiler ANDs them
 * onto every table a report reads, and a report with any condition never reads a rollup).
 * Today every role that may see reports sees every row of the app; the permissions work
 * (row-level policies) fills this hook.
 */
export function reportRowFilter(_user: CurrentUser): RowFilter | undefined {
  return undefined;
}
