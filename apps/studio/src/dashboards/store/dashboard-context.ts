import type { FormDefinition } from '@kiln/engine-forms';
import type { ReportDefinition } from '@kiln/engine-reports';
import { create } from 'zustand';

/** The app around the dashboard being edited. */
export interface DashboardContextState {
  app: string;
  /** The route's dashboard key (the stored draft key). */
  dashboardKey: string;
  /** The app's report drafts, by key (cards preview them; validation checks against them). */
  reports: Record<string, ReportDefinition>;
  /** The app's draft forms, by key (relation filters). */
  forms: Record<string, FormDefinition>;
}

/** The app context of the dashboard editor, loaded with the dashboard. */
export const useDashboardContext = create<DashboardContextState>(() => ({ app: '', dashboardKey: '', reports: {}, forms: {} }));
