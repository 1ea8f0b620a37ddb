import type { ReportDefinition } from '@kiln/engine-reports';
import { endpoints } from '../../api/endpoints';
import { errorResult, publishApp } from './publish-app';
import { useReportContext } from './report-context';
import { useReportStore } from './report-store';
import { useReportUi } from './report-ui';

/** The report as stored: always under the route's key (the draft is never renamed here). */
export function storedReport(): ReportDefinition {
  const { reportKey } = useReportContext.getState();
  const doc = useReportStore.getState().doc;
  return { ...doc, key: reportKey || doc.key };
}

/** Saves the draft (`PUT /api/apps/{app}/reports/{key}`). */
export async function saveReportDraft(): Promise<boolean> {
  const { app, reportKey } = useReportContext.getState();
  const snapshot = useReportStore.getState().doc;
  useReportUi.setState({ busy: 'saving', result: null });
  try {
    await endpoints.saveReport(app, reportKey, storedReport());
    useReportUi.setState({ savedJson: JSON.stringify(snapshot), busy: null, result: { kind: 'saved' } });
    return true;
  } catch (e) {
    useReportUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/**
 * Saves, then publishes the app. A refusal lists the problems of every draft: this report's are
 * shown on its chips and in its problem list (until it is edited), the others link to their drafts.
 */
export async function publishReportApp(): Promise<void> {
  if (!(await saveReportDraft())) return;
  const { app } = useReportContext.getState();
  const json = JSON.stringify(useReportStore.getState().doc);
  useReportUi.setState({ busy: 'publishing', result: null });
  const { result, problems } = await publishApp(app);
  useReportUi.setState({ busy: null, result, serverProblems: problems, serverJson: json });
}
