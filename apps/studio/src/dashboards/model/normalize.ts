import type { DashboardDefinition } from '@kiln/engine-reports';

/** A stored dashboard draft made safe to edit: `items` is a list; unknown properties are kept. */
export function normalizeDashboard(raw: unknown, key: string): DashboardDefinition {
  const d = (raw && typeof raw === 'object' ? raw : {}) as Partial<DashboardDefinition>;
  return { ...d, key: d.key || key, name: d.name ?? key, items: Array.isArray(d.items) ? d.items : [] };
}

/** A new, empty dashboard. */
export function newDashboard(key: string, name: DashboardDefinition['name']): DashboardDefinition {
  return { key, name, items: [] };
}
