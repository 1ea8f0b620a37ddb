/**
 * Runs one function body (argv[2]) in a fresh sandbox and prints the RunResult as JSON — for
 * the cases that may take the whole process down (see PROCESS_KILLERS in corpus.ts).
 * Usage: node --no-node-snapshot --import tsx test/escape/run-in-child.ts '<body>'
 */
import { createSandbox } from '../../src/sandbox/index.js';
import { NOW, body, expr } from './programs.js';

const sandbox = createSandbox({ poolSize: 1 });
const result = await sandbox.run(body(process.argv[2] ?? 'return 1;'), expr(), {}, { now: NOW, timeoutMs: 10_000 });
process.stdout.write(JSON.stringify(result) + '\n');
sandbox.dispose();
