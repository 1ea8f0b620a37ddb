import type { ActionSpec, DecisionTableDefinition, RuleDefinition, TriggerRuleDefinition } from '@kiln/engine-rules';
import { updateAt } from '../model/list-ops';
import { breakUndoGroup, commitRule, ruleHistory, useRuleStore } from './rule-store';

const current = () => useRuleStore.getState().rule;

/**
 * The rule editor's commands. Each is one undo step; pass `group` (usually the edited path) to
 * merge successive keystrokes into one.
 *
 * @example ruleEdit.trigger((r) => ({ ...r, condition: 'record.total > 0' }), '/condition');
 */
export const ruleEdit = {
  /** Edits the whole rule. */
  rule(fn: (r: RuleDefinition) => RuleDefinition, group?: string) {
    commitRule(fn(current()), group);
  },
  /** Edits a trigger rule (a no-op on a decision table). */
  trigger(fn: (r: TriggerRuleDefinition) => TriggerRuleDefinition, group?: string) {
    const r = current();
    if (r.type === 'trigger') commitRule(fn(r), group);
  },
  /** Edits a decision table (a no-op on a trigger rule). */
  table(fn: (r: DecisionTableDefinition) => DecisionTableDefinition, group?: string) {
    const r = current();
    if (r.type === 'table') commitRule(fn(r), group);
  },
  /** Edits action `i` of a trigger rule. */
  action(i: number, fn: (a: ActionSpec) => ActionSpec, group?: string) {
    ruleEdit.trigger((r) => ({ ...r, actions: updateAt(r.actions, i, fn) }), group);
  },
  /** A structural edit (add / remove / move): never merged with typing. */
  structural(fn: (r: RuleDefinition) => RuleDefinition) {
    breakUndoGroup();
    commitRule(fn(current()));
    breakUndoGroup();
  },
  undo() {
    breakUndoGroup();
    ruleHistory.getState().undo();
  },
  redo() {
    breakUndoGroup();
    ruleHistory.getState().redo();
  },
};
