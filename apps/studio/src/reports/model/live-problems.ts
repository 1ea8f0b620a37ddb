import type { FormDefinition } from '@kiln/engine-forms';
import { validateReport, type ReportDefinition } from '@kiln/engine-reports';
import type { EditorReportProblem } from './editor-problem';
import { toPointer } from './problem-target';

/**
 * The problems `validateReport` finds in the report against the app's draft forms, as the
 * designer shows them (paths as JSON pointers). A validator crash on a half-edited report is
 * shown as one problem rather than breaking the page.
 */
export function liveProblems(def: ReportDefinition, forms: Readonly<Record<string, FormDefinition>>, locale: 'zh-CN' | 'en'): EditorReportProblem[] {
  try {
    return validateReport(def, { forms, locale }).map((p) => ({ source: 'live', code: p.code, message: p.message, path: toPointer(p.path) }));
  } catch (e) {
    return [{ source: 'live', code: 'REPORT_INVALID', message: e instanceof Error ? e.message : String(e), path: '' }];
  }
}
