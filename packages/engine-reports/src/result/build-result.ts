import type { Locale } from '@kiln/engine-forms';
import type { Catalog } from '../catalog.js';
import { resultColumns, type CompiledReport } from '../compile/compile-report.js';
import { OTHERS_KEY } from '../compile/drill.js';
import { treeColumns } from '../compile/tree.js';
import { chartOption } from '../chart/chart-option.js';
import { localized } from '../text.js';
import type { ReportDefinition, ReportResult, ResultColumn } from '../types.js';
import { toNumber } from './format.js';
import { dimensionLabel, OTHERS_LABEL } from './labels.js';

const OTHERS_FLAG = 'kiln__others';

function dimensionValue(valueType: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (valueType) {
    case 'number':
    case 'money':
    case 'relation':
      return toNumber(v);
    case 'boolean':
      return v === true || v === 't' || v === 'true';
    case 'date':
    case 'datetime':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    default:
      return String(v);
  }
}

function measureValue(valueType: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (valueType === 'date' || valueType === 'datetime') return v instanceof Date ? v.toISOString() : String(v);
  return toNumber(v);
}

/**
 * Turns the driver's rows into the data API's answer `{columns, rows, chart}`: numbers from
 * pg's strings (bigint, numeric), a label column per labelled dimension (select options, region
 * names, 是/否 · Yes/No, bucket periods, relation display values), the topN "others" row keyed
 * `OTHERS_KEY`, the KPI's previous row, and the ECharts option. Money stays in fen in `rows`.
 */
export function buildResult(
  def: ReportDefinition,
  compiled: CompiledReport,
  rows: readonly Record<string, unknown>[],
  previousRows: readonly Record<string, unknown>[] | undefined,
  opts: { catalog: Catalog; locale: Locale },
): ReportResult {
  const locale: Locale = opts.locale === 'en' ? 'en' : 'zh-CN';
  const limit = compiled.limit ?? Number.POSITIVE_INFINITY;
  const truncated = rows.length > limit;
  const kept = truncated ? rows.slice(0, limit) : rows;
  if (compiled.kind === 'tree') return treeResult(def, compiled, kept, truncated, locale);

  const columns = resultColumns(compiled.dimensions, compiled.measures, locale);
  const shape = (row: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const isOthers = row[OTHERS_FLAG] === true || row[OTHERS_FLAG] === 't';
    compiled.dimensions.forEach((d, i) => {
      if (i === 0 && isOthers) {
        out[d.id] = OTHERS_KEY;
        if (d.labelKey) out[d.labelKey] = localized(OTHERS_LABEL, locale);
        return;
      }
      const v = dimensionValue(d.valueType, row[d.id]);
      out[d.id] = v;
      if (d.labelKey) out[d.labelKey] = dimensionLabel(d, v, row[d.labelKey], locale);
    });
    for (const m of compiled.measures) out[m.id] = measureValue(m.valueType, row[m.id]);
    return out;
  };
  const shaped = kept.map(shape);
  const previous = previousRows && previousRows[0] ? shape(previousRows[0]) : undefined;
  const chart = chartOption(def, columns, shaped, { locale, ...(previous ? { previous } : {}) });
  return { columns, rows: shaped, chart, ...(previous ? { previous } : {}), ...(truncated ? { truncated } : {}) };
}

function treeResult(def: ReportDefinition, compiled: CompiledReport, rows: readonly Record<string, unknown>[], truncated: boolean, locale: Locale): ReportResult {
  const columns: ResultColumn[] = compiled.tree ? treeColumns(compiled.tree.label, compiled.measures, locale) : compiled.columns.map((c) => ({ ...c }));
  const shaped = rows.map((row) => {
    const out: Record<string, unknown> = {
      id: toNumber(row.id),
      parent: toNumber(row.parent),
      depth: toNumber(row.depth),
      label: row.label === null || row.label === undefined ? `#${String(row.id)}` : String(row.label),
    };
    for (const m of compiled.measures) out[m.id] = measureValue(m.valueType, row[m.id]);
    return out;
  });
  const counts = new Map<number, number>();
  for (const r of shaped) counts.set(r.depth as number, (counts.get(r.depth as number) ?? 0) + 1);
  const levels = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([depth, count]) => ({ depth, count }));
  const chart = chartOption(def, columns, shaped, { locale });
  return { columns, rows: shaped, chart, levels, ...(truncated ? { truncated } : {}) };
}
