import { useTranslation } from 'react-i18next';
import type { Locale } from '@kiln/engine-forms';
import { MIN_REFRESH_SECONDS } from '../../lib/use-auto-refresh';

interface Props {
  seconds?: number;
  paused: boolean;
  lastUpdated?: Date;
  locale: Locale;
  onTogglePause(): void;
  onRefresh(): void;
}

/**
 * The dashboard's refresh controls: the auto-refresh indicator (`dashboard-autorefresh`, with
 * `data-state="running|paused"`) and its pause toggle (`dashboard-refresh-pause`) when the
 * dashboard refreshes itself, "last updated" (`dashboard-updated`) and refresh-all (`dashboard-refresh`).
 */
export function RefreshControl({ seconds, paused, lastUpdated, locale, onTogglePause, onRefresh }: Props) {
  const { t } = useTranslation();
  const every = seconds && seconds > 0 ? Math.max(MIN_REFRESH_SECONDS, seconds) : 0;
  return (
    <div className="dash-refresh">
      {every > 0 && (
        <span className={`dash-auto ${paused ? 'is-paused' : 'is-running'}`} data-testid="dashboard-autorefresh" data-state={paused ? 'paused' : 'running'}>
          <span className="dash-auto-dot" aria-hidden="true" />
          {paused ? t('dashboard.paused') : t('dashboard.autoRefresh', { seconds: every })}
          <button type="button" className="btn btn-small" data-testid="dashboard-refresh-pause" aria-pressed={paused} onClick={onTogglePause}>
            {paused ? `▶ ${t('dashboard.resume')}` : `❚❚ ${t('dashboard.pause')}`}
          </button>
        </span>
      )}
      <span className="muted small" data-testid="dashboard-updated" aria-live="polite">
        {lastUpdated ? t('dashboard.updatedAt', { time: lastUpdated.toLocaleTimeString(locale) }) : t('dashboard.neverUpdated')}
      </span>
      <button type="button" className="btn btn-small" data-testid="dashboard-refresh" onClick={onRefresh}>
        ↻ {t('dashboard.refreshAll')}
      </button>
    </div>
  );
}
