import { useMemo } from 'react';
import { useReportUi, type ReportUiState } from '../store/report-ui';
import { useReport } from './useReport';

const selectSaved = (s: ReportUiState) => s.savedJson;

/** True when the report differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const report = useReport();
  const saved = useReportUi(selectSaved);
  return useMemo(() => JSON.stringify(report) !== saved, [report, saved]);
}
