import type { DashboardDefinition, DashboardFilter } from '@kiln/engine-reports';
import type { Layout } from 'react-grid-layout';
import { addItem, applyLayout } from '../model/layout';
import { dashboardDoc } from './dashboard-store';
import { useDashboardUi } from './dashboard-ui';

const current = () => dashboardDoc.useDoc.getState().doc;

function step(next: DashboardDefinition): void {
  dashboardDoc.breakGroup();
  dashboardDoc.commit(next);
  dashboardDoc.breakGroup();
}

/**
 * The dashboard editor's commands; each is one undo step (`group` merges keystrokes).
 *
 * @example dashboardEdit.addReport('sales_by_campaign');
 */
export const dashboardEdit = {
  update(fn: (d: DashboardDefinition) => DashboardDefinition, group?: string) {
    dashboardDoc.commit(fn(current()), group);
  },
  /** Places a report as a new card. */
  addReport(report: string) {
    step(addItem(current(), report).def);
  },
  /** Takes the positions of the grid after a drag or resize. */
  layout(layout: Layout) {
    step(applyLayout(current(), layout));
  },
  removeItem(id: string) {
    step({ ...current(), items: current().items.filter((i) => i.id !== id) });
  },
  /** Adds a shared filter and opens its properties. */
  addFilter(filter: DashboardFilter) {
    const filters = [...(current().filters ?? []), filter];
    step({ ...current(), filters });
    useDashboardUi.setState((s) => ({ selectedFilter: filters.length - 1, revision: s.revision + 1 }));
  },
  removeFilter(index: number) {
    const { filters: _f, ...rest } = current();
    const filters = (current().filters ?? []).filter((_, i) => i !== index);
    step(filters.length ? { ...rest, filters } : rest);
    useDashboardUi.setState({ selectedFilter: null });
  },
  undo: dashboardDoc.undo,
  redo: dashboardDoc.redo,
};
