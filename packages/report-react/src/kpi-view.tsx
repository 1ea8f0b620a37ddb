import type { ReportResult } from '@kiln/engine-reports';
import { measuresOf } from './columns';
import { formatValue, toNumber } from './format-value';
import { msg, type ReportLocale } from './messages';

/**
 * A KPI card: the first measure as a big number with its label and, when the server sent the
 * previous period's row, the change (▲ green / ▼ red, percent of the previous value). Further
 * measures are listed small underneath.
 * @internal
 */
export function KpiView({ result, locale }: { result: ReportResult; locale: ReportLocale }) {
  const [main, ...rest] = measuresOf(result.columns);
  const row = result.rows[0] ?? {};
  if (!main) return null;
  const value = row[main.key];
  return (
    <div className="kr-kpi">
      <div className="kr-kpi-label">{main.label}</div>
      <div className="kr-kpi-value" data-testid="kpi-value">
        {formatValue(value, main.format, locale) || '—'}
      </div>
      {result.previous && <Change now={value} before={result.previous[main.key]} format={main.format} locale={locale} />}
      {rest.length > 0 && (
        <dl className="kr-kpi-more">
          {rest.map((c) => (
            <div key={c.key}>
              <dt>{c.label}</dt>
              <dd>{formatValue(row[c.key], c.format, locale) || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function Change({ now, before, format, locale }: { now: unknown; before: unknown; format: Parameters<typeof formatValue>[1]; locale: ReportLocale }) {
  const a = toNumber(now);
  const b = toNumber(before);
  if (b === undefined) return <div className="kr-kpi-change kr-muted">{msg(locale, 'noPrevious')}</div>;
  const prevText = msg(locale, 'previous', { value: formatValue(b, format, locale) });
  if (a === undefined) return <div className="kr-kpi-change kr-muted">{prevText}</div>;
  const diff = a - b;
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  // A percentage of zero is meaningless; for percent figures the change is shown in points.
  const pct = format === 'percent' ? `${(diff * 100).toFixed(1)} pt` : b !== 0 ? formatValue(Math.abs(diff / b), 'percent', locale) : '';
  return (
    <div className={`kr-kpi-change kr-${dir}`} data-testid="kpi-change" data-direction={dir}>
      <span className="kr-kpi-arrow" aria-hidden="true">
        {dir === 'up' ? '▲' : dir === 'down' ? '▼' : '–'}
      </span>
      {pct && <span>{format === 'percent' ? pct.replace('-', '') : pct}</span>}
      <span className="kr-muted">{prevText}</span>
    </div>
  );
}
