import { useCallback } from 'react';
import type { EditorReportProblem } from '../model/editor-problem';
import { problemTarget, type ReportSection } from '../model/problem-target';
import { useReportStore } from '../store/report-store';
import { select, useReportUi } from '../store/report-ui';

/** Sections shown in the report tab of the inspector (the others live in the centre). */
const IN_REPORT_TAB = new Set<ReportSection>(['name', 'params', 'sort', 'drill', 'columns']);
const FLASH_MS = 1600;

function flash(section: ReportSection): void {
  const el = document.querySelector<HTMLElement>(`[data-section="${section}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add('is-flash');
  window.setTimeout(() => el.classList.remove('is-flash'), FLASH_MS);
}

/**
 * Shows where a problem is: selects its chip, parameter or computed column (opening its
 * properties), or brings its section into view and flashes it.
 */
export function useFocusProblem(): (p: EditorReportProblem) => void {
  return useCallback((p) => {
    const target = problemTarget(useReportStore.getState().doc, p.path);
    if (target.selection) return select(target.selection);
    if (IN_REPORT_TAB.has(target.section)) useReportUi.setState({ tab: 'report' });
    // The tab renders on the next frame; then the section can scroll into view.
    window.setTimeout(() => flash(target.section), 60);
  }, []);
}
