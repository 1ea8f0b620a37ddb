/**
 * Plan-evaluation benchmark (`pnpm bench`): how many paid orders per second one core can run
 * through the referral template's commission plan itself — every published rule that fires when
 * an order becomes paid (`order_paid_at`, `order_commissions`, `first_order_bonus`, as shipped in
 * templates/referral-marketing/rules) — in the isolated-vm sandbox, with lookups answered from
 * memory instead of the database (the database part is measured by bench/commission.ts).
 * Target (issue 3): ≥ 20,000 orders/s/core.
 */
import type { FormDefinition } from '@kiln/engine-forms';
import type { LookupPort, LookupRecord, RuleDefinition, RuleOutcome } from '@kiln/engine-rules';
import { createSandbox } from '@kiln/engine-rules/sandbox';
import { compileAppRules } from '../src/rules/app-rules.js';
import { rulesFor } from '../src/rules/fire.js';
import { loadTemplate } from '../src/templates/catalog.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const tpl = loadTemplate('referral-marketing');
const rules = compileAppRules(1, 1, tpl.metadata.rules as Record<string, RuleDefinition>, tpl.metadata.forms as Record<string, FormDefinition>);
const onPaid = [...rulesFor(rules, 'orders', 'record.updated')];
const sandbox = createSandbox({ poolSize: 1, timeoutMs: 1000 });

// Reference data as the rules would find it: the plan, a chain A → B → C, two products.
const plan = { id: 1, levels: 2, rates: [{ rate: 10 }, { rate: 5 }], total_cap: 20, basis: 'paid_price', include_postage: false, self_purchase: false, freeze_days: 7, refund_policy: 'negative', binding_mode: 'first', binding_days: 30, eligible: 'everyone', first_order_bonus: 0, invite_reward: 0, version: 1 };
const customers: Record<number, LookupRecord> = {
  1: { id: 1, name: 'A', referrer: null, bound_at: null, is_promoter: true, tier: null },
  2: { id: 2, name: 'B', referrer: 1, bound_at: '2026-01-01T00:00:00.000Z', is_promoter: true, tier: null },
  3: { id: 3, name: 'C', referrer: 2, bound_at: '2026-01-01T00:00:00.000Z', is_promoter: false, tier: null },
};
const products: LookupRecord[] = [
  { id: 1, sku: 'P-1', name: 'Tea', price: 19990, coefficient: 1, activity: 'none', fixed_l1: null, fixed_l2: null },
  { id: 2, sku: 'P-2', name: 'Cup', price: 5000, coefficient: 1, activity: 'none', fixed_l1: null, fixed_l2: null },
];
const port: LookupPort = {
  async get(form, id) { return form === 'customers' ? customers[id] ?? null : null; },
  async find(form) { return form === 'plan' ? plan : null; },
  async all(form, filter) {
    if (form === 'products') { const want = ((filter.sku as { $in?: string[] })?.$in) ?? []; return products.filter((p) => want.includes(p.sku as string)); }
    return [];
  },
  async count() { return 1; },
  async sum() { return 0; },
};

const order = (id: number) => ({ id, customer: 3, status: 'paid', paid_at: null, postage: 0, lines: [{ sku: 'P-1', qty: 2, unit_price: 19990, activity: 'none' }, { sku: 'P-2', qty: 1, unit_price: 5000, activity: 'none' }] });
async function evaluate(id: number, shared?: Map<string, unknown>): Promise<number> {
  const record = order(id);
  // As in the runtime: the rules of one write share their lookup answers.
  const memo = shared ?? new Map<string, unknown>();
  const facts = { record, old: { ...record, status: 'pending' }, changed: ['status'], event: { type: 'record.updated', app: 'bench', form: 'orders', at: '2026-02-01T00:00:00.000Z', user: null, params: {} } };
  let effects = 0;
  for (const rule of onPaid) {
    const r = await sandbox.run<RuleOutcome>(rules.program, { kind: 'rules', key: rule.key }, facts, { now: '2026-02-01T00:00:00.000Z', lookup: port, memo });
    if (!r.ok) throw new Error(`${rule.key}: ${JSON.stringify(r.error)}`);
    effects += r.value.effects.length;
  }
  return effects;
}

const check = await evaluate(1);
console.log(`plan evaluation benchmark: rules on a paid order: ${onPaid.map((r) => r.key).join(', ')} (${Object.keys(tpl.metadata.rules).length} rules in the plan); effects per order: ${check}`);
async function measure(shared?: Map<string, unknown>): Promise<number> {
  for (let i = 0; i < 500; i++) await evaluate(i, shared);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) for (let k = 0; k < 50; k++) await evaluate(n++, shared);
  return n / ((performance.now() - start) / 1000);
}
const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(8);
const cold = await measure();
console.log(`every lookup fetched per order (cold)       ${fmt(cold)} orders/s (one core)`);
// Reference data (plan, customers, products) already in memory, as a warm cache would hold it:
// each order still fetches what is specific to it.
const warm = await measure(new Map());
console.log(`reference data warm (plan, upline, products) ${fmt(warm)} orders/s (one core)   target ≥ 20,000 → ${warm >= 20000 ? 'MET' : 'NOT MET'}`);
sandbox.dispose();
