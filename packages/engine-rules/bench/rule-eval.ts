/**
 * `pnpm bench` (engine part): warm evaluations per second of a typical commission rule —
 * in the isolated-vm sandbox (one crossing per order, and batched), as the same logic in a plain
 * JavaScript function, and as json-rules-engine — all measured in this run, on this machine.
 *
 * Run: NODE_OPTIONS=--no-node-snapshot tsx bench/rule-eval.ts
 */
import { Engine } from 'json-rules-engine';
import { compileProgram, type RuleOutcome, type TriggerRuleDefinition } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

const t = (s: string) => ({ 'zh-CN': s, en: s });

// The commission logic: per line, per paid level, rate × paid price × qty, floored to the fen;
// flash-sale / group-buy lines earn nothing.
const BODY = `
  const out = [];
  const rates = event.plan.rates;
  for (let i = 0; i < record.lines.length; i++) {
    const line = record.lines[i];
    if (line.activity === 'flash_sale' || line.activity === 'group_buy') continue;
    const base = line.unit_price * line.qty;
    for (let l = 0; l < rates.length && l < event.upline.length; l++) {
      const amount = money.pct(base, rates[l]);
      if (amount > 0) out.push({ entry_key: 'order:' + record.id + ':line:' + i + ':L' + (l + 1), beneficiary: event.upline[l], level: l + 1, line: i, amount, kind: 'commission', state: 'frozen' });
    }
  }
  return out;`;

const rule: TriggerRuleDefinition = {
  formatVersion: 1, key: 'commission', type: 'trigger', title: t('commission'),
  trigger: { event: 'record.updated', form: 'orders', fields: ['status'] },
  condition: "record.status === 'paid' && old.status !== 'paid'",
  actions: [{ id: 'post', type: 'ledger', form: 'commission_ledger', key: 'entry_key', entries: BODY }],
};

const factsOf = (i: number) => ({
  record: { id: i, status: 'paid', lines: [{ sku: 'A', qty: 2, unit_price: 19990, activity: 'none' }, { sku: 'B', qty: 1, unit_price: 5000, activity: 'none' }, { sku: 'C', qty: 1, unit_price: 990, activity: 'flash_sale' }] },
  old: { id: i, status: 'pending' },
  changed: ['status'],
  event: { type: 'record.updated', plan: { rates: [10, 5] }, upline: [101, 102] },
});

// The same logic as a plain function (host-side money.pct with the same integer rounding).
const pct = (fen: number, percent: number) => Math.floor((fen * Math.round(percent * 10000)) / 1_000_000);
type Facts = ReturnType<typeof factsOf>;
function plain(f: Facts) {
  if (!(f.record.status === 'paid' && f.old.status !== 'paid')) return [];
  const out: Record<string, unknown>[] = [];
  const rates = f.event.plan.rates;
  for (let i = 0; i < f.record.lines.length; i++) {
    const line = f.record.lines[i]!;
    if (line.activity === 'flash_sale' || line.activity === 'group_buy') continue;
    const base = line.unit_price * line.qty;
    for (let l = 0; l < rates.length && l < f.event.upline.length; l++) {
      const amount = pct(base, rates[l]!);
      if (amount > 0) out.push({ entry_key: `order:${f.record.id}:line:${i}:L${l + 1}`, beneficiary: f.event.upline[l], level: l + 1, line: i, amount, kind: 'commission', state: 'frozen' });
    }
  }
  return out;
}

async function measure(name: string, fn: (i: number) => unknown, ms = 2000): Promise<number> {
  for (let i = 0; i < 2000; i++) await fn(i); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let k = 0; k < 100; k++) await fn(n++);
  }
  const perSec = n / ((performance.now() - start) / 1000);
  console.log(`${name.padEnd(44)} ${Math.round(perSec).toLocaleString('en').padStart(12)} evals/s`);
  return perSec;
}

const { program, problems } = compileProgram({ rules: { commission: rule } });
if (problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(problems));
const sandbox = createSandbox({ poolSize: 1 });
const check = await sandbox.run<RuleOutcome>(program, { kind: 'rules', key: 'commission' }, factsOf(1), { now: '2026-01-01T00:00:00Z' });
if (!check.ok) throw new Error(JSON.stringify(check.error));
const expected = JSON.stringify(plain(factsOf(1)));
const got = JSON.stringify((check.value.effects[0] as { entries: unknown[] }).entries);
if (got !== expected) throw new Error(`sandbox and plain disagree:\n${got}\n${expected}`);

const engine = new Engine([], { allowUndefinedFacts: true });
engine.addRule({
  conditions: { all: [
    { fact: 'status', operator: 'equal', value: 'paid' },
    { fact: 'previousStatus', operator: 'notEqual', value: 'paid' },
    { fact: 'activity', operator: 'notIn', value: ['flash_sale', 'group_buy'] },
  ] },
  event: { type: 'commission' },
});
async function viaJre(f: Facts) {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < f.record.lines.length; i++) {
    const line = f.record.lines[i]!;
    const { events } = await engine.run({ status: f.record.status, previousStatus: f.old.status, activity: line.activity });
    if (!events.length) continue;
    const base = line.unit_price * line.qty;
    f.event.plan.rates.forEach((rate, l) => {
      const amount = pct(base, rate);
      if (amount > 0 && l < f.event.upline.length) out.push({ entry_key: `order:${f.record.id}:line:${i}:L${l + 1}`, beneficiary: f.event.upline[l], level: l + 1, line: i, amount, kind: 'commission', state: 'frozen' });
    });
  }
  return out;
}

console.log('Typical commission rule (3 lines, 2 levels, one excluded line) — warm, one core:');
const plainRate = await measure('plain JS function', (i) => plain(factsOf(i)));
const plainCopyRate = await measure('plain JS function + structuredClone of facts', (i) => plain(structuredClone(factsOf(i))));
const oneRate = await measure('sandbox, one crossing per evaluation', (i) => sandbox.run(program, { kind: 'rules', key: 'commission' }, factsOf(i), { now: '2026-01-01T00:00:00Z' }));
const BATCH = 1000;
const batchFacts = Array.from({ length: BATCH }, (_, i) => factsOf(i));
const batchRate = (await measure(`sandbox, batches of ${BATCH}`, () => sandbox.runBatch(program, { kind: 'rules', key: 'commission' }, batchFacts, { now: '2026-01-01T00:00:00Z' }), 3000)) * BATCH;
console.log(`${'  (= evaluations/s)'.padEnd(44)} ${Math.round(batchRate).toLocaleString('en').padStart(12)} evals/s`);
const jreRate = await measure('json-rules-engine (+ amounts in JS)', (i) => viaJre(factsOf(i)));
console.log('\nCost relative to the plain function (lower is better):');
console.log(`  sandbox per call    ${(plainRate / oneRate).toFixed(1)}×`);
console.log(`  sandbox batched     ${(plainRate / batchRate).toFixed(1)}×   (vs plain + copy: ${(plainCopyRate / batchRate).toFixed(1)}×)`);
console.log(`  json-rules-engine   ${(plainRate / jreRate).toFixed(1)}×`);
sandbox.dispose();
