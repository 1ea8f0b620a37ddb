import type { DashboardDefinition } from '@kiln/engine-reports';
import { endpoints } from '../../api/endpoints';
import { errorResult, publishApp } from '../../reports/store/publish-app';
import { useDashboardContext } from './dashboard-context';
import { useDashboardStore } from './dashboard-store';
import { useDashboardUi } from './dashboard-ui';

/** The dashboard as stored: always under the route's key. */
export function storedDashboard(): DashboardDefinition {
  const { dashboardKey } = useDashboardContext.getState();
  const doc = useDashboardStore.getState().doc;
  return { ...doc, key: dashboardKey || doc.key };
}

/** Saves the draft (`PUT /api/apps/{app}/dashboards/{key}`). */
export async function saveDashboardDraft(): Promise<boolean> {
  const { app, dashboardKey } = useDashboardContext.getState();
  const snapshot = useDashboardStore.getState().doc;
  useDashboardUi.setState({ busy: 'saving', result: null });
  try {
    await endpoints.saveDashboard(app, dashboardKey, storedDashboard());
    useDashboardUi.setState({ savedJson: JSON.stringify(snapshot), busy: null, result: { kind: 'saved' } });
    return true;
  } catch (e) {
    useDashboardUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/** Saves, then publishes the app; a refusal lists the problems of every draft (this dashboard's until it is edited). */
export async function publishDashboardApp(): Promise<void> {
  if (!(await saveDashboardDraft())) return;
  const { app } = useDashboardContext.getState();
  const json = JSON.stringify(useDashboardStore.getState().doc);
  useDashboardUi.setState({ busy: 'publishing', result: null });
  const { result, problems } = await publishApp(app);
  useDashboardUi.setState({ busy: null, result, serverProblems: problems, serverJson: json });
}
