import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { useReport } from '../hooks/useReport';
import { useSectionProblems } from '../hooks/useSectionProblems';
import type { ReportSection } from '../model/problem-target';
import { isDimensionWell, wellItems, type WellId } from '../model/wells';
import { reportEdit } from '../store/edit';
import { Chip } from './chip';
import type { ReportDndData } from './dnd-data';
import { useReportDrag } from './drag-store';
import { WellAdd } from './well-add';

const selectOverWell = (s: ReturnType<typeof useReportDrag.getState>) => s.over?.well ?? null;

/** The section whose problems a well shows (`/dimensions`, `/measures`, `/dataset/filters` as a whole). */
const sectionOf = (well: WellId): ReportSection => (isDimensionWell(well) ? 'dimensions' : well === 'measures' ? 'measures' : 'filters');

/** A drop well (`well-<id>`): its chips in order, a drop zone for palette fields, and "+ add". */
export function Well({ well }: { well: WellId }) {
  const { t } = useTranslation();
  const report = useReport();
  const items = wellItems(report, well);
  const data: ReportDndData = { kind: 'well', well };
  const { setNodeRef } = useDroppable({ id: `well:${well}`, data });
  const over = useReportDrag(selectOverWell) === well;
  const problems = useSectionProblems(sectionOf(well));
  return (
    <div className={problems.length ? 'report-well has-problem' : 'report-well'} data-section={sectionOf(well)}>
      <div className="report-well-head">
        <span className="report-well-title">{t(`reports.wells.${well}`)}</span>
        {well === 'measures' && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={reportEdit.addDerived} disabled={report.measures.length === 0} data-testid="measure-add-derived">
            + {t('reports.addDerived')}
          </button>
        )}
        <WellAdd well={well} />
      </div>
      <div ref={setNodeRef} className={over ? 'report-well-drop is-over' : 'report-well-drop'} data-drop-well={well} data-testid={`well-${well}`} data-count={items.length}>
        <SortableContext items={items.map((id) => `chip:${well}:${id}`)} strategy={rectSortingStrategy}>
          {items.map((id, i) => (
            <Chip key={id} well={well} id={id} index={i} />
          ))}
        </SortableContext>
        {items.length === 0 && <span className="report-well-empty">{t(`reports.wellHints.${well}`)}</span>}
      </div>
      {problems.length > 0 && (
        <ul className="expr-messages" data-testid={`well-problems-${well}`}>
          {problems.map((p, i) => (
            <li key={i} className="is-error">
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
