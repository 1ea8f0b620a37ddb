import type { ReportDefinition } from '@kiln/engine-reports';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { formMap } from '../../reports/model/form-map';
import { normalizeReport } from '../../reports/model/normalize';
import { normalizeDashboard } from '../model/normalize';
import { useDashboardContext } from '../store/dashboard-context';
import { dashboardDoc } from '../store/dashboard-store';
import { resetDashboardUi } from '../store/dashboard-ui';

/** Loads the dashboard draft, the app's report drafts and draft forms into the editor's stores. */
export function useLoadDashboard(app: string, key: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    Promise.all([
      endpoints.getDashboard(app, key),
      endpoints.listReports(app).catch(() => ({ items: [] })),
      endpoints.listForms(app).catch(() => ({ items: [] })),
    ]).then(
      ([draft, reports, forms]) => {
        if (!live) return;
        const dashboard = normalizeDashboard(draft.definition, key);
        const reportMap: Record<string, ReportDefinition> = {};
        for (const r of reports.items) reportMap[r.key] = normalizeReport(r.definition, r.key);
        useDashboardContext.setState({ app, dashboardKey: key, reports: reportMap, forms: formMap(forms.items) });
        dashboardDoc.load(dashboard);
        resetDashboardUi(JSON.stringify(dashboard));
        setState({ loaded: true, error: undefined });
      },
      (error: unknown) => live && setState({ loaded: false, error }),
    );
    return () => {
      live = false;
    };
  }, [app, key]);
  return state;
}
