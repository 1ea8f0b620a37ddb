import type { Locale } from '@kiln/engine-forms';
import type { VisualType } from '../types.js';
import { axisName, categories, plotted, seriesName, type ChartColumns } from './axes.js';

/**
 * bar, stacked_bar, line, area: categories of the first dimension on the x axis; one series per
 * measure, or — with a second dimension — one per value of it (first measure; each measure when
 * there are several). Percent measures beside others go onto a second y axis.
 * @internal
 */
export function cartesianOption(type: VisualType, smooth: boolean, cols: ChartColumns, rows: readonly Record<string, unknown>[], locale: Locale): Record<string, unknown> {
  const [d1, d2] = cols.dims;
  const cats = d1 ? categories(d1, rows) : [{ key: 'null', name: '' }];
  const catIndex = new Map(cats.map((c, i) => [c.key, i] as const));
  const percentApart = cols.measures.some((m) => m.format === 'percent') && cols.measures.some((m) => m.format !== 'percent');
  const axisOf = (format: string | undefined) => (percentApart && format === 'percent' ? 1 : 0);
  const kind = type === 'line' || type === 'area' ? 'line' : 'bar';
  const style = (extra: Record<string, unknown>) => ({
    type: kind,
    ...(type === 'stacked_bar' ? { stack: 'total' } : {}),
    ...(type === 'area' ? { areaStyle: {}, ...(cols.measures.length > 1 || d2 ? { stack: 'total' } : {}) } : {}),
    ...(kind === 'line' && smooth ? { smooth: true } : {}),
    ...extra,
  });
  const series: Record<string, unknown>[] = [];
  const slot = (row: Record<string, unknown>) => (d1 ? catIndex.get(JSON.stringify(row[d1.key] ?? null)) : 0);
  if (d2) {
    const split = categories(d2, rows);
    for (const m of cols.measures) {
      for (const s of split) {
        const data: (number | null)[] = cats.map(() => null);
        for (const row of rows) {
          if (JSON.stringify(row[d2.key] ?? null) !== s.key) continue;
          const i = slot(row);
          if (i !== undefined) data[i] = plotted(m, row);
        }
        const name = cols.measures.length > 1 ? `${s.name} · ${seriesName(m, locale)}` : s.name;
        series.push(style({ name, data, yAxisIndex: axisOf(m.format) }));
      }
    }
  } else {
    for (const m of cols.measures) {
      const data: (number | null)[] = cats.map(() => null);
      for (const row of rows) {
        const i = slot(row);
        if (i !== undefined) data[i] = plotted(m, row);
      }
      series.push(style({ name: seriesName(m, locale), data, yAxisIndex: axisOf(m.format) }));
    }
  }
  const left = cols.measures.filter((m) => axisOf(m.format) === 0);
  const right = cols.measures.filter((m) => axisOf(m.format) === 1);
  const yAxis = [{ type: 'value', name: axisName(left, locale) }, ...(right.length ? [{ type: 'value', name: '%', position: 'right' }] : [])];
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name) },
    grid: { containLabel: true },
    xAxis: { type: 'category', data: cats.map((c) => c.name), ...(d1 ? { name: d1.label } : {}), ...(kind === 'line' ? { boundaryGap: false } : {}) },
    yAxis: yAxis.length === 1 ? yAxis[0] : yAxis,
    series,
  };
}
