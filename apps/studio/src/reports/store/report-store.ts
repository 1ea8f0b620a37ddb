import type { ReportDefinition } from '@kiln/engine-reports';
import { createDocStore } from './doc-store';
import { bumpRevision } from './report-ui';

const EMPTY: ReportDefinition = { key: '', name: { 'zh-CN': '', en: '' }, dataset: { form: '' }, dimensions: [], measures: [], visual: { type: 'bar' } };

/** The report being edited, with its undo / redo history. */
export const reportDoc = createDocStore<ReportDefinition>(EMPTY, bumpRevision);

/** The zustand hook of the edited report (`s.doc`). */
export const useReportStore = reportDoc.useDoc;
