import type { DashboardDefinition } from '@kiln/engine-reports';
import { useDashboardStore } from '../store/dashboard-store';

const selectDoc = (s: { doc: DashboardDefinition }) => s.doc;

/** The dashboard being edited. */
export function useDashboard(): DashboardDefinition {
  return useDashboardStore(selectDoc);
}
