import { WELLS, type WellId } from '../model/wells';
import type { ReportDndData, WellDrop } from './dnd-data';
import type { Over } from '@dnd-kit/core';

const asWell = (v: string | undefined): WellId | null => ((WELLS as readonly string[]).includes(v ?? '') ? (v as WellId) : null);

/**
 * Where a drop at client point (x, y) lands, by hit-testing the DOM: before or after the chip
 * under the point (by its horizontal middle), or at the end of the well. This is the ground
 * truth at release time, also when a synthetic drag jumped there in one move and the drag
 * library had no chance to update its own target.
 */
export function wellDropAtPoint(x: number, y: number): WellDrop | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  for (const el of document.elementsFromPoint(x, y)) {
    const node = el as HTMLElement;
    const chipWell = asWell(node.dataset.chipWell);
    if (chipWell && node.dataset.chipIndex !== undefined) {
      const r = node.getBoundingClientRect();
      return { well: chipWell, index: Number(node.dataset.chipIndex) + (x > r.left + r.width / 2 ? 1 : 0) };
    }
    const well = asWell(node.dataset.dropWell);
    if (well) return { well };
  }
  return null;
}

/** Where a drop lands from dnd-kit's droppable under the pointer (a chip: before it; a well: its end). */
export function wellDropOf(over: Over | null, items: (well: WellId) => string[]): WellDrop | null {
  const data = over?.data.current as ReportDndData | undefined;
  if (data?.kind === 'well') return { well: data.well };
  if (data?.kind === 'chip') return { well: data.well, index: Math.max(0, items(data.well).indexOf(data.id)) };
  return null;
}
