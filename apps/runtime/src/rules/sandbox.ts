import { createSandbox, type Sandbox } from '@kiln/engine-rules/sandbox';

let shared: Sandbox | null = null;
let settings = { timeoutMs: 250, memoryMb: 64 };

/**
 * Sets the limits of the shared sandbox (from the configuration, before first use). The time
 * limit is wall-clock per evaluation: generous enough for a loaded 2-core machine, small enough
 * that a runaway loop stalls the process only briefly.
 */
export function configureSandbox(opts: { ruleTimeoutMs: number; ruleMemoryMb: number }): void {
  settings = { timeoutMs: opts.ruleTimeoutMs, memoryMb: opts.ruleMemoryMb };
}

/** The process-wide isolated-vm sandbox (an isolate pool with compiled-program caches). */
export function sandbox(): Sandbox {
  if (!shared) shared = createSandbox({ poolSize: 2, timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb });
  return shared;
}

/** Disposes the shared sandbox (on server close). */
export function disposeSandbox(): void {
  shared?.dispose();
  shared = null;
}
