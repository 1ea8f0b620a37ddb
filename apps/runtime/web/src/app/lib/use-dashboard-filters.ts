import { useCallback, useMemo } from 'react';
import type { DashboardFilter } from '@kiln/engine-reports';
import { navigate, useLocation } from '../../shared/router';
import { filterValues } from './dashboard-params';
import type { ReportParams } from './reports-api';

/** The dashboard's filter values (from the URL, with defaults) and a setter that writes them back. */
export function useDashboardFilters(filters: readonly DashboardFilter[] | undefined): { values: ReportParams; key: string; set(param: string, value: string): void } {
  const { pathname, search } = useLocation();
  const qs = search.toString();
  const values = useMemo(() => filterValues(filters, new URLSearchParams(qs)), [filters, qs]);
  const set = useCallback(
    (param: string, value: string) => {
      const p = new URLSearchParams(qs);
      p.set(param, value);
      navigate(`${pathname}?${p.toString()}`, { replace: true });
    },
    [pathname, qs],
  );
  return { values, key: JSON.stringify(values), set };
}
