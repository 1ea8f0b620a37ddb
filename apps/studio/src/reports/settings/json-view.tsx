import { useTranslation } from 'react-i18next';
import { useReport } from '../hooks/useReport';

/** The report definition as JSON (read-only), as it is saved. */
export function JsonView() {
  const { t } = useTranslation();
  const report = useReport();
  return (
    <div className="report-json">
      <div className="prop-hint">{t('reports.jsonHint')}</div>
      <pre data-testid="report-json">{JSON.stringify(report, null, 2)}</pre>
    </div>
  );
}
