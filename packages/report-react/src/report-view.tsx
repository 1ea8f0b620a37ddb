import type { Measure, ReportResult, Visual } from '@kiln/engine-reports';
import { ChartView } from './chart-view';
import type { DrillStepInput } from './drill-target';
import { EmptyView } from './empty-view';
import { KpiView } from './kpi-view';
import { msg, type ReportLocale } from './messages';
import { PivotView } from './pivot-view';
import { TableView } from './table-view';
import { TreeView } from './tree-view';
import type { ReportTheme } from './use-echarts';
import './report-view.css';

/** Props of `ReportView`. */
export interface ReportViewProps {
  /** `{columns, rows, chart, previous?}` as the data API returns it. */
  result: ReportResult;
  /** The report definition's visual. */
  visual: Visual;
  /** The definition's measures (optional): pivot totals are shown only for measures that add up (sum, count, min, max). */
  measures?: readonly Measure[];
  locale: ReportLocale;
  /** Height of the visual (default 320 px); `'100%'` fills a sized parent such as a dashboard card. */
  height?: number | string;
  /** `dark` for a wall screen: dark chart theme and light text (default `light`). */
  theme?: ReportTheme;
  /**
   * A click on a bar / slice / line point / funnel stage, or on a dimension cell of a table or
   * pivot: the dimension id, its KEY value (a relation id, a bucket start) and the text shown.
   * Without it nothing is clickable.
   */
  onDrill?: (step: DrillStepInput) => void;
  testId?: string;
}

const CHARTS = new Set<Visual['type']>(['bar', 'stacked_bar', 'line', 'area', 'pie', 'donut', 'funnel']);

/**
 * Renders one report result as its visual: ECharts for charts (the option comes complete from
 * the server), a KPI card, an HTML table, a client-side pivot, or a tree with per-level counts.
 * An empty result shows a "no data" state, a cut one (`truncated`) a note. It fetches nothing:
 * the host passes the result in.
 *
 * @example
 * <ReportView result={data} visual={report.visual} locale="zh-CN" height="100%"
 *   onDrill={(s) => setDrill([...drill, s])} />
 */
export function ReportView({ result, visual, measures, locale, height = 320, theme = 'light', onDrill, testId }: ReportViewProps) {
  const empty = result.rows.length === 0;
  let body;
  if (empty) body = <EmptyView locale={locale} />;
  else if (visual.type === 'kpi') body = <KpiView result={result} locale={locale} />;
  else if (visual.type === 'table') body = <TableView result={result} locale={locale} onDrill={onDrill} />;
  else if (visual.type === 'pivot') body = <PivotView result={result} visual={visual} measures={measures} locale={locale} onDrill={onDrill} />;
  else if (visual.type === 'tree') body = <TreeView result={result} locale={locale} theme={theme} height="100%" />;
  else if (CHARTS.has(visual.type)) body = <ChartView result={result} locale={locale} theme={theme} height="100%" onDrill={onDrill} />;
  else body = <TableView result={result} locale={locale} onDrill={onDrill} />;
  return (
    <div className={`kr-view kr-visual-${visual.type} kr-theme-${theme}${onDrill ? ' kr-drillable' : ''}`} style={{ height }} data-testid={testId} data-visual={visual.type}>
      {body}
      {result.truncated && !empty && (
        <div className="kr-truncated kr-muted" data-testid="report-truncated">
          {msg(locale, 'truncated', { n: result.rows.length })}
        </div>
      )}
    </div>
  );
}
