import { useEffect, useRef, type RefObject } from 'react';
import { echarts } from './echarts-setup';
import type { ChartClick } from './drill-target';
import type { ReportLocale } from './messages';

/** Colour scheme of a chart: `dark` for the wall-screen mode. */
export type ReportTheme = 'light' | 'dark';

/**
 * Runs one ECharts instance on the div of `ref`: created on mount (again when the locale or
 * theme changes, which ECharts only takes at init), `option` applied with `notMerge` so a
 * drill step never keeps series of the previous level, resized with the element and disposed
 * on unmount. `onClick` is read through a ref so a new callback does not re-create the chart.
 * @internal
 */
export function useECharts(
  ref: RefObject<HTMLDivElement | null>,
  option: Record<string, unknown>,
  locale: ReportLocale,
  theme: ReportTheme,
  onClick?: (click: ChartClick) => void,
): void {
  const chartRef = useRef<echarts.ECharts | undefined>(undefined);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, theme === 'dark' ? 'dark' : undefined, { locale: locale === 'en' ? 'EN' : 'ZH', renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params as ChartClick));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = undefined;
    };
  }, [ref, locale, theme]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(option, true);
    // The dark theme paints its own background; let the card's colour show through instead.
    if (theme === 'dark') chart.setOption({ backgroundColor: 'transparent' });
  }, [option, locale, theme]);
}
