import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Conventions #1: engines do no I/O. This proves the lint rule that enforces it bites,
// for every engine package, so a relaxed config cannot slip through unnoticed.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

describe('engines may not import I/O modules', () => {
  for (const engine of ['engine-forms', 'engine-flow', 'engine-rules', 'engine-reports']) {
    for (const mod of ['pg', 'fastify', 'node:fs', 'node:net', 'axios', '@electric-sql/pglite']) {
      it(`${engine} refuses ${mod}`, async () => {
        const [result] = await eslint.lintText(`import x from '${mod}';\nexport const y = x;\n`, { filePath: `${root}packages/${engine}/src/probe.ts` });
        expect(result!.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
      });
    }
  }
  it('the runtime may', async () => {
    const [result] = await eslint.lintText(`import x from 'pg';\nexport const y = x;\n`, { filePath: `${root}apps/runtime/src/probe.ts` });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
