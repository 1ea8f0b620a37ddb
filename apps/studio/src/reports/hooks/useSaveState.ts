import { useShallow } from 'zustand/react/shallow';
import { useReportUi, type ReportUiState } from '../store/report-ui';

const selectSaveState = (s: ReportUiState) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): Pick<ReportUiState, 'busy' | 'result'> {
  return useReportUi(useShallow(selectSaveState));
}
