import { useMemo, type ReactNode } from 'react';
import type { Measure, ResultColumn, ReportResult, Visual } from '@kiln/engine-reports';
import { isDrillable } from './columns';
import type { DrillStepInput } from './drill-target';
import { formatValue } from './format-value';
import { msg, type ReportLocale } from './messages';
import { buildPivot, type PivotKey } from './pivot';

interface Props {
  result: ReportResult;
  visual: Visual;
  measures?: readonly Measure[];
  locale: ReportLocale;
  onDrill?: (step: DrillStepInput) => void;
}

/** Consecutive column keys sharing the first `depth` values, for merged header cells. */
function spans(keys: readonly PivotKey[], depth: number): { key: PivotKey; count: number }[] {
  const out: { key: PivotKey; count: number }[] = [];
  for (const k of keys) {
    const last = out[out.length - 1];
    if (last && JSON.stringify(last.key.values.slice(0, depth)) === JSON.stringify(k.values.slice(0, depth))) last.count++;
    else out.push({ key: k, count: 1 });
  }
  return out;
}

/**
 * A cross-tab: row headers × column headers, each measure per column group, a total column
 * and a total row. Header cells of a dimension drill (`pivot-row-<i>-<dim>`, `pivot-col-<i>-<dim>`).
 * @internal
 */
export function PivotView({ result, visual, measures, locale, onDrill }: Props) {
  const p = useMemo(() => buildPivot(result, visual, measures), [result, visual, measures]);
  const m = p.measures.length;
  const hasCols = p.colDims.length > 0;
  const headRows = (hasCols ? p.colDims.length : 0) + (m > 1 || !hasCols ? 1 : 0);
  const fmt = (v: number | undefined, c: ResultColumn) => formatValue(v, c.format, locale);
  const total = msg(locale, 'total');

  const head = (dim: ResultColumn, key: PivotKey, level: number, testId: string): ReactNode => {
    const value = key.values[level];
    const label = key.labels[level] || '—';
    if (!onDrill || !isDrillable(value)) return label;
    return (
      <button type="button" className="kr-drill" data-testid={testId} title={msg(locale, 'drill')} onClick={() => onDrill({ dimension: dim.key, value, label })}>
        {label}
      </button>
    );
  };

  const header: ReactNode[] = [];
  for (let level = 0; level < headRows; level++) {
    const cells: ReactNode[] = [];
    if (level === 0 && !p.rowDims.length) cells.push(<th key="corner" rowSpan={headRows} className="kr-pivot-corner" />);
    if (level === 0)
      p.rowDims.forEach((d) =>
        cells.push(
          <th key={`rd-${d.key}`} rowSpan={headRows} className="kr-pivot-corner">
            {d.label}
          </th>,
        ),
      );
    if (hasCols && level < p.colDims.length) {
      const dim = p.colDims[level];
      spans(p.colKeys, level + 1).forEach(({ key, count }, i) =>
        cells.push(
          <th key={`c-${i}`} colSpan={count * m} className="kr-pivot-col">
            {head(dim, key, level, `pivot-col-${i}-${dim.key}`)}
          </th>,
        ),
      );
      if (level === 0)
        cells.push(
          <th key="total" colSpan={m} rowSpan={p.colDims.length} className="kr-pivot-total">
            {total}
          </th>,
        );
    } else {
      for (const ck of hasCols ? [...p.colKeys, undefined] : [undefined])
        for (const c of p.measures)
          cells.push(
            <th key={`${ck?.id ?? 'total'}-${c.key}`} className="kr-num">
              {c.label}
            </th>,
          );
    }
    header.push(<tr key={level}>{cells}</tr>);
  }

  return (
    <div className="kr-table-wrap">
      <table className="kr-table kr-pivot" data-testid="report-pivot">
        <thead>{header}</thead>
        <tbody>
          {p.rowKeys.map((rk, i) => {
            const prev = p.rowKeys[i - 1];
            return (
              <tr key={rk.id}>
                {!p.rowDims.length && <th scope="row" className="kr-pivot-row" />}
                {p.rowDims.map((d, level) => {
                  // Nested row headers: repeat a value only where its group starts.
                  const same = prev && JSON.stringify(prev.values.slice(0, level + 1)) === JSON.stringify(rk.values.slice(0, level + 1));
                  return (
                    <th key={d.key} scope="row" className="kr-pivot-row">
                      {same ? '' : head(d, rk, level, `pivot-row-${i}-${d.key}`)}
                    </th>
                  );
                })}
                {p.colKeys.map((ck) =>
                  p.measures.map((c) => (
                    <td key={`${ck.id}-${c.key}`} className="kr-num">
                      {fmt(p.cell(rk.id, ck.id, c.key), c)}
                    </td>
                  )),
                )}
                {hasCols &&
                  p.measures.map((c) => (
                    <td key={`t-${c.key}`} className="kr-num kr-pivot-total">
                      {fmt(p.rowTotal(rk.id, c.key), c)}
                    </td>
                  ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="kr-pivot-total" data-testid="pivot-total-row">
            <th scope="row" colSpan={Math.max(1, p.rowDims.length)}>
              {total}
            </th>
            {p.colKeys.map((ck) =>
              p.measures.map((c) => (
                <td key={`${ck.id}-${c.key}`} className="kr-num">
                  {fmt(hasCols ? p.colTotal(ck.id, c.key) : p.grandTotal(c.key), c)}
                </td>
              )),
            )}
            {hasCols &&
              p.measures.map((c) => (
                <td key={`g-${c.key}`} className="kr-num">
                  {fmt(p.grandTotal(c.key), c)}
                </td>
              ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
