import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { formMap } from '../model/form-map';
import { normalizeReport } from '../model/normalize';
import { useReportContext } from '../store/report-context';
import { reportDoc } from '../store/report-store';
import { resetReportUi } from '../store/report-ui';
import { resetPreview } from '../store/preview-store';

/** Loads the report draft and the app's draft forms into the designer's stores; returns the load state. */
export function useLoadReport(app: string, key: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    Promise.all([endpoints.getReport(app, key), endpoints.listForms(app).catch(() => ({ items: [] }))]).then(
      ([draft, forms]) => {
        if (!live) return;
        const report = normalizeReport(draft.definition, key);
        useReportContext.setState({ app, reportKey: key, forms: formMap(forms.items) });
        reportDoc.load(report);
        resetReportUi(JSON.stringify(report));
        resetPreview();
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
