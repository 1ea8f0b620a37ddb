import type { EditorReportProblem } from '../model/editor-problem';
import type { SelectionKind } from '../model/selection';
import { selectionKey, useProblemTargets } from './useProblemTargets';

const NONE: EditorReportProblem[] = [];

/** The problems shown on one chip, parameter or computed column. */
export function useSelectionProblems(kind: SelectionKind, id: string): EditorReportProblem[] {
  return useProblemTargets().bySelection.get(selectionKey(kind, id)) ?? NONE;
}
