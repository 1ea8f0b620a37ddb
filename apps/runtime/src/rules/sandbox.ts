import { createSandbox, type Sandbox } from '@kiln/engine-rules/sandbox';

let shared: Sandbox | null = null;

/** The process-wide isolated-vm sandbox (an isolate pool with compiled-program caches). */
export function sandbox(): Sandbox {
  if (!shared) shared = createSandbox({ poolSize: 2 });
  return shared;
}

/** Disposes the shared sandbox (on server close). */
export function disposeSandbox(): void {
  shared?.dispose();
  shared = null;
}
