import type { DrillParam } from '../../lib/reports-api';

/** A drill step as a card keeps it: the API's `{dimension, value}` plus the texts of the breadcrumb. */
export interface DrillStep extends DrillParam {
  /** The clicked value as shown (e.g. the campaign's name). */
  label: string;
  /** The dimension's column label (e.g. "Campaign"). */
  dimensionLabel: string;
}

/** The `_drill` form of a card's steps. */
export const toDrillParams = (steps: readonly DrillStep[]): DrillParam[] => steps.map(({ dimension, value }) => ({ dimension, value }));
