import { endpoints } from '../../api/endpoints';
import type { RuleTestFacts } from '../../api/types';
import i18n from '../../i18n';
import { useConsoleStore } from '../store/console-store';
import { storedRule } from '../store/persist';
import { useRuleContext } from '../store/rule-context';
import { useRuleStore } from '../store/rule-store';

/** Parses the console's facts: a JSON object (empty text = no facts), else an Error to show. */
export function parseFacts(text: string): RuleTestFacts | Error {
  if (!text.trim()) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return new Error(i18n.t('rules.console.factsNotObject'));
    return v as RuleTestFacts;
  } catch (e) {
    return new Error(i18n.t('rules.console.badJson', { message: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * Dry-runs the CURRENT (unsaved) rule with the console's facts (`POST …/rules/test`). Effects
 * are not applied; an error keeps its path so its expression shows it inline.
 */
export async function runTest(): Promise<void> {
  const facts = parseFacts(useConsoleStore.getState().facts);
  if (facts instanceof Error) {
    useConsoleStore.setState({ requestError: facts, response: null });
    return;
  }
  const { app } = useRuleContext.getState();
  const ranJson = JSON.stringify(useRuleStore.getState().rule);
  useConsoleStore.setState({ running: true, requestError: undefined });
  try {
    const response = await endpoints.testRule(app, storedRule(), facts);
    useConsoleStore.setState({ running: false, response, ranJson, inlineError: response.ok ? null : response.error });
  } catch (e) {
    useConsoleStore.setState({ running: false, response: null, requestError: e, inlineError: null });
  }
}
