import type { ResultColumn, ReportResult } from '@kiln/engine-reports';
import { cellText, dimensionText, isDrillable, usedLabelKeys } from './columns';
import type { DrillStepInput } from './drill-target';
import { msg, type ReportLocale } from './messages';

interface Props {
  result: ReportResult;
  locale: ReportLocale;
  onDrill?: (step: DrillStepInput) => void;
}

/**
 * The result as an HTML table: one column per result column (label columns that name a
 * dimension are folded into it), measures right-aligned and formatted. A dimension cell is a
 * button when `onDrill` is set (`report-cell-<row>-<column>`).
 * @internal
 */
export function TableView({ result, locale, onDrill }: Props) {
  const folded = usedLabelKeys(result.columns);
  const cols = result.columns.filter((c) => !folded.has(c.key));
  return (
    <div className="kr-table-wrap">
      <table className="kr-table" data-testid="report-table">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.key} className={c.role === 'measure' ? 'kr-num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c.key} className={c.role === 'measure' ? 'kr-num' : undefined} data-testid={`report-cell-${i}-${c.key}`}>
                  <Cell row={row} col={c} locale={locale} onDrill={onDrill} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One cell; a drillable dimension value is a link-styled button. @internal */
export function Cell({ row, col, locale, onDrill }: { row: Readonly<Record<string, unknown>>; col: ResultColumn; locale: ReportLocale; onDrill?: (step: DrillStepInput) => void }) {
  const text = cellText(row, col, locale);
  const value = row[col.key];
  if (col.role !== 'dimension' || !onDrill || !isDrillable(value)) return <>{text}</>;
  return (
    <button type="button" className="kr-drill" title={msg(locale, 'drill')} onClick={() => onDrill({ dimension: col.key, value, label: dimensionText(row, col) })}>
      {text || '—'}
    </button>
  );
}
