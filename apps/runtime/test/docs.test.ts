import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { errorsMarkdown } from '../src/errors-doc.js';

it('docs/errors.md is generated from the registries (run `pnpm --filter @kiln/runtime docs:errors`)', () => {
  const file = readFileSync(fileURLToPath(new URL('../../../docs/errors.md', import.meta.url)), 'utf8');
  expect(file).toBe(errorsMarkdown());
});
