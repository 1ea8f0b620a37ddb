import { useEffect } from 'react';
import { refreshCards } from '../store/dashboard-ui';
import { useDashboard } from './useDashboard';

/** The shortest refresh interval the runtime accepts (seconds). */
const MIN_SECONDS = 5;

/** Recomputes every card each `refreshSeconds` (off when 0 or absent), as the published dashboard will. */
export function useRefreshInterval(): void {
  const { refreshSeconds } = useDashboard();
  useEffect(() => {
    if (!refreshSeconds || refreshSeconds < MIN_SECONDS) return;
    const timer = window.setInterval(refreshCards, refreshSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [refreshSeconds]);
}
