import { useMemo } from 'react';
import type { EditorReportProblem } from '../model/editor-problem';
import { problemTarget, type ReportSection } from '../model/problem-target';
import type { SelectionKind } from '../model/selection';
import { useProblems } from './useProblems';
import { useReport } from './useReport';

/** The report's problems indexed by where they show: `<kind>:<id>` of chips, and sections. */
export interface ProblemIndex {
  bySelection: Map<string, EditorReportProblem[]>;
  bySection: Map<ReportSection, EditorReportProblem[]>;
}

/** The key of a selection in {@link ProblemIndex.bySelection}. */
export const selectionKey = (kind: SelectionKind, id: string) => `${kind}:${id}`;

/** Groups the report's problems by the chip, parameter, column or section they point at. */
export function useProblemTargets(): ProblemIndex {
  const problems = useProblems();
  const report = useReport();
  return useMemo(() => {
    const bySelection = new Map<string, EditorReportProblem[]>();
    const bySection = new Map<ReportSection, EditorReportProblem[]>();
    for (const p of problems) {
      const t = problemTarget(report, p.path);
      if (t.selection) {
        const k = selectionKey(t.selection.kind, t.selection.id);
        bySelection.set(k, [...(bySelection.get(k) ?? []), p]);
      } else {
        bySection.set(t.section, [...(bySection.get(t.section) ?? []), p]);
      }
    }
    return { bySelection, bySection };
  }, [problems, report]);
}
