import { useEffect, useState } from 'react';

/** The shortest auto-refresh interval a dashboard may ask for. */
export const MIN_REFRESH_SECONDS = 5;

/**
 * A counter that goes up every `seconds` (at least 5) while not `paused` and while the tab is
 * visible; a hidden tab catches up with one refresh when it comes back. Off when `seconds` is 0
 * or absent.
 */
export function useAutoRefresh(seconds: number | undefined, paused: boolean): number {
  const [tick, setTick] = useState(0);
  const every = seconds && seconds > 0 ? Math.max(MIN_REFRESH_SECONDS, seconds) : 0;
  useEffect(() => {
    if (!every || paused) return;
    let missed = false;
    const id = window.setInterval(() => {
      if (document.hidden) missed = true;
      else setTick((n) => n + 1);
    }, every * 1000);
    const onVisible = () => {
      if (!document.hidden && missed) {
        missed = false;
        setTick((n) => n + 1);
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [every, paused]);
  return tick;
}
