import type { KilnContext } from '../context.js';
import { onCommit, type WriteScope } from '../rules/scope.js';

/** Something that sends due deliveries when woken (the delivery worker). */
export interface Wakeable {
  kick(): void;
}

const workers = new WeakMap<KilnContext, Set<Wakeable>>();

/** Registers a worker to wake when deliveries are enqueued in this context; returns the unregister function. */
export function registerWorker(ctx: KilnContext, worker: Wakeable): () => void {
  let set = workers.get(ctx);
  if (!set) workers.set(ctx, (set = new Set()));
  set.add(worker);
  return () => set.delete(worker);
}

/** Wakes this process's delivery workers (other processes find the rows when they poll). */
export function wakeDeliveries(ctx: KilnContext): void {
  for (const w of workers.get(ctx) ?? []) w.kick();
}

/** Wakes the delivery workers once the scope's transaction commits (outbox rows written in it become visible). */
export function wakeAfterCommit(ws: WriteScope): void {
  onCommit(ws, () => wakeDeliveries(ws.ctx));
}
