import { ptr } from '../compile/pointer.js';
import type { ExpressionSlot } from '../compile/slots.js';
import { triggerForm } from '../compile/trigger-form.js';
import type { ActionSpec, DecideAction, LedgerAction, TriggerRuleDefinition } from '../types.js';
import type { ExpressionAnalysis } from './analyze-expression.js';
import type { CheckContext } from './check-context.js';
import { didYouMean } from './did-you-mean.js';
import { suggestion } from './messages.js';
import { checkObjectKeys, listElementObjects } from './object-literals.js';
import type { Reporter } from './reporter.js';
import { isObject } from './shape-util.js';

const has = (o: object, k: string) => Object.hasOwn(o, k);

function checkForm(rep: Reporter, ctx: CheckContext, form: unknown, path: string): boolean {
  if (typeof form !== 'string') return false;
  if (has(ctx.schema.forms, form)) return true;
  rep.add('RULE_UNKNOWN_FORM', path, 'unknownForm', { form, suggest: suggestion(didYouMean(form, Object.keys(ctx.schema.forms)), rep.locale) });
  return false;
}

function checkDecide(rep: Reporter, a: DecideAction, n: number, def: TriggerRuleDefinition, ctx: CheckContext): void {
  if (typeof a.table !== 'string') return;
  const tables = Object.entries(ctx.rules).filter(([, r]) => isObject(r) && r.type === 'table').map(([k]) => k);
  const target = has(ctx.rules, a.table) ? ctx.rules[a.table] : undefined;
  if (!target || !isObject(target) || target.type !== 'table') {
    const id = target && isObject(target) && target.type === 'trigger' ? 'notATable' : 'unknownTable';
    rep.add('RULE_UNKNOWN_TABLE', ptr('actions', n, 'table'), id, { table: a.table, suggest: suggestion(didYouMean(a.table, tables), rep.locale) });
    return;
  }
  if (!isObject(a.assign)) return;
  if (target.hitPolicy === 'collect') rep.add('RULE_INVALID', ptr('actions', n, 'assign'), 'assignCollect');
  const form = triggerForm(def);
  if (form === undefined) {
    rep.add('RULE_INVALID', ptr('actions', n, 'assign'), 'assignNoRecord', { event: String((def.trigger as { event?: unknown } | undefined)?.event ?? '?') });
    return;
  }
  const fields = has(ctx.schema.forms, form) ? ctx.schema.forms[form]!.fields : undefined;
  const outputs = Array.isArray(target.outputs) ? target.outputs.filter(isObject).map((o) => String(o.key)) : [];
  for (const [field, out] of Object.entries(a.assign)) {
    const path = ptr('actions', n, 'assign', field);
    if (fields && !has(fields, field)) rep.add('RULE_UNKNOWN_FIELD', path, 'unknownField', { field, form, suggest: suggestion(didYouMean(field, Object.keys(fields)), rep.locale) });
    if (typeof out === 'string' && !outputs.includes(out)) rep.add('RULE_UNKNOWN_FIELD', path, 'unknownOutput', { table: a.table, value: out, suggest: suggestion(didYouMean(out, outputs), rep.locale) });
  }
}

function checkLedger(rep: Reporter, a: LedgerAction, n: number, ctx: CheckContext, entries: ExpressionAnalysis | undefined): void {
  if (!checkForm(rep, ctx, a.form, ptr('actions', n, 'form'))) return;
  const fields = ctx.schema.forms[a.form]!.fields;
  const keyOk = typeof a.key === 'string' && has(fields, a.key) && fields[a.key]!.unique === true;
  if (typeof a.key === 'string' && !keyOk) {
    const path = ptr('actions', n, 'key');
    const uniques = Object.keys(fields).filter((k) => fields[k]!.unique);
    if (!has(fields, a.key)) rep.add('RULE_UNKNOWN_FIELD', path, 'unknownField', { field: a.key, form: a.form, suggest: suggestion(didYouMean(a.key, uniques.length ? uniques : Object.keys(fields)), rep.locale) });
    else rep.add('RULE_UNKNOWN_FIELD', path, 'ledgerKeyNotUnique', { field: a.key, form: a.form });
  }
  if (entries) {
    checkObjectKeys(entries, listElementObjects(entries, entries.values), { rep, path: ptr('actions', n, 'entries'), fields, form: a.form, ...(keyOk ? { required: a.key } : {}) });
  }
}

/**
 * Checks what an action names besides its mappings: its form, the table of a `decide` (and the
 * fields/outputs of `assign`), a ledger's unique key and entry keys, flow and connector names
 * (when the lists are known), a reject's field.
 * @internal
 */
export function checkActionRefs(rep: Reporter, a: ActionSpec, n: number, def: TriggerRuleDefinition, ctx: CheckContext, analyses: ReadonlyMap<ExpressionSlot, ExpressionAnalysis>): void {
  const slot = (role: string) => [...analyses].find(([s]) => s.role === role)?.[1];
  switch (a.type) {
    case 'create':
    case 'update':
    case 'upsert':
      checkForm(rep, ctx, a.form, ptr('actions', n, 'form'));
      break;
    case 'decide':
      checkDecide(rep, a, n, def, ctx);
      break;
    case 'ledger':
      checkLedger(rep, a, n, ctx, slot('entries'));
      break;
    case 'flow':
      if (ctx.flows && typeof a.flow === 'string' && !ctx.flows.includes(a.flow)) rep.add('RULE_INVALID', ptr('actions', n, 'flow'), 'unknownFlow', { value: a.flow, suggest: suggestion(didYouMean(a.flow, ctx.flows), rep.locale) });
      break;
    case 'connector':
      if (ctx.connectors && typeof a.connector === 'string' && !ctx.connectors.includes(a.connector)) rep.add('RULE_INVALID', ptr('actions', n, 'connector'), 'unknownConnector', { value: a.connector, suggest: suggestion(didYouMean(a.connector, ctx.connectors), rep.locale) });
      break;
    case 'reject': {
      const form = triggerForm(def);
      if (typeof a.field !== 'string' || form === undefined || !has(ctx.schema.forms, form)) break;
      const fields = ctx.schema.forms[form]!.fields;
      if (!has(fields, a.field)) rep.add('RULE_UNKNOWN_FIELD', ptr('actions', n, 'field'), 'unknownField', { field: a.field, form, suggest: suggestion(didYouMean(a.field, Object.keys(fields)), rep.locale) });
      break;
    }
    default:
      break;
  }
}
