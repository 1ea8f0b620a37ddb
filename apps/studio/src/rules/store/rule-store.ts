import type { RuleDefinition } from '@kiln/engine-rules';
import { temporal } from 'zundo';
import { create } from 'zustand';
import { newTriggerRule } from '../model/new-rule';

interface RuleState {
  rule: RuleDefinition;
}

/**
 * The rule being edited. Only this is tracked by undo/redo (zundo); save state, problems and
 * the test console live in their own stores.
 */
export const useRuleStore = create<RuleState>()(
  temporal(() => ({ rule: newTriggerRule('', { 'zh-CN': '', en: '' }) as RuleDefinition }), {
    partialize: (s) => ({ rule: s.rule }),
    equality: (a, b) => a.rule === b.rule,
    limit: 200,
  }),
);

/** The temporal (undo/redo) side of the rule store. */
export const ruleHistory = useRuleStore.temporal;

let lastGroup: string | null = null;
let lastAt = 0;
const GROUP_WINDOW_MS = 1200;

/**
 * Commits a new rule as one undo step. Successive edits with the same `group` (typing into one
 * input, keyed by its path) within a short window merge, so Ctrl+Z undoes a word, not a key.
 */
export function commitRule(next: RuleDefinition, group?: string): void {
  if (next === useRuleStore.getState().rule) return;
  const now = Date.now();
  const merge = group !== undefined && group === lastGroup && now - lastAt < GROUP_WINDOW_MS;
  lastGroup = group ?? null;
  lastAt = now;
  if (merge) {
    ruleHistory.getState().pause();
    useRuleStore.setState({ rule: next });
    ruleHistory.getState().resume();
  } else {
    useRuleStore.setState({ rule: next });
  }
}

/** Ends any edit group so the next edit starts a fresh undo step. */
export function breakUndoGroup(): void {
  lastGroup = null;
}

/** Loads a rule fresh from the server: replaces it and forgets the undo history. */
export function loadRule(rule: RuleDefinition): void {
  ruleHistory.getState().pause();
  useRuleStore.setState({ rule });
  ruleHistory.getState().resume();
  ruleHistory.getState().clear();
  breakUndoGroup();
}
