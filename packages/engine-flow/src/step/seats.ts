import type { ApprovalNode, TaskState } from '../types.js';

/** A seat's or a node's vote. @internal */
export type Vote = 'pending' | 'approved' | 'rejected';

/**
 * The vote of one seat: pending while any of its tasks is open or waiting; else rejected if any
 * was rejected; else approved if any was approved (transferred, returned and cancelled tasks do
 * not vote). @internal
 */
export function seatVote(tasks: readonly TaskState[]): Vote {
  if (tasks.some((t) => t.status === 'open' || t.status === 'waiting')) return 'pending';
  if (tasks.some((t) => t.status === 'rejected')) return 'rejected';
  return tasks.some((t) => t.status === 'approved') ? 'approved' : 'pending';
}

/**
 * The node's decision from its seats' votes: `any` — the first decided seat decides; `all` —
 * every seat approved, or any rejected; `percent` — approved once approved × 100 ≥ percent × N,
 * rejected once the rest can no longer reach it ((N − rejected) × 100 < percent × N). @internal
 */
export function nodeVote(node: ApprovalNode, votes: readonly Vote[]): Vote {
  const n = votes.length;
  const approved = votes.filter((v) => v === 'approved').length;
  const rejected = votes.filter((v) => v === 'rejected').length;
  switch (node.data.mode) {
    case 'any':
      return votes.find((v) => v !== 'pending') ?? 'pending';
    case 'percent': {
      const pct = node.data.percent ?? 100;
      if (approved * 100 >= pct * n) return 'approved';
      if ((n - rejected) * 100 < pct * n) return 'rejected';
      return 'pending';
    }
    default:
      if (rejected > 0) return 'rejected';
      return approved === n ? 'approved' : 'pending';
  }
}

/** Groups tasks by seat, in the order of `seats`. @internal */
export function bySeat(seats: readonly string[], tasks: readonly TaskState[]): TaskState[][] {
  return seats.map((s) => tasks.filter((t) => t.seat === s));
}
