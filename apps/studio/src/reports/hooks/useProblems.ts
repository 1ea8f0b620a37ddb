import { useMemo } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import type { EditorReportProblem } from '../model/editor-problem';
import { toPointer } from '../model/problem-target';
import { usePreviewStore, type PreviewState } from '../store/preview-store';
import { useReportContext, type ReportContextState } from '../store/report-context';
import { useReportUi, type ReportUiState } from '../store/report-ui';
import { useReport } from './useReport';

const selectLive = (s: ReportUiState) => s.liveProblems;
const selectServer = (s: ReportUiState) => s.serverProblems;
const selectServerJson = (s: ReportUiState) => s.serverJson;
const selectPreview = (s: PreviewState) => s.problems;
const selectKey = (s: ReportContextState) => s.reportKey;

function dedupe(list: EditorReportProblem[]): EditorReportProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const id = `${p.path}|${p.code}|${p.message}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/**
 * Every problem of this report: the live validation, the server's preview refusal, and this
 * report's part of the last refused publish — the latter only until the report is edited.
 */
export function useProblems(): EditorReportProblem[] {
  const live = useReportUi(selectLive);
  const server = useReportUi(selectServer);
  const serverJson = useReportUi(selectServerJson);
  const preview = usePreviewStore(selectPreview);
  const key = useReportContext(selectKey);
  const report = useReport();
  const locale = useLocale();
  const current = useMemo(() => (server.length ? JSON.stringify(report) === serverJson : false), [server, report, serverJson]);
  return useMemo(() => {
    const published = current
      ? server
          .filter((p) => p.kind === 'reports' && p.key === key)
          .map((p): EditorReportProblem => ({ source: 'publish', code: p.code, message: pick(p.message, locale), path: toPointer(p.path) }))
      : [];
    const previewed = preview.map((p): EditorReportProblem => ({ source: 'preview', code: p.code, message: p.message, path: toPointer(p.path) }));
    return dedupe([...live, ...previewed, ...published]);
  }, [live, server, current, key, locale, preview]);
}
