import type { DashboardProblem } from '../store/dashboard-ui';
import { useProblems } from './useProblems';

/** The problems at a path of the dashboard or below it (`/items/2` covers `/items/2/report`). */
export function usePathProblems(path: string): DashboardProblem[] {
  return useProblems().filter((p) => p.path === path || p.path.startsWith(`${path}/`));
}
