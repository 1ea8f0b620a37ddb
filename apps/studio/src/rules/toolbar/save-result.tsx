import { SaveResultBadge as Badge } from '../../ui/save-result-badge';
import { useSaveState } from '../hooks/useSaveState';

/** The outcome of the last save / publish of the rule (`rule-result`, attribute `data-state`). */
export function SaveResultBadge() {
  return <Badge result={useSaveState().result} testId="rule-result" />;
}
