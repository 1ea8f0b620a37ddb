import { ColumnsSection } from './columns-section';
import { DrillSection } from './drill-section';
import { NameSection } from './name-section';
import { ParamsSection } from './params-section';
import { SortSection } from './sort-section';

/** The report tab: name, parameters, computed columns, sort / limit / top-N, drill-down. */
export function ReportSettings() {
  return (
    <div className="settings-panel report-settings" data-testid="report-settings">
      <NameSection />
      <ParamsSection />
      <SortSection />
      <DrillSection />
      <ColumnsSection />
    </div>
  );
}
