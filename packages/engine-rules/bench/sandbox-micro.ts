/**
 * Micro-benchmark of the sandbox design (run: NODE_OPTIONS=--no-node-snapshot npx tsx
 * bench/sandbox-micro.ts). Prints evaluations per second of one small expression
 * (`money.pct(f.total, 5) + f.n`) as: one `run` per evaluation, `runBatch` of 1000, and the same
 * function as plain JavaScript in the host, so the crossing cost is visible next to the baseline.
 */
import { createSandbox } from '../src/sandbox/index.js';

const NOW = '2024-05-01T00:00:00.000Z';
const SOURCE = '({ exprs: { fee: function (f) { return money.pct(f.total, 5) + f.n; } } })';
const program = { hash: 'bench-fee', source: SOURCE };
const call = { kind: 'exprs', key: 'fee' } as const;

function plainPct(fen: number, percent: number): number {
  const n = fen * Math.round(percent * 10000);
  const r = n % 1e6;
  return (n - r) / 1e6 - (r < 0 ? 1 : 0);
}
const plain = (f: { total: number; n: number }): number => plainPct(f.total, 5) + f.n;

async function measure(label: string, evaluations: number, body: () => Promise<void> | void): Promise<void> {
  await body(); // warm up (compile caches, JIT)
  const started = process.hrtime.bigint();
  await body();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${label.padEnd(34)} ${Math.round(evaluations / seconds).toLocaleString('en-US').padStart(12)} evaluations/s  (${((seconds / evaluations) * 1e6).toFixed(2)} µs each)`);
}

const sandbox = createSandbox();
const facts = Array.from({ length: 1000 }, (_, i) => ({ total: 1999 + i, n: i }));

await measure('run (one crossing per evaluation)', 20_000, async () => {
  for (let i = 0; i < 20_000; i++) {
    const r = await sandbox.run(program, call, facts[i % 1000], { now: NOW });
    if (!r.ok) throw new Error(r.error.message);
  }
});
await measure('runBatch of 1000', 100_000, () => {
  for (let i = 0; i < 100; i++) {
    const r = sandbox.runBatch(program, call, facts, { now: NOW });
    if (!r[999].ok) throw new Error('batch failed');
  }
});
let sink = 0;
await measure('plain JavaScript (host, no sandbox)', 10_000_000, () => {
  for (let i = 0; i < 10_000_000; i++) sink += plain(facts[i % 1000]);
});
if (sink === 42) console.log(sink);
console.log(sandbox.stats());
sandbox.dispose();
