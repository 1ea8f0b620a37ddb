import { IsolateSlot } from './isolate-slot.js';
import type { SandboxSettings } from './options.js';

/**
 * The isolates of a sandbox, handed out round robin. A slot whose isolate was disposed (memory
 * limit) is replaced transparently the next time it is handed out.
 * @internal
 */
export class IsolatePool {
  private readonly slots: IsolateSlot[] = [];
  private cursor = 0;
  /** Isolates replaced after they were lost. */
  recycled = 0;

  constructor(readonly settings: SandboxSettings) {
    for (let i = 0; i < settings.poolSize; i++) this.slots.push(new IsolateSlot(settings.memoryMb, settings.programCacheSize));
  }

  /** The index of the next slot in round-robin order. */
  nextIndex(): number {
    const index = this.cursor;
    this.cursor = (this.cursor + 1) % this.slots.length;
    return index;
  }

  /** The live slot at `index`, replacing a lost isolate first. */
  slot(index: number): IsolateSlot {
    let slot = this.slots[index];
    if (!slot.alive) {
      slot = new IsolateSlot(this.settings.memoryMb, this.settings.programCacheSize);
      this.slots[index] = slot;
      this.recycled++;
    }
    return slot;
  }

  /** Isolates alive right now. */
  get alive(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  /** Programs cached over all live isolates. */
  get programs(): number {
    return this.slots.reduce((n, s) => n + (s.alive ? s.programCount : 0), 0);
  }

  dispose(): void {
    for (const s of this.slots) s.dispose();
  }
}
