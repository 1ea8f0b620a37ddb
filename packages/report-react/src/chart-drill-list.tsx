import type { ReportResult } from '@kiln/engine-reports';
import { dimensionText, dimensionsOf, isDrillable } from './columns';
import type { DrillStepInput } from './drill-target';
import { msg, type ReportLocale } from './messages';

/**
 * The keyboard / screen-reader way to drill a chart: one button per group of the first
 * dimension (`report-drill-<rowIndex>`), visually hidden until one is focused. A canvas offers
 * nothing to tab to; this list does the same as a click on the bar or slice.
 * @internal
 */
export function ChartDrillList({ result, locale, onDrill }: { result: ReportResult; locale: ReportLocale; onDrill: (step: DrillStepInput) => void }) {
  const dim = dimensionsOf(result.columns)[0];
  if (!dim) return null;
  return (
    <ul className="kr-drill-list" aria-label={msg(locale, 'drill')}>
      {result.rows.map((row, i) => {
        const value = row[dim.key];
        if (!isDrillable(value)) return null;
        const label = dimensionText(row, dim) || '—';
        return (
          <li key={i}>
            <button type="button" data-testid={`report-drill-${i}`} data-label={label} onClick={() => onDrill({ dimension: dim.key, value, label })}>
              {label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
