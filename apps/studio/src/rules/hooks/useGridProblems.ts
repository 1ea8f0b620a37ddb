import { useMemo } from 'react';
import type { EditorProblem } from '../model/editor-problem';
import { parsePtr } from '../model/pointer';
import { useProblems } from './useProblems';
import { useTableRule } from './useTableRule';

/** Problems of the decision table's grid, by row index and by cell path. */
export interface GridProblems {
  rows: Map<number, EditorProblem[]>;
  cells: Map<string, EditorProblem[]>;
}

function push<K>(map: Map<K, EditorProblem[]>, key: K, p: EditorProblem) {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/**
 * Places problems on the grid: a cell path (`/rows/2/when/in1`) marks the cell and its row, a
 * row path (`/rows/2`) the row; an overlap (RULE_TABLE_OVERLAP) also marks every row whose id
 * its message names (the checker reports the pair as "rows r2 and r5 overlap").
 */
export function useGridProblems(): GridProblems {
  const table = useTableRule();
  const problems = useProblems();
  return useMemo(() => {
    const rows = new Map<number, EditorProblem[]>();
    const cells = new Map<string, EditorProblem[]>();
    for (const p of problems) {
      const segs = parsePtr(p.path);
      if (segs[0] !== 'rows' && p.code !== 'RULE_TABLE_OVERLAP') continue;
      const marked = new Set<number>();
      if (segs[0] === 'rows' && segs[1] !== undefined && /^\d+$/.test(segs[1])) {
        marked.add(Number(segs[1]));
        if (segs.length >= 4) push(cells, p.path, p);
      }
      if (p.code === 'RULE_TABLE_OVERLAP') {
        table.rows.forEach((r, i) => {
          if (new RegExp(`(^|[^\\w])${r.id.replace(/[$]/g, '\\$')}([^\\w]|$)`).test(p.message)) marked.add(i);
        });
      }
      for (const i of marked) push(rows, i, p);
    }
    return { rows, cells };
  }, [problems, table.rows]);
}
