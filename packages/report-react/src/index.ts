/**
 * @kiln/report-react — report results in the browser. `ReportView` renders what the data API
 * answers (`{columns, rows, chart, previous?}`) as the definition's visual: ECharts charts (only
 * the chart types reports use are registered), a KPI card, a table, a client-side pivot or a tree.
 * It does no fetching, so the studio's live preview and the runtime dashboards share it. The
 * stylesheet is imported by the component; it is also exported as `@kiln/report-react/report-view.css`.
 */
export type { ReportViewProps } from './report-view';
export type { DrillStepInput as ReportDrillStep } from './drill-target';
export type { ReportLocale } from './messages';
export type { ReportTheme } from './use-echarts';
export { ReportView } from './report-view';
export { formatValue } from './format-value';
/** @internal exposed for hosts that want the same cross-tab (e.g. a CSV preview). */
export { buildPivot } from './pivot';
export { drillTarget } from './drill-target';
