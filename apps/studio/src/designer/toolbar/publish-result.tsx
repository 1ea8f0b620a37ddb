import { SaveResultBadge } from '../../ui/save-result-badge';
import { useSaveState } from '../hooks/useSaveState';

/** The outcome of the last save / publish of the form (`publish-result`). */
export function PublishResultBadge() {
  return <SaveResultBadge result={useSaveState().result} testId="publish-result" />;
}
