import { checkHeader } from './shape-header.js';
import { checkTableShape } from './shape-table.js';
import { checkTriggerShape } from './shape-trigger.js';
import type { Reporter } from './reporter.js';

/**
 * The shape checks of one rule definition (RULE_INVALID): header, then the trigger or table
 * parts. They need no schema, so the compiler runs them too and leaves out rules that fail.
 * @internal
 */
export function checkShape(rep: Reporter, key: string, def: unknown): void {
  const obj = checkHeader(rep, key, def);
  if (!obj) return;
  if (obj.type === 'trigger') checkTriggerShape(rep, obj);
  else if (obj.type === 'table') checkTableShape(rep, obj);
}
