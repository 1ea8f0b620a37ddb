import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import { storedReport } from '../store/persist';
import { usePreviewStore, type PreviewProblem, type PreviewState } from '../store/preview-store';
import { useReportContext, type ReportContextState } from '../store/report-context';
import { useReportUi, type ReportUiState } from '../store/report-ui';
import { useReport } from './useReport';

/** Quiet time after the last edit before the preview is computed again. */
const DEBOUNCE_MS = 400;

const selectApp = (s: ReportContextState) => s.app;
const selectLive = (s: ReportUiState) => s.liveProblems;
const selectParams = (s: PreviewState) => s.paramValues;
const selectDrill = (s: PreviewState) => s.drill;

function serverProblems(e: unknown): PreviewProblem[] {
  const list = e instanceof ApiError ? (e.details as { problems?: PreviewProblem[] } | undefined)?.problems : undefined;
  return Array.isArray(list) ? list : [];
}

/**
 * Keeps the live preview up to date: 400 ms after the last change of the report, its parameter
 * values or drill steps, posts the unsaved report to `…/reports/_preview` (answers to older
 * requests are dropped). A report with live problems is not sent; the problems say why.
 */
export function usePreviewRunner(): void {
  const report = useReport();
  const app = useReportContext(selectApp);
  const live = useReportUi(selectLive);
  const params = usePreviewStore(selectParams);
  const drill = usePreviewStore(selectDrill);
  const seq = useRef(0);
  const dimensions = report.dimensions;

  // Another set of dimensions makes the drill steps meaningless.
  useEffect(() => usePreviewStore.setState({ drill: [] }), [dimensions]);

  useEffect(() => {
    const mine = ++seq.current;
    if (!report.dataset.form || live.length > 0) {
      usePreviewStore.setState({ status: report.dataset.form ? 'invalid' : 'idle', problems: [], error: undefined });
      return;
    }
    const timer = window.setTimeout(() => {
      const visual = report.visual;
      usePreviewStore.setState({ status: 'loading' });
      endpoints.previewReport(app, { definition: storedReport(), params, drill: drill.map(({ dimension, value }) => ({ dimension, value })) }).then(
        (result) => mine === seq.current && usePreviewStore.setState({ status: 'ok', result, visual, error: undefined, problems: [] }),
        (error: unknown) => mine === seq.current && usePreviewStore.setState({ status: 'error', error, problems: serverProblems(error) }),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [report, app, live, params, drill]);
}
