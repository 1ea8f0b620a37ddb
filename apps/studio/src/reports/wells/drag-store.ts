import { create } from 'zustand';
import type { ReportDndData, WellDrop } from './dnd-data';

interface DragState {
  /** What is being dragged (a palette field or a chip). */
  item: Exclude<ReportDndData, { kind: 'well' }> | null;
  /** The well a drop would land in (highlighted). */
  over: WellDrop | null;
}

/** Live drag state of the report designer, read by the wells to highlight the target. */
export const useReportDrag = create<DragState>(() => ({ item: null, over: null }));
