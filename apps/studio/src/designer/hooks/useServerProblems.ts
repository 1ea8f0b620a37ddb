import type { PublishProblem } from '../../api/types';
import { useDesignerUi } from '../store/ui-store';

const selectServerProblems = (s: { serverProblems: PublishProblem[] }) => s.serverProblems;

/** Problems the server reported on the last refused publish (all drafts of the app). */
export function useServerProblems(): PublishProblem[] {
  return useDesignerUi(selectServerProblems);
}
