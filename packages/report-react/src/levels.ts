import type { ReportResult } from '@kiln/engine-reports';
import { toNumber } from './format-value';

/**
 * Nodes per level below the root: the server's `levels` when it sends them, else counted from
 * the rows' `depth`. The root (depth 0) is left out: it is the one record the tree starts from.
 * @internal
 */
export function levelCounts(result: ReportResult): { depth: number; count: number }[] {
  if (result.levels) return result.levels.filter((l) => l.depth >= 1);
  const counts = new Map<number, number>();
  for (const r of result.rows) {
    const d = toNumber(r.depth);
    if (d === undefined || d < 1) continue;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([depth, count]) => ({ depth, count }));
}
