import type { VisualType } from '@kiln/engine-reports';

/** Simple strokes per visual type, drawn in a 20×20 box. */
const SHAPES: Record<VisualType, string> = {
  bar: 'M4 16V9M8 16V5M12 16V11M16 16V7',
  stacked_bar: 'M5 16V10M5 10V6M10 16V8M10 8V4M15 16V12M15 12V9',
  line: 'M3 15L7 9L11 12L17 5',
  area: 'M3 16L3 13L7 8L11 11L17 5L17 16Z',
  pie: 'M10 3A7 7 0 1 0 17 10L10 10Z M12 2A7 7 0 0 1 18 8L12 8Z',
  donut: 'M10 3A7 7 0 1 1 9.99 3M10 6.5A3.5 3.5 0 1 0 10.01 6.5',
  funnel: 'M3 4H17M5 8H15M7 12H13M9 16H11',
  kpi: 'M4 14L4 6M7 6H9V14M12 10L15 6M15 6V14',
  table: 'M3 4H17V16H3ZM3 8H17M3 12H17M9 4V16',
  pivot: 'M3 4H17V16H3ZM3 8H17M7 4V16M7 12H17M12 8V16',
  tree: 'M10 3V7M10 7L5 12M10 7L15 12M5 12V16M15 12V16',
};

/** A small stroke icon of a visual type (no icon font). */
export function VisualIcon({ type }: { type: VisualType }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={SHAPES[type]} />
    </svg>
  );
}
