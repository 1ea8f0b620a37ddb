import type { WellId } from '../model/wells';

/** Data attached to each draggable / droppable of the report designer. */
export type ReportDndData =
  | { kind: 'palette'; path: string }
  | { kind: 'chip'; well: WellId; id: string }
  | { kind: 'well'; well: WellId };

/** Where a drop lands: position `index` of `well` (absent: the end). */
export interface WellDrop {
  well: WellId;
  index?: number;
}
