/**
 * Hand-made programs in the ABI shape of `src/abi.ts`, for the sandbox tests (the compiler is
 * not needed to test the sandbox).
 */
import { createHash } from 'node:crypto';
import type { EntryCall, Program } from '../../src/abi.js';

/** A fixed run clock, far from the host's. */
export const NOW = '2001-02-03T04:05:06.789Z';

/** The entry call of `exprs.<key>`. */
export const expr = (key = 'a'): EntryCall => ({ kind: 'exprs', key });

/** A program from its full source; the hash is the source's. */
export function program(source: string): Program {
  return { hash: createHash('sha256').update(source).digest('hex'), source };
}

/** A program whose `exprs` are functions of `f` with the given bodies. */
export function exprs(bodies: Record<string, string>): Program {
  const entries = Object.entries(bodies).map(([k, body]) => `    ${JSON.stringify(k)}: function (f) {\n${body}\n    },`);
  return program(`({\n  rules: {},\n  tables: {},\n  exprs: {\n${entries.join('\n')}\n  },\n})`);
}

/** A program with one expression `exprs.a` whose body is `body`. */
export const body = (source: string): Program => exprs({ a: source });

/** A program with one expression `exprs.a` returning `expression`. */
export const returns = (expression: string): Program => body(`return (${expression});`);
