import { ptr } from '../compile/pointer.js';
import { expressionSlots, isLegacyUpdate, type ExpressionSlot } from '../compile/slots.js';
import { FACT_NAMES } from '../helpers.js';
import { recordEvent, triggerForm } from '../compile/trigger-form.js';
import type { ActionSpec, TriggerRuleDefinition } from '../types.js';
import { analyzeExpression, type ExpressionAnalysis } from './analyze-expression.js';
import type { CheckContext } from './check-context.js';
import { checkMapping } from './check-mapping.js';
import { checkActionRefs } from './check-action-refs.js';
import { didYouMean } from './did-you-mean.js';
import type { ExprEnv } from './expression-env.js';
import { suggestion } from './messages.js';
import { parseSlot } from './parse-slot.js';
import type { Reporter } from './reporter.js';
import { isObject } from './shape-util.js';
import { recordType, T, type TypeInfo } from './type-info.js';

function checkTriggerTarget(rep: Reporter, def: TriggerRuleDefinition, ctx: CheckContext): void {
  const t = def.trigger as unknown;
  if (!isObject(t)) return;
  if (t.event === 'flow.node' && ctx.flows && typeof t.flow === 'string' && !ctx.flows.includes(t.flow)) {
    rep.add('RULE_INVALID', '/trigger/flow', 'unknownFlow', { value: t.flow, suggest: suggestion(didYouMean(t.flow, ctx.flows), rep.locale) });
  }
  if (!recordEvent(t.event) || typeof t.form !== 'string') return;
  const forms = ctx.schema.forms;
  if (!Object.hasOwn(forms, t.form)) {
    rep.add('RULE_UNKNOWN_FORM', '/trigger/form', 'unknownForm', { form: t.form, suggest: suggestion(didYouMean(t.form, Object.keys(forms)), rep.locale) });
    return;
  }
  const fields = forms[t.form]!.fields;
  if (!Array.isArray(t.fields)) return;
  t.fields.forEach((f: unknown, i: number) => {
    if (typeof f === 'string' && !Object.hasOwn(fields, f)) {
      rep.add('RULE_UNKNOWN_FIELD', ptr('trigger', 'fields', i), 'unknownField', { field: f, form: t.form, suggest: suggestion(didYouMean(f, Object.keys(fields)), rep.locale) });
    }
  });
}

/** Parses and analyzes one slot in `env`; null when it did not parse. */
function analyzeSlot(rep: Reporter, slot: ExpressionSlot, env: ExprEnv): ExpressionAnalysis | null {
  const parsed = parseSlot(rep, slot.source, slot.path, FACT_NAMES[slot.context], slot.optional);
  return parsed ? analyzeExpression(parsed, env, rep, slot.path) : null;
}

/** The ids later actions can name in `results.<id>` / `ref('<id>')` once action `a` ran. */
function produces(a: ActionSpec): { result: boolean; ref: boolean } {
  return { result: a.type === 'create' || a.type === 'upsert' || a.type === 'decide', ref: a.type === 'create' || a.type === 'upsert' };
}

/**
 * Semantic checks of a trigger rule against the app: trigger form and fields, then each
 * expression in the scope it runs in (facts, `item` typed by the forEach list, `results.<id>`
 * of earlier actions), field mappings, ledger keys, tables, flows and connectors.
 * @internal
 */
export function checkTrigger(rep: Reporter, def: TriggerRuleDefinition, ctx: CheckContext): void {
  checkTriggerTarget(rep, def, ctx);
  const form = triggerForm(def);
  const record = recordType(ctx.schema, form);
  const slots = expressionSlots(def);
  const results: string[] = [];
  const refs: string[] = [];
  const actions = Array.isArray(def.actions) ? def.actions : [];
  const actionIds = actions.filter((a) => isObject(a) && !isLegacyUpdate(a) && typeof a.id === 'string').map((a) => a.id);
  const base = { context: 'trigger' as const, schema: ctx.schema, record, itemState: 'unbound' as const, actionIds };

  for (const slot of slots.filter((s) => s.role === 'condition')) analyzeSlot(rep, slot, { ...base, results: [], refs: [] });

  actions.forEach((a, n) => {
    if (!isObject(a)) return;
    const own = slots.filter((s) => s.index === n && s.role !== 'condition');
    const env: ExprEnv = { ...base, context: 'action', results: [...results], refs: [...refs] };
    const forEachSlot = own.find((s) => s.role === 'forEach');
    let item: TypeInfo | undefined;
    if (forEachSlot) {
      const fe = analyzeSlot(rep, forEachSlot, { ...env, itemState: 'forEach' });
      item = fe?.type.vt === 'list' ? (fe.type.element ?? T.any) : T.any;
    }
    const analyses = new Map<ExpressionSlot, ExpressionAnalysis>();
    for (const slot of own) {
      if (slot.role === 'forEach') continue;
      const state = slot.role === 'when' ? 'forEach' : forEachSlot ? 'bound' : 'unbound';
      const an = analyzeSlot(rep, slot, { ...env, itemState: state, ...(item ? { item } : {}) });
      if (an) analyses.set(slot, an);
    }
    const byKey = (role: 'values' | 'match') => new Map([...analyses].filter(([s]) => s.role === role).map(([s, an]) => [s.key!, an]));
    const writes = a.type === 'create' || a.type === 'update' || a.type === 'upsert';
    if (writes && typeof a.form === 'string' && Object.hasOwn(ctx.schema.forms, a.form)) {
      const fields = ctx.schema.forms[a.form]!.fields;
      for (const prop of ['values', 'match'] as const) {
        const mapping = (a as unknown as Record<string, unknown>)[prop];
        if (isObject(mapping)) checkMapping({ rep, form: a.form, fields, base: ptr('actions', n), prop, mapping, analyses: byKey(prop) });
      }
    }
    checkActionRefs(rep, a, n, def, ctx, analyses);
    if (typeof a.id === 'string' && !isLegacyUpdate(a)) {
      const p = produces(a);
      if (p.result) results.push(a.id);
      if (p.ref) refs.push(a.id);
    }
  });
}
