import { currentLocale } from '../../../shared/i18n';
import { formatTime, relativeTime } from '../../lib/time-format';

/** A `<time>` showing an ISO time relative to now, the exact local time as its tooltip. */
export function RelTime({ at, testId }: { at: string | null | undefined; testId?: string }) {
  const locale = currentLocale();
  if (!at) return <span className="muted">—</span>;
  return (
    <time dateTime={at} title={formatTime(at, locale)} data-testid={testId}>
      {relativeTime(at, locale)}
    </time>
  );
}
