import type { ReportDefinition, VisualType } from '@kiln/engine-reports';
import { newDerived, countMeasure } from '../model/defaults';
import type { PaletteField } from '../model/palette';
import { newParam } from '../model/param-ops';
import { removeSelection } from '../model/remove-ops';
import { sameSelection, type Selection } from '../model/selection';
import { setVisualType } from '../model/visual-ops';
import { addToWell, moveChip, takenIds } from '../model/well-ops';
import type { WellId } from '../model/wells';
import { reportDoc } from './report-store';
import { select, useReportUi } from './report-ui';

const current = () => reportDoc.useDoc.getState().doc;

/** Commits a structural change as its own undo step (never merged with typing). */
function step(next: ReportDefinition): void {
  reportDoc.breakGroup();
  reportDoc.commit(next);
  reportDoc.breakGroup();
}

/**
 * The report designer's commands. Each is one undo step; pass `group` (usually the edited
 * property) to merge successive keystrokes into one.
 *
 * @example reportEdit.update((r) => ({ ...r, limit: 10 }), 'limit');
 */
export const reportEdit = {
  /** Any edit of the report. */
  update(fn: (r: ReportDefinition) => ReportDefinition, group?: string) {
    reportDoc.commit(fn(current()), group);
  },
  /** Drops a palette field into a well (at `index`, else at the end) and selects the new chip. */
  drop(well: WellId, field: PaletteField, index?: number) {
    const { def, selection } = addToWell(current(), well, field, index);
    step(def);
    select(selection);
  },
  /** Adds the record count as a measure. */
  addCount() {
    const m = countMeasure(takenIds(current()));
    step({ ...current(), measures: [...current().measures, m] });
    select({ kind: 'measure', id: m.id });
  },
  /** Adds a derived measure (ratio of the first two measures, or share of the first). */
  addDerived() {
    const m = newDerived(current().measures, takenIds(current()));
    step({ ...current(), measures: [...current().measures, m] });
    select({ kind: 'measure', id: m.id });
  },
  /** Moves a chip within its well, or between the pivot's rows and columns. */
  move(from: WellId, to: WellId, id: string, index: number) {
    step(moveChip(current(), from, to, id, index));
  },
  /** Removes a chip, parameter or computed column; clears the selection when it was selected. */
  remove(sel: Selection) {
    step(removeSelection(current(), sel));
    const selected = useReportUi.getState().selected;
    if (sameSelection(selected, sel) || (sel.kind === 'filter' && selected?.kind === 'filter')) select(null);
  },
  /** Adds a parameter and selects it. */
  addParam() {
    const p = newParam(current());
    step({ ...current(), params: [...(current().params ?? []), p] });
    select({ kind: 'param', id: p.key });
  },
  setVisual(type: VisualType) {
    step(setVisualType(current(), type));
  },
  undo: reportDoc.undo,
  redo: reportDoc.redo,
};
