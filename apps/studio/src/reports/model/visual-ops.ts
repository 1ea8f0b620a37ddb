import type { ReportDefinition, VisualType } from '@kiln/engine-reports';
import { withPivot } from './well-ops';
import { pivotOf } from './wells';

/**
 * Switches the visual type, keeping the options that still apply: a pivot gets its rows and
 * columns (every dimension on the rows at first), other types drop them; KPI keeps its compare
 * parameter, tree its settings, line / area their smoothing.
 */
export function setVisualType(def: ReportDefinition, type: VisualType): ReportDefinition {
  const { pivot, compare, tree, smooth } = def.visual;
  const visual = {
    type,
    ...(type === 'kpi' && compare ? { compare } : {}),
    ...(type === 'tree' && tree ? { tree } : {}),
    ...((type === 'line' || type === 'area') && smooth ? { smooth } : {}),
    ...(type === 'pivot' && pivot ? { pivot } : {}),
  };
  const next = { ...def, visual };
  if (type !== 'pivot') return next;
  const sides = pivotOf(next);
  return withPivot(next, sides.rows, sides.columns);
}
