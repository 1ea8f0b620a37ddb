import type { Locale } from '@kiln/engine-forms';
import { chartValue, formatValue, toNumber } from '../result/format.js';
import type { ReportDefinition, ResultColumn } from '../types.js';
import { chartColumns, nameOf, plotted, seriesName } from './axes.js';
import { cartesianOption } from './cartesian.js';
import { pivotTable } from './pivot.js';

/**
 * A pure ECharts option (JSON only, no functions) for a report's rows: bar, stacked_bar, line,
 * area, pie, donut, funnel → series; kpi → a title-based option with the value, the previous
 * period's value and the change; table/pivot → `dataset.source` (clients render tables from
 * columns/rows); tree → a `tree` series with nested children. Money is charted in yuan and named
 * (元)/(CNY); percent as 0–100 named (%).
 */
export function chartOption(
  def: ReportDefinition,
  columns: readonly ResultColumn[],
  rows: readonly Record<string, unknown>[],
  opts: { locale: Locale; previous?: Record<string, unknown> },
): Record<string, unknown> {
  const locale: Locale = opts.locale === 'en' ? 'en' : 'zh-CN';
  const cols = chartColumns(columns);
  const type = def.visual.type;
  switch (type) {
    case 'bar':
    case 'stacked_bar':
    case 'line':
    case 'area':
      return cartesianOption(type, def.visual.smooth === true, cols, rows, locale);
    case 'pie':
    case 'donut':
    case 'funnel': {
      const d = cols.dims[0];
      const m = cols.measures[0];
      const data = m ? rows.map((row) => ({ name: d ? nameOf(d, row) : m.label, value: plotted(m, row) })) : [];
      const name = m ? seriesName(m, locale) : '';
      const series =
        type === 'funnel'
          ? { type: 'funnel', name, sort: 'descending', left: '10%', width: '80%', label: { show: true, position: 'inside' }, data }
          : { type: 'pie', name, radius: type === 'donut' ? ['40%', '70%'] : '70%', data };
      return { tooltip: { trigger: 'item' }, legend: { data: data.map((x) => x.name) }, series: [series] };
    }
    case 'kpi':
      return kpiOption(cols.measures, rows[0], opts.previous, locale);
    case 'pivot': {
      const table = pivotTable(def, columns, rows, locale, (c, v) => chartValue(v, c.format));
      return { dataset: { source: [table.header, ...table.rows] }, kiln: { pivot: { rows: def.visual.pivot?.rows ?? [], columns: def.visual.pivot?.columns ?? [] } } };
    }
    case 'tree':
      return treeOption(cols.measures, rows, locale);
    default: {
      const shown = columns.filter((c) => c.role !== 'dimension' || !c.labelKey);
      return { dataset: { dimensions: shown.map((c) => c.label), source: rows.map((r) => shown.map((c) => (c.role === 'measure' ? plotted(c, r) : r[c.key] ?? null))) } };
    }
  }
}

function kpiOption(measures: readonly ResultColumn[], row: Record<string, unknown> | undefined, previous: Record<string, unknown> | undefined, locale: Locale): Record<string, unknown> {
  const m = measures[0];
  if (!m) return { title: { text: '—' } };
  const value = toNumber(row?.[m.key]);
  const prev = previous ? toNumber(previous[m.key]) : null;
  const change = value !== null && prev !== null && prev !== 0 ? Math.round(((value - prev) / Math.abs(prev)) * 10_000) / 100 : null;
  const changeText = change === null ? '' : `${change > 0 ? '▲' : change < 0 ? '▼' : ''} ${Math.abs(change)}%`;
  const prevText = previous ? `${locale === 'en' ? 'Previous' : '上期'} ${formatValue(prev, m.format, locale)}` : '';
  return {
    title: {
      text: formatValue(value, m.format, locale),
      subtext: [m.label, prevText, changeText].filter(Boolean).join('  '),
      left: 'center',
      top: 'middle',
      textStyle: { fontSize: 36, fontWeight: 'bold' },
      subtextStyle: { fontSize: 14 },
    },
    kiln: {
      kpi: { label: m.label, value: plotted(m, row), previous: previous ? plotted(m, previous) : null, change, format: m.format ?? 'number', unit: seriesName(m, locale).slice(m.label.length).trim() },
    },
  };
}

interface TreeNode {
  name: string;
  value: number | null;
  id: number;
  children: TreeNode[];
}

function treeOption(measures: readonly ResultColumn[], rows: readonly Record<string, unknown>[], locale: Locale): Record<string, unknown> {
  const m = measures[0];
  const nodes = new Map<number, TreeNode>();
  for (const r of rows) nodes.set(r.id as number, { name: String(r.label ?? ''), value: m ? plotted(m, r) : null, id: r.id as number, children: [] });
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id as number)!;
    const parent = r.depth === 0 ? undefined : nodes.get(r.parent as number);
    if (parent) parent.children.push(node);
    else if (r.depth === 0) roots.push(node);
  }
  return {
    tooltip: { trigger: 'item', triggerOn: 'mousemove' },
    series: [
      {
        type: 'tree',
        name: m ? seriesName(m, locale) : '',
        data: roots,
        top: '5%', left: '10%', bottom: '5%', right: '20%',
        symbolSize: 8,
        initialTreeDepth: -1,
        label: { position: 'left', verticalAlign: 'middle', align: 'right' },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
        expandAndCollapse: true,
      },
    ],
  };
}
