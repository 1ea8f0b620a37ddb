import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { useChipText } from '../hooks/useChipText';
import { useSelected } from '../hooks/useSelected';
import { useSelectionProblems } from '../hooks/useSelectionProblems';
import { sameSelection, type Selection } from '../model/selection';
import { isDimensionWell, type WellId } from '../model/wells';
import { reportEdit } from '../store/edit';
import { select } from '../store/report-ui';
import type { ReportDndData } from './dnd-data';

/** The selection a chip stands for. */
export function chipSelection(well: WellId, id: string): Selection {
  return { kind: isDimensionWell(well) ? 'dimension' : well === 'measures' ? 'measure' : 'filter', id };
}

/** The test id of a chip: `chip-<id>` (dimensions, measures), `chip-filter-<i>` (filters). */
export const chipTestId = (well: WellId, id: string) => (well === 'filters' ? `chip-filter-${id}` : `chip-${id}`);

/**
 * A dimension, measure or filter in a well: click opens its properties, drag reorders it
 * (or moves it between the pivot's rows and columns), × removes it. Problems at its path
 * draw it red, with the messages as its tooltip.
 */
export function Chip({ well, id, index }: { well: WellId; id: string; index: number }) {
  const { t } = useTranslation();
  const text = useChipText(well, id);
  const sel = chipSelection(well, id);
  const selected = sameSelection(useSelected(), sel);
  const problems = useSelectionProblems(sel.kind, id);
  const data: ReportDndData = { kind: 'chip', well, id };
  const { setNodeRef, listeners, attributes, transform, transition, isDragging } = useSortable({ id: `chip:${well}:${id}`, data });
  const cls = ['report-chip', `report-chip-${sel.kind}`, selected && 'is-selected', problems.length > 0 && 'has-problem', isDragging && 'is-dragging'];
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cls.filter(Boolean).join(' ')}
      title={problems.map((p) => p.message).join('\n') || undefined}
      onClick={() => select(sel)}
      data-testid={chipTestId(well, id)}
      data-chip-well={well}
      data-chip-index={index}
      data-selected={selected}
      data-problems={problems.length}
      {...attributes}
      {...listeners}
    >
      <span className="report-chip-text">{text}</span>
      <button
        type="button"
        className="report-chip-remove"
        title={t('common.delete')}
        onPointerDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          e.stopPropagation();
          reportEdit.remove(sel);
        }}
        data-testid={`${chipTestId(well, id)}-remove`}
      >
        ×
      </button>
    </div>
  );
}
