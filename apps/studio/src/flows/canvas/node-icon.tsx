import type { NodeType } from '@kiln/engine-flow';

const PATHS: Record<NodeType, string> = {
  start: 'M5 3.5v9l7-4.5z',
  approval: 'M3 8.5l3 3 7-7',
  condition: 'M8 2l6 6-6 6-6-6z',
  parallel: 'M8 2v3M8 5L3 10v4M8 5l5 5v4M8 5v9',
  join: 'M3 2v4l5 5 5-5V2M8 11v3',
  action: 'M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z',
  notify: 'M2 4h12v8H2zM2 4l6 5 6-5',
  timer: 'M8 3.5a5 5 0 1 1 0 10a5 5 0 0 1 0-10zM8 6v2.5l2 1.5M6.5 1.5h3',
  subflow: 'M2.5 3h6v4h-6zM7.5 9h6v4h-6zM5.5 7v4h2',
  end: 'M4 4h8v8H4z',
};

/** The icon of a node type (inline SVG, coloured by the `node-icon-<type>` class). */
export function NodeIcon({ type }: { type: NodeType }) {
  return (
    <span className={`node-icon node-icon-${type}`} aria-hidden>
      <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <path d={PATHS[type]} />
      </svg>
    </span>
  );
}
