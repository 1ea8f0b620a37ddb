import type { Graph } from './graph-checks.js';
import type { Problems } from './problems.js';

interface Reach {
  readonly joins: Set<string>;
  end: boolean;
}

/**
 * Structured parallelism (FLOW_JOIN_MISMATCH): every branch of a parallel split reaches one
 * common join before any end (nested split/join pairs are stepped over), that join has one
 * incoming edge per branch and names the split in `data.split` if at all, and every join closes
 * exactly one split. Otherwise the join would wait forever at run time. @internal
 */
export function checkJoins(g: Graph, p: Problems): void {
  const nodes = [...g.nodes.values()];
  const match = new Map<string, string | null>();
  const busy = new Set<string>();
  const mismatch = (nodeId: string, zh: string, en: string) => p.add('FLOW_JOIN_MISMATCH', zh, en, { nodeId });

  const successors = (id: string) => g.out.get(id)!.map((e) => e.target);

  const explore = (from: string, split: string): Reach => {
    const reach: Reach = { joins: new Set(), end: false };
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id) || id === split) continue;
      seen.add(id);
      const node = g.nodes.get(id)!;
      if (node.type === 'join') reach.joins.add(id);
      else if (node.type === 'end') reach.end = true;
      else if (node.type === 'parallel') {
        const inner = matchOf(id);
        if (inner !== null) stack.push(...successors(inner));
      } else stack.push(...successors(id));
    }
    return reach;
  };

  // The join a split's branches meet at, or null (reported once, when first computed).
  const matchOf = (split: string): string | null => {
    if (match.has(split)) return match.get(split)!;
    if (busy.has(split)) return null;
    busy.add(split);
    const branches = g.out.get(split)!;
    let result: string | null = null;
    if (branches.length < 2) {
      mismatch(split, `并行节点至少需要两条出线（现有 ${branches.length} 条）`, `A parallel split needs at least two outgoing edges (has ${branches.length})`);
    } else {
      const reaches = branches.map((e) => explore(e.target, split));
      const joins = new Set(reaches.flatMap((r) => [...r.joins]));
      if (reaches.some((r) => r.end)) mismatch(split, '并行分支在汇聚之前到达了结束节点', 'A parallel branch reaches an end before a join');
      else if (joins.size === 0) mismatch(split, '并行分支没有汇聚到任何汇聚节点', 'The parallel branches reach no join');
      else if (joins.size > 1 || reaches.some((r) => r.joins.size !== 1)) mismatch(split, `并行分支汇聚到了不同的汇聚节点（${[...joins].join('、')}）`, `The parallel branches reach different joins (${[...joins].join(', ')})`);
      else result = [...joins][0]!;
    }
    busy.delete(split);
    match.set(split, result);
    return result;
  };

  const closedBy = new Map<string, string>();
  for (const split of nodes.filter((n) => n.type === 'parallel')) {
    const join = matchOf(split.id);
    if (join === null) continue;
    const joinNode = g.nodes.get(join)!;
    const expected = joinNode.type === 'join' ? joinNode.data.split : undefined;
    const inCount = g.in.get(join)!.length;
    const outCount = g.out.get(split.id)!.length;
    if (closedBy.has(join)) mismatch(split.id, `汇聚节点 ${join} 已经汇聚了并行节点 ${closedBy.get(join)}`, `Join ${join} already closes parallel ${closedBy.get(join)}`);
    else closedBy.set(join, split.id);
    if (inCount !== outCount) mismatch(join, `汇聚节点有 ${inCount} 条进线，但并行节点 ${split.id} 有 ${outCount} 条分支`, `The join has ${inCount} incoming edges but parallel ${split.id} has ${outCount} branches`);
    if (expected !== undefined && expected !== split.id) mismatch(join, `汇聚节点指定的并行节点是 ${expected}，实际汇聚的是 ${split.id}`, `The join names split ${expected} but closes ${split.id}`);
  }
  for (const join of nodes.filter((n) => n.type === 'join')) {
    const inCount = g.in.get(join.id)!.length;
    if (inCount < 2) mismatch(join.id, `汇聚节点至少需要两条进线（现有 ${inCount} 条）`, `A join needs at least two incoming edges (has ${inCount})`);
    else if (!closedBy.has(join.id)) mismatch(join.id, '汇聚节点没有对应的并行节点', 'The join closes no parallel split');
  }
}
