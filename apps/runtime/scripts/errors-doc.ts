// Regenerates docs/errors.md from the error registries.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorsMarkdown } from '../src/errors-doc.js';

const out = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));
writeFileSync(out, errorsMarkdown());
console.log(`wrote ${out}`);
