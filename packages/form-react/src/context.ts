import type { Locale } from '@kiln/engine-forms';
import { NO_FORMULA_PREVIEW, type FormulaPreview } from './formula-preview';

/** One choice offered by a relation or user picker. */
export interface PickerOption {
  id: number;
  label: string;
}

/**
 * The I/O a form needs but must not do itself: the host (runtime pages, studio preview) decides
 * how records and users are fetched. Every method may reject; pickers then show "no results".
 */
export interface KilnFormPorts {
  /** Records of form `target` (same app) whose display text matches `query` ('' = first page). */
  searchRecords(target: string, query: string): Promise<PickerOption[]>;
  /** The label of one record, for showing a stored value; falls back to `#id` when missing. */
  labelOfRecord?(target: string, id: number): Promise<string>;
  /** Users matching `query`; without it the user field is a plain number input. */
  searchUsers?(query: string): Promise<PickerOption[]>;
}

/** What every Kiln widget and template reads from rjsf's `formContext`. @internal */
export interface KilnFormContext {
  locale: Locale;
  ports: KilnFormPorts;
  /** Computed formula values (see KilnFormProps.computeFormulas). */
  formulas: FormulaPreview;
}

/** Reads the Kiln context from a registry's formContext, tolerating a host that forgot it. @internal */
export function kilnContext(formContext: unknown): KilnFormContext {
  const ctx = formContext as Partial<KilnFormContext> | undefined;
  return {
    locale: ctx?.locale === 'en' ? 'en' : 'zh-CN',
    ports: ctx?.ports ?? { searchRecords: async () => [] },
    formulas: ctx?.formulas ?? NO_FORMULA_PREVIEW,
  };
}
