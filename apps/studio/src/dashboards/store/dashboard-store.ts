import type { DashboardDefinition } from '@kiln/engine-reports';
import { createDocStore } from '../../reports/store/doc-store';
import { bumpRevision } from './dashboard-ui';

const EMPTY: DashboardDefinition = { key: '', name: { 'zh-CN': '', en: '' }, items: [] };

/** The dashboard being edited, with its undo / redo history. */
export const dashboardDoc = createDocStore<DashboardDefinition>(EMPTY, bumpRevision);

/** The zustand hook of the edited dashboard (`s.doc`). */
export const useDashboardStore = dashboardDoc.useDoc;
