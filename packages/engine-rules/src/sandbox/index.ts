/**
 * `@kiln/engine-rules/sandbox`: runs programs compiled to the ABI of `abi.ts` in isolated-vm.
 * See `createSandbox`. The prelude source is exported for tests and tools that need to know
 * exactly what a program's context contains.
 */
export type { Sandbox, SandboxOptions, SandboxStats } from './types.js';
export type { EntryCall, LookupPort, Program, RunOptions, RunResult } from '../abi.js';
export { createSandbox } from './create-sandbox.js';
export { SANDBOX_DEFAULTS } from './options.js';
export { PRELUDE_FILENAME, PRELUDE_SOURCE } from './prelude/index.js';
