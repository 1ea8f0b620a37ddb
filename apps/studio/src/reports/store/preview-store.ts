import { create } from 'zustand';
import type { Visual } from '@kiln/engine-reports';
import type { DrillStepInput, ReportPreviewResult } from '../../api/endpoints';

/** A problem the server found in the previewed report (422 `details.problems`). */
export interface PreviewProblem {
  code: string;
  path: string;
  message: string;
}

/** A drill step taken in the preview, with the text of the clicked value (breadcrumbs). */
export type PreviewDrillStep = DrillStepInput & { label: string };

/**
 * Where the live preview stands: `idle` (nothing to show yet), `invalid` (the report has
 * problems: no request), `loading`, `ok`, `error` (the server refused or failed).
 */
export type PreviewStatus = 'idle' | 'invalid' | 'loading' | 'ok' | 'error';

/** State of {@link usePreviewStore}. */
export interface PreviewState {
  status: PreviewStatus;
  result: ReportPreviewResult | null;
  /** The visual the result was computed for (the report's may have changed since). */
  visual: Visual | null;
  error: unknown;
  problems: PreviewProblem[];
  /** Parameter values typed above the chart, by key (absent: the parameter's default). */
  paramValues: Record<string, string>;
  /** Drill-down steps taken by clicking the chart. */
  drill: PreviewDrillStep[];
}

const INITIAL: PreviewState = { status: 'idle', result: null, visual: null, error: undefined, problems: [], paramValues: {}, drill: [] };

/** The report designer's live preview (not part of the report, not undone). */
export const usePreviewStore = create<PreviewState>(() => ({ ...INITIAL }));

/** Forgets the preview of the previous report. */
export function resetPreview(): void {
  usePreviewStore.setState({ ...INITIAL });
}

/** Sets (or with `''` clears) a parameter's preview value; the drill-down starts over. */
export function setParamValue(key: string, value: string): void {
  usePreviewStore.setState((s) => {
    const paramValues = { ...s.paramValues };
    if (value === '') delete paramValues[key];
    else paramValues[key] = value;
    return { paramValues, drill: [] };
  });
}

/** Adds a drill-down step (a click on a bar or slice). */
export function drillInto(step: PreviewDrillStep): void {
  usePreviewStore.setState((s) => ({ drill: [...s.drill, step] }));
}

/** Goes back to `depth` drill steps (0: the top). */
export function drillBack(depth: number): void {
  usePreviewStore.setState((s) => ({ drill: s.drill.slice(0, depth) }));
}

/** Keeps a parameter's preview value when its key is renamed. */
export function renamePreviewParam(from: string, to: string): void {
  usePreviewStore.setState((s) => {
    if (from === to || !(from in s.paramValues)) return s;
    const { [from]: value, ...rest } = s.paramValues;
    return { paramValues: { ...rest, [to]: value } };
  });
}
