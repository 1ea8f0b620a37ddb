import type { CSSProperties, ReactNode } from 'react';
import type { DashboardItem } from '@kiln/engine-reports';

/** Grid columns of a dashboard (react-grid-layout units, as the designer lays them out). */
const COLUMNS = 12;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number.isFinite(n) ? n : lo)));

/** The grid placement of an item, kept inside the 12 columns whatever the stored numbers say. */
function placement(item: DashboardItem): CSSProperties {
  const w = clamp(item.w, 1, COLUMNS);
  const x = clamp(item.x, 0, COLUMNS - w);
  const h = clamp(item.h, 1, 48);
  const y = clamp(item.y, 0, 10_000);
  return { gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}`, ['--h' as string]: h };
}

/** The number of grid rows the items use (for the wall screen, which fits them to its height). */
export function rowsOf(items: readonly DashboardItem[]): number {
  return Math.max(1, ...items.map((i) => clamp(i.y, 0, 10_000) + clamp(i.h, 1, 48)));
}

/**
 * The dashboard's CSS grid (`dashboard-grid`): 12 columns, ~80 px rows, each item at
 * `x+1 / span w`, `y+1 / span h`. Items are in reading order (top to bottom, left to right) so
 * that a narrow screen, which stacks them in one column, keeps the layout's order.
 */
export function DashboardGrid({ items, rows, render }: { items: readonly DashboardItem[]; rows: number; render(item: DashboardItem): ReactNode }) {
  const ordered = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  return (
    <div className="dash-grid" data-testid="dashboard-grid" style={{ ['--dash-rows' as string]: rows }}>
      {ordered.map((item) => (
        <div key={item.id} className="dash-cell" style={placement(item)}>
          {render(item)}
        </div>
      ))}
    </div>
  );
}
