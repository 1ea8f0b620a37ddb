import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../shared/i18n';
import { flowText } from '../../lib/flow-text';
import type { TimelineEntry } from '../../lib/flow-types';
import { formatTime } from '../../lib/time-format';
import { QUIET_TYPES, SLA_TYPES, nodeNames, timelineWhat } from './timeline-text';

/**
 * An instance's history as a vertical list, oldest first (`timeline`): each `timeline-entry`
 * (`data-type` = the history type, `data-sla` on deadline events) shows the time
 * (`timeline-time`), who (`timeline-user`, "system" when nobody), what (`timeline-what`), the
 * node (`timeline-node`) and the comment (`timeline-comment`). Bookkeeping entries (a token
 * entering / leaving a node) are hidden until `timeline-all` is clicked (`data-all` says which).
 */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [all, setAll] = useState(false);
  const names = useMemo(() => nodeNames(entries), [entries]);
  const quiet = entries.filter((e) => QUIET_TYPES.has(e.type)).length;
  const shown = all ? entries : entries.filter((e) => !QUIET_TYPES.has(e.type));
  if (!entries.length) return <p className="muted" data-testid="timeline-empty">{t('timeline.empty')}</p>;
  return (
    <div className="timeline-wrap">
      <ol className="timeline" data-testid="timeline" data-all={String(all)} aria-label={t('timeline.title')}>
        {shown.map((e, i) => {
          const sla = SLA_TYPES.has(e.type);
          const cls = ['timeline-entry', sla ? 'timeline-sla' : '', QUIET_TYPES.has(e.type) ? 'timeline-quiet' : '', e.type === 'failed' || e.type.endsWith('rejected') ? 'timeline-bad' : ''];
          return (
            <li key={i} className={cls.filter(Boolean).join(' ')} data-testid="timeline-entry" data-type={e.type} data-sla={sla ? 'true' : undefined}>
              <div className="timeline-head">
                <time className="muted small" dateTime={e.at} data-testid="timeline-time">{formatTime(e.at, locale)}</time>
                {sla && <span className="badge badge-danger small" data-testid="timeline-sla">{t('timeline.sla')}</span>}
              </div>
              <div>
                <strong data-testid="timeline-user">{e.user?.name ?? t('timeline.system')}</strong>{' '}
                <span data-testid="timeline-what">{timelineWhat(e, locale, t, names)}</span>
                {e.node && (
                  <span className="muted" data-testid="timeline-node">
                    {' '}· {flowText(e.nodeName, locale, e.node)}
                  </span>
                )}
              </div>
              {e.comment && (
                <blockquote className="timeline-comment" data-testid="timeline-comment">
                  {e.comment}
                </blockquote>
              )}
            </li>
          );
        })}
      </ol>
      {quiet > 0 && (
        <button type="button" className="link-button small" data-testid="timeline-all" aria-pressed={all} onClick={() => setAll((a) => !a)}>
          {all ? t('timeline.hideSteps') : t('timeline.showSteps', { count: quiet })}
        </button>
      )}
    </div>
  );
}
