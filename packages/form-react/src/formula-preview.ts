/**
 * What the host's `computeFormulas` answers: the formula values by field key (in their API
 * value shapes: money in fen, dates as ISO strings) and, per field, why a formula could not be
 * computed. A field missing from `values` keeps showing the value the form was given.
 */
export interface FormulaComputation {
  values: Record<string, unknown>;
  errors?: Record<string, string>;
}

/**
 * Computes a form's formula fields from the other values (the host calls the server, which
 * evaluates formulas in its sandbox). Rejecting shows a "could not compute" note under every
 * formula field.
 *
 * @example
 * const computeFormulas: ComputeFormulas = (values) => api.post(`/api/apps/${app}/compute`, { formKey, values });
 */
export type ComputeFormulas = (values: Record<string, unknown>) => Promise<FormulaComputation>;

/** The formula values formula widgets show, as kept in the form context. @internal */
export interface FormulaPreview {
  /** The form has formula fields and the host passed `computeFormulas`. */
  enabled: boolean;
  /** The last computed values by field key. */
  values: Record<string, unknown>;
  /** Per field key: why its formula could not be computed. */
  errors: Record<string, string>;
  /** A computation is scheduled or running (the shown values may be stale). */
  pending: boolean;
}

/** No preview: widgets show the values the form was given. @internal */
export const NO_FORMULA_PREVIEW: FormulaPreview = Object.freeze({ enabled: false, values: {}, errors: {}, pending: false });

/** The field key a top-level widget id names (`kf.total` → `total`), or undefined for nested ids. @internal */
export function topLevelKey(id: string, separator: string): string | undefined {
  const segments = id.split(separator);
  return segments.length === 2 ? segments[1] : undefined;
}
