import { useRef } from 'react';
import type { ReportResult } from '@kiln/engine-reports';
import { ChartDrillList } from './chart-drill-list';
import { drillTarget, type DrillStepInput } from './drill-target';
import type { ReportLocale } from './messages';
import { useECharts, type ReportTheme } from './use-echarts';

interface Props {
  result: ReportResult;
  locale: ReportLocale;
  theme: ReportTheme;
  height: number | string;
  onDrill?: (step: DrillStepInput) => void;
}

/**
 * A bar / line / area / pie / donut / funnel / tree chart: the server's ECharts option on a
 * canvas, plus the hidden-until-focused drill buttons when drilling is possible.
 * @internal
 */
export function ChartView({ result, locale, theme, height, onDrill }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useECharts(ref, result.chart, locale, theme, (click) => {
    if (!onDrill || (click.componentType && click.componentType !== 'series')) return;
    const step = drillTarget(result, click);
    if (step) onDrill(step);
  });
  return (
    <div className="kr-chart-wrap" style={{ height }}>
      <div ref={ref} className="kr-chart" />
      {onDrill && <ChartDrillList result={result} locale={locale} onDrill={onDrill} />}
    </div>
  );
}
