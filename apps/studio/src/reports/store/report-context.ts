import type { FormDefinition } from '@kiln/engine-forms';
import { create } from 'zustand';

/** The app around the report being edited. */
export interface ReportContextState {
  app: string;
  /** The route's report key (the stored draft key). */
  reportKey: string;
  /** Draft forms of the app, by key (dataset picker, field palette, validation). */
  forms: Record<string, FormDefinition>;
}

/** The app context of the report designer, loaded with the report. */
export const useReportContext = create<ReportContextState>(() => ({ app: '', reportKey: '', forms: {} }));
