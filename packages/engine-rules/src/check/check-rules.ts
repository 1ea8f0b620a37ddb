import type { Locale } from '@kiln/engine-forms';
import { FACT_NAMES, type FactContext } from '../helpers.js';
import type { SchemaInfo } from '../schema.js';
import type { DecisionTableDefinition, RuleDefinition, RuleProblem, TriggerRuleDefinition } from '../types.js';
import { analyzeExpression } from './analyze-expression.js';
import type { CheckContext, CheckOptions } from './check-context.js';
import { checkTable } from './check-table.js';
import { checkTrigger } from './check-trigger.js';
import { parseSlot } from './parse-slot.js';
import { Reporter } from './reporter.js';
import { checkShape } from './shape.js';
import { isObject } from './shape-util.js';
import { recordType } from './type-info.js';

/**
 * Static checks of an app's rules (by key) against its forms, as run at publish and in the
 * editor. Each problem names its rule, a JSON pointer into that rule (`/actions/1/values/amount`,
 * `/rows/3/when/in_amount`) and, inside an expression, line/column and from/to offsets.
 * Codes: RULE_INVALID (shape), RULE_SYNTAX, RULE_UNKNOWN_NAME / _FIELD / _FORM / _TABLE,
 * RULE_ARG_TYPE, RULE_TABLE_CELL, RULE_TABLE_OVERLAP. Messages in `opts.locale` (zh-CN default).
 *
 * @example
 * checkRules({ bonus }, schemaFromForms({ orders }), { locale: 'en' })
 * // [{ code: 'RULE_UNKNOWN_FIELD', rule: 'bonus', path: '/actions/0/values/amout',
 * //    message: 'Field "amout" does not exist in form orders; did you mean "amount"?', severity: 'error' }]
 */
export function checkRules(rules: Readonly<Record<string, RuleDefinition>>, schema: SchemaInfo, opts: CheckOptions = {}): RuleProblem[] {
  const locale = opts.locale ?? 'zh-CN';
  const ctx: CheckContext = { schema, rules, ...(opts.flows ? { flows: opts.flows } : {}), ...(opts.connectors ? { connectors: opts.connectors } : {}) };
  const out: RuleProblem[] = [];
  for (const [key, def] of Object.entries(rules)) {
    const rep = new Reporter(key, locale);
    checkShape(rep, key, def);
    if (isObject(def) && def.type === 'trigger') checkTrigger(rep, def as TriggerRuleDefinition, ctx);
    else if (isObject(def) && def.type === 'table') checkTable(rep, def as DecisionTableDefinition, key, ctx);
    out.push(...rep.problems);
  }
  return out;
}

/** Options of `checkExpression`. */
export interface CheckExpressionOptions {
  /** The form whose records `record` / `old` are (formulas: the formula's own form). */
  readonly form?: string;
  readonly locale?: Locale;
  /** Reported as the problems' `rule` (e.g. the program entry id of a formula). */
  readonly rule?: string;
  /** Reported as the problems' `path` (default ''). */
  readonly path?: string;
}

/**
 * Static checks of one stand-alone expression (a formula, a console expression) in its context:
 * syntax, names, fields of `opts.form`, helpers. Formulas may not use `db`.
 *
 * @example
 * checkExpression('money.pct(record.amout, 5)', 'formula', schema, { form: 'orders' })
 * // [{ code: 'RULE_UNKNOWN_FIELD', from: 17, to: 22, … }]
 */
export function checkExpression(source: string, context: FactContext, schema: SchemaInfo, opts: CheckExpressionOptions = {}): RuleProblem[] {
  const rep = new Reporter(opts.rule ?? '', opts.locale ?? 'zh-CN');
  const path = opts.path ?? '';
  const parsed = parseSlot(rep, source, path, FACT_NAMES[context]);
  if (parsed) analyzeExpression(parsed, { context, schema, record: recordType(schema, opts.form), itemState: 'free' }, rep, path);
  return rep.problems.map((p) => (opts.rule === undefined ? (({ rule: _r, ...rest }) => rest)(p) : p));
}
