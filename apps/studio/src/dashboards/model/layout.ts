import type { DashboardDefinition, DashboardItem } from '@kiln/engine-reports';
import type { Layout, LayoutItem } from 'react-grid-layout';
import { newId } from '../../reports/model/ids';

/** The grid has 12 columns (react-grid-layout units, as stored). */
export const GRID_COLS = 12;
/** A new card: half the width, six rows high. */
const NEW_W = 6;
const NEW_H = 6;

/** The grid layout of the dashboard's items (minimum card size 2 × 3). */
export function toLayout(items: readonly DashboardItem[]): LayoutItem[] {
  return items.map((it) => ({ i: it.id, x: it.x, y: it.y, w: it.w, h: it.h, minW: 2, minH: 3 }));
}

/** The items with the positions of a grid layout (after a drag or resize); unchanged when nothing moved. */
export function applyLayout(def: DashboardDefinition, layout: Layout): DashboardDefinition {
  const byId = new Map(layout.map((l) => [l.i, l]));
  let changed = false;
  const items = def.items.map((it) => {
    const l = byId.get(it.id);
    if (!l || (l.x === it.x && l.y === it.y && l.w === it.w && l.h === it.h)) return it;
    changed = true;
    return { ...it, x: l.x, y: l.y, w: l.w, h: l.h };
  });
  return changed ? { ...def, items } : def;
}

/**
 * Places report `report` as a new card: beside the last card when its row has room, else
 * below everything. Returns the dashboard and the new item's id.
 */
export function addItem(def: DashboardDefinition, report: string): { def: DashboardDefinition; id: string } {
  const id = newId(`item_${report}`, def.items.map((i) => i.id));
  const bottom = def.items.reduce((m, i) => Math.max(m, i.y + i.h), 0);
  const last = def.items[def.items.length - 1];
  const beside = last && last.x + last.w + NEW_W <= GRID_COLS && last.y + last.h === bottom;
  const item: DashboardItem = beside ? { id, report, x: last.x + last.w, y: last.y, w: NEW_W, h: NEW_H } : { id, report, x: 0, y: bottom, w: NEW_W, h: NEW_H };
  return { def: { ...def, items: [...def.items, item] }, id };
}
