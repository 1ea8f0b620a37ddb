import { useRuleContext, type RuleContextState } from '../store/rule-context';

const selectFlows = (s: RuleContextState) => s.flows;
const selectConnectors = (s: RuleContextState) => s.connectors;

/** Keys of the app's draft flows or connectors (suggestions for free-text pickers). */
export function useDraftKeys(kind: 'flows' | 'connectors'): string[] {
  const flows = useRuleContext(selectFlows);
  const connectors = useRuleContext(selectConnectors);
  return kind === 'flows' ? flows : connectors;
}
