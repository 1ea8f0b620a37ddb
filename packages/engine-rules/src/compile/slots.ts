import type { FactContext } from '../helpers.js';
import type { ActionSpec, DecisionTableDefinition, RuleDefinition, TriggerRuleDefinition } from '../types.js';
import { ptr } from './pointer.js';

/** The role of an expression in its definition (what its value is used for). */
export const SLOT_ROLES = ['condition', 'when', 'forEach', 'values', 'match', 'id', 'entries', 'record', 'payload', 'users', 'title', 'body', 'message', 'input', 'then'] as const;
export type SlotRole = (typeof SLOT_ROLES)[number];

/** One expression of a rule definition: where it is, what it sees, and its source. */
export interface ExpressionSlot {
  /** JSON pointer into the definition, e.g. `/actions/1/values/amount`. */
  readonly path: string;
  readonly source: string;
  readonly context: FactContext;
  readonly role: SlotRole;
  /** May be left out (then it is skipped instead of being an empty expression). */
  readonly optional: boolean;
  /** Index into `actions` (trigger rules) or `rows` (tables, `then`). */
  readonly index?: number;
  /** Field key of a `values` / `match` entry, output id of a `then` cell. */
  readonly key?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An update action in the first draft of the format, where `id` was the expression of the record
 * to update (now `record`, with `id` the action's own id). Still accepted, with a warning.
 */
export function isLegacyUpdate(a: unknown): boolean {
  const x = a as Record<string, unknown> | null;
  return !!x && typeof x === 'object' && x.type === 'update' && x.record === undefined && typeof x.id === 'string';
}

/** Optional expressions that are empty strings count as absent (the studio clears a field to ''). */
export function isBlank(v: unknown): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

function actionSlots(a: ActionSpec, n: number): ExpressionSlot[] {
  const out: ExpressionSlot[] = [];
  const raw = a as unknown as Record<string, unknown>;
  const add = (role: SlotRole, prop: string, optional: boolean) => {
    const v = raw[prop];
    if (typeof v !== 'string' || (optional && isBlank(v))) return;
    out.push({ path: ptr('actions', n, prop), source: v, context: 'action', role, optional, index: n });
  };
  const mapping = (role: 'values' | 'match') => {
    const m = raw[role];
    if (!isObject(m)) return;
    for (const [key, v] of Object.entries(m)) {
      if (typeof v === 'string') out.push({ path: ptr('actions', n, role, key), source: v, context: 'action', role, optional: false, index: n, key });
    }
  };
  add('forEach', 'forEach', true);
  add('when', 'when', true);
  switch (a.type) {
    case 'create':
      mapping('values');
      break;
    case 'update':
      if (isLegacyUpdate(a)) add('id', 'id', false);
      else add('record', 'record', false);
      mapping('values');
      break;
    case 'upsert':
      mapping('match');
      mapping('values');
      break;
    case 'ledger':
      add('entries', 'entries', false);
      break;
    case 'flow':
      add('record', 'record', true);
      break;
    case 'connector':
      add('payload', 'payload', false);
      break;
    case 'notify':
      add('users', 'users', true);
      add('title', 'title', false);
      add('body', 'body', true);
      break;
    case 'reject':
      add('message', 'message', false);
      break;
    default:
      break;
  }
  return out;
}

function triggerSlots(def: TriggerRuleDefinition): ExpressionSlot[] {
  const out: ExpressionSlot[] = [];
  if (typeof def.condition === 'string' && !isBlank(def.condition)) {
    out.push({ path: '/condition', source: def.condition, context: 'trigger', role: 'condition', optional: true });
  }
  if (Array.isArray(def.actions)) def.actions.forEach((a, n) => isObject(a) && out.push(...actionSlots(a, n)));
  return out;
}

function tableSlots(def: DecisionTableDefinition): ExpressionSlot[] {
  const out: ExpressionSlot[] = [];
  if (Array.isArray(def.inputs)) {
    def.inputs.forEach((c, i) => {
      if (isObject(c) && typeof c.expression === 'string') out.push({ path: ptr('inputs', i, 'expression'), source: c.expression, context: 'table', role: 'input', optional: false, index: i });
    });
  }
  if (Array.isArray(def.rows)) {
    def.rows.forEach((r, i) => {
      if (!isObject(r) || !isObject(r.then)) return;
      for (const [key, v] of Object.entries(r.then)) {
        // An empty output cell means "no value" (null), as in a spreadsheet.
        if (typeof v === 'string' && !isBlank(v)) out.push({ path: ptr('rows', i, 'then', key), source: v, context: 'table', role: 'then', optional: true, index: i, key });
      }
    });
  }
  return out;
}

/**
 * Every expression of a rule definition (not decision-table `when` cells, which have their own
 * grammar, see `parseCell`), in definition order. Tolerates malformed drafts: parts of the wrong
 * shape are skipped (the shape checks report them).
 *
 * @example
 * expressionSlots(rule).map((s) => s.path) // ['/condition', '/actions/0/when', '/actions/0/values/amount']
 */
export function expressionSlots(def: RuleDefinition): ExpressionSlot[] {
  if (!isObject(def)) return [];
  if (def.type === 'trigger') return triggerSlots(def);
  if (def.type === 'table') return tableSlots(def);
  return [];
}
