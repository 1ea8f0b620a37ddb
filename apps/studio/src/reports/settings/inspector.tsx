import { useTranslation } from 'react-i18next';
import { PropsPanel } from '../props/props-panel';
import { useReportUi, type ReportTab, type ReportUiState } from '../store/report-ui';
import { JsonView } from './json-view';
import { ReportSettings } from './report-settings';

const TABS: ReportTab[] = ['props', 'report', 'json'];
const selectTab = (s: ReportUiState) => s.tab;

/** The right column: the selected chip's properties, the report's settings, or its JSON. */
export function ReportInspector() {
  const { t } = useTranslation();
  const tab = useReportUi(selectTab);
  return (
    <aside className="inspector flow-inspector report-inspector" data-testid="report-inspector" data-tab={tab}>
      <div className="flow-tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'flow-tab is-active' : 'flow-tab'} onClick={() => useReportUi.setState({ tab: k })} data-testid={`report-tab-${k}`}>
            {t(`reports.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div className="flow-inspector-body">
        {tab === 'props' && <PropsPanel />}
        {tab === 'report' && <ReportSettings />}
        {tab === 'json' && <JsonView />}
      </div>
    </aside>
  );
}
