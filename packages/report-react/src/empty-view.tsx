import { msg, type ReportLocale } from './messages';

/** The "no data" state of any visual. @internal */
export function EmptyView({ locale }: { locale: ReportLocale }) {
  return (
    <div className="kr-empty" data-testid="report-empty">
      <span className="kr-empty-icon" aria-hidden="true">
        ∅
      </span>
      <strong>{msg(locale, 'noData')}</strong>
      <span className="kr-muted">{msg(locale, 'noDataHint')}</span>
    </div>
  );
}
