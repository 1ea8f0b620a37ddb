import type { Locale } from '@kiln/engine-forms';
import type { Program } from '../abi.js';
import { reportCellError } from '../check/cell-problem.js';
import { parseSlot } from '../check/parse-slot.js';
import { Reporter } from '../check/reporter.js';
import { checkShape } from '../check/shape.js';
import { FACT_NAMES, type FactContext } from '../helpers.js';
import { TABLE_RUNTIME } from '../tables/table-runtime.js';
import type { CellNode } from '../tables/cell.js';
import { parseCell } from '../tables/parse-cell.js';
import type { DecisionTableDefinition, RuleDefinition, RuleProblem, TriggerRuleDefinition } from '../types.js';
import { emitTable, type ParsedTable } from './emit-table.js';
import { TriggerEmitter } from './emit-trigger.js';
import { ExpressionTable } from './expression-table.js';
import { fnv1a64 } from './hash.js';
import type { ParsedExpression } from './parse-expression.js';
import { ptr } from './pointer.js';
import { ProgramWriter } from './program-writer.js';
import { RUNTIME_ACTIONS } from './runtime-actions.js';
import { runtimeCore } from './runtime-core.js';
import { SEMANTICS_VERSION, SEMANTICS_VERSIONS, type SemanticsVersion } from './semantics.js';
import { expressionSlots } from './slots.js';

/** What to compile: the rules of an app version and stand-alone expressions (formulas…). */
export interface CompileInput {
  readonly rules?: Readonly<Record<string, RuleDefinition>>;
  /** Program entries `exprs[id](facts)`; the facts' properties are the names the expression sees. */
  readonly exprs?: Readonly<Record<string, { readonly source: string; readonly context: FactContext }>>;
}

/** Options of `compileProgram`. */
export interface CompileOptions {
  /** Semantics version to compile under (default and only one so far: 1). */
  readonly semantics?: SemanticsVersion;
  /** Language of problem messages and of the run-time messages in the program (default zh-CN). */
  readonly locale?: Locale;
}

/** A compiled program and the problems that kept rules or expressions out of it. */
export interface CompileResult {
  readonly program: Program;
  readonly problems: RuleProblem[];
}

const J = (v: unknown) => JSON.stringify(v);

/** Parses every expression of a rule; null when one fails (problems reported). */
function parseAll(rep: Reporter, def: RuleDefinition): Map<string, ParsedExpression> | null {
  const parsed = new Map<string, ParsedExpression>();
  for (const slot of expressionSlots(def)) {
    const p = parseSlot(rep, slot.source, slot.path, FACT_NAMES[slot.context], slot.optional);
    if (p) parsed.set(slot.path, p);
  }
  return rep.hasErrors() ? null : parsed;
}

function parseTable(rep: Reporter, def: DecisionTableDefinition): ParsedTable | null {
  const exprs = parseAll(rep, def);
  const cells = new Map<string, { cell: CellNode; parsed?: ParsedExpression }>();
  def.rows.forEach((row, i) => {
    for (const [inputId, text] of Object.entries(row.when ?? {})) {
      const path = ptr('rows', i, 'when', inputId);
      const r = parseCell(text);
      if (!r.ok) {
        reportCellError(rep, text, path, r.error);
        continue;
      }
      if (r.cell.kind !== 'expr') cells.set(path, { cell: r.cell });
      else {
        const parsed = parseSlot(rep, text, path, FACT_NAMES.cell);
        if (parsed) cells.set(path, { cell: r.cell, parsed });
      }
    }
  });
  return exprs && !rep.hasErrors() ? { exprs, cells } : null;
}

/**
 * Compiles the rules and expressions of one app version into one strict-mode program (see
 * abi.ts): `({ rules: { [key]: (facts) => RuleOutcome }, tables: { [key]: (facts) =>
 * TableOutcome }, exprs: { [id]: (facts) => value } })`. Only definitions that pass the shape
 * checks and parse are included; the problems of the others are returned (static checks such
 * as unknown fields are `checkRules`' job). `program.hash` covers the source and the semantics.
 *
 * @example
 * const { program, problems } = compileProgram({ rules: { bonus }, exprs: { 'formula.orders.fee': { source: 'money.pct(record.total, 5)', context: 'formula' } } });
 */
export function compileProgram(input: CompileInput, opts: CompileOptions = {}): CompileResult {
  const semantics = opts.semantics ?? SEMANTICS_VERSION;
  if (!(SEMANTICS_VERSIONS as readonly number[]).includes(semantics)) throw new RangeError(`Unknown rule semantics version ${String(semantics)}`);
  const locale = opts.locale ?? 'zh-CN';
  const problems: RuleProblem[] = [];
  const exprs = new ExpressionTable();
  const tables: string[] = [];
  const rules: string[] = [];
  const entries: string[] = [];

  for (const [key, def] of Object.entries(input.rules ?? {})) {
    const rep = new Reporter(key, locale);
    checkShape(rep, key, def);
    if (!rep.hasErrors()) {
      if (def.type === 'table') {
        const parts = parseTable(rep, def);
        if (parts) tables.push(`$T[${J(key)}] = ${emitTable(key, def, parts, exprs)};`);
      } else {
        const parsed = parseAll(rep, def);
        if (parsed) rules.push(`[${J(key)}, ${new TriggerEmitter(key, parsed, exprs).emit(def as TriggerRuleDefinition)}]`);
      }
    }
    problems.push(...rep.problems);
  }

  for (const [id, e] of Object.entries(input.exprs ?? {})) {
    const rep = new Reporter(id, locale);
    const context = e?.context;
    if (typeof context !== 'string' || !Object.hasOwn(FACT_NAMES, context)) {
      rep.add('RULE_INVALID', '', 'contextInvalid', { value: String(context), allowed: Object.keys(FACT_NAMES).join(', ') });
    } else if (typeof e.source !== 'string') {
      rep.add('RULE_INVALID', '', 'wrongType', { prop: 'source', expected: locale === 'en' ? 'a string' : '字符串' });
    } else {
      const parsed = parseSlot(rep, e.source, '', FACT_NAMES[context]);
      if (parsed) entries.push(`[${J(id)}, (function (x) { return function (facts) { return x($facts(facts, ${J(id)})); }; })(${exprs.ref(parsed, context, id, '')})]`);
    }
    problems.push(...rep.problems);
  }

  const w = new ProgramWriter();
  w.write(`// Kiln rules program · semantics ${semantics}\n"use strict";\n(function ($X, $O) {\n`);
  w.write(runtimeCore(locale));
  w.write(RUNTIME_ACTIONS);
  w.write(TABLE_RUNTIME);
  w.write('function $group(list) { return Object.freeze(Object.fromEntries(list)); }\n');
  w.write('const $T = Object.create(null);\n');
  for (const t of tables) w.write(`${t}\n`);
  w.write(`const $R = [\n${rules.map((r) => `  ${r}`).join(',\n')}\n];\n`);
  w.write('return Object.freeze({\n');
  w.write('  rules: $group($R.map(function (r) { return [r[0], function (facts) { return $rule(r[1], facts); }]; })),\n');
  w.write('  tables: $group(Object.keys($T).map(function (k) { return [k, function (facts) { return $table($T[k], facts); }]; })),\n');
  w.write(`  exprs: $group([\n${entries.map((e) => `    ${e}`).join(',\n')}\n  ]),\n`);
  w.write('});\n})(');
  exprs.write(w);
  w.write(');\n');
  const source = w.toString();
  return { program: { hash: fnv1a64(`kiln-rules-program\u0000semantics=${semantics}\u0000${source}`), source }, problems };
}
