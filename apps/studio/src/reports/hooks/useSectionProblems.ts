import type { EditorReportProblem } from '../model/editor-problem';
import type { ReportSection } from '../model/problem-target';
import { useProblemTargets } from './useProblemTargets';

const NONE: EditorReportProblem[] = [];

/** The problems shown on one section of the designer (dataset, a well as a whole, visual, sort, …). */
export function useSectionProblems(section: ReportSection): EditorReportProblem[] {
  return useProblemTargets().bySection.get(section) ?? NONE;
}
