import { useReportUi, type ReportUiState } from '../store/report-ui';
import type { Selection } from '../model/selection';

const selectSelected = (s: ReportUiState) => s.selected;

/** The selected chip, parameter or computed column, if any. */
export function useSelected(): Selection | null {
  return useReportUi(selectSelected);
}
