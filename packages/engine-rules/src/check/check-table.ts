import type { AnyNode } from 'acorn';
import { ptr } from '../compile/pointer.js';
import { expressionSlots } from '../compile/slots.js';
import { triggerForm } from '../compile/trigger-form.js';
import { ALLOWED_BUILTINS, FACT_NAMES, HELPER_GLOBALS, type ValueType } from '../helpers.js';
import type { CellNode } from '../tables/cell.js';
import { findOverlaps } from '../tables/overlap.js';
import { parseCell } from '../tables/parse-cell.js';
import type { DecisionTableDefinition } from '../types.js';
import { analyzeExpression } from './analyze-expression.js';
import type { CheckContext } from './check-context.js';
import type { ExprEnv } from './expression-env.js';
import { reportCellError } from './cell-problem.js';
import { typeWord } from './messages.js';
import { parseSlot } from './parse-slot.js';
import type { Reporter } from './reporter.js';
import { isObject } from './shape-util.js';
import { compatible, recordType, T, type TypeInfo } from './type-info.js';

const OUTPUT_ACCEPTS: Readonly<Record<string, ValueType>> = { number: 'number', money: 'money', text: 'string', boolean: 'boolean' };

/** The form of the records a table sees: that of the triggers that run it, when they agree. */
function callerForm(key: string, ctx: CheckContext): string | undefined {
  const forms = new Set<string | undefined>();
  for (const r of Object.values(ctx.rules)) {
    if (!isObject(r) || r.type !== 'trigger' || !Array.isArray(r.actions)) continue;
    if (r.actions.some((a) => isObject(a) && a.type === 'decide' && a.table === key)) forms.add(triggerForm(r));
  }
  return forms.size === 1 ? [...forms][0] : undefined;
}

/** Parses and checks one `when` cell; returns its node, or null when it is invalid. */
function checkCell(rep: Reporter, text: string, path: string, env: ExprEnv): CellNode | null {
  const r = parseCell(text);
  if (!r.ok) {
    reportCellError(rep, text, path, r.error);
    return null;
  }
  if (r.cell.kind !== 'expr') return r.cell;
  // Parse the raw text so positions stay those of the cell as typed.
  const parsed = parseSlot(rep, text, path, FACT_NAMES.cell);
  if (!parsed) return null;
  const node = parsed.node as AnyNode;
  const known: readonly string[] = [...FACT_NAMES.cell, ...HELPER_GLOBALS, ...ALLOWED_BUILTINS];
  if (node.type === 'Identifier' && !known.includes(node.name)) {
    rep.add('RULE_TABLE_CELL', path, 'cellBareWord', { text: node.name }, { source: text, from: node.start, to: node.end });
    return null;
  }
  const before = rep.problems.length;
  analyzeExpression(parsed, env, rep, path);
  return rep.problems.length === before ? r.cell : null;
}

/**
 * Semantic checks of a decision table: input and output expressions (records typed by the
 * triggers that run the table, when they share a form), cell grammar (RULE_TABLE_CELL), output
 * literal types, and for hit policy `unique` rows that can match the same input
 * (RULE_TABLE_OVERLAP, naming both rows).
 * @internal
 */
export function checkTable(rep: Reporter, def: DecisionTableDefinition, key: string, ctx: CheckContext): void {
  const record = recordType(ctx.schema, callerForm(key, ctx));
  const base = { schema: ctx.schema, record, itemState: 'free' as const };
  const inputTypes = new Map<string, TypeInfo>();
  const inputs = Array.isArray(def.inputs) ? def.inputs : [];
  const outputs = Array.isArray(def.outputs) ? def.outputs.filter(isObject) : [];
  for (const slot of expressionSlots(def)) {
    const parsed = parseSlot(rep, slot.source, slot.path, FACT_NAMES[slot.context], slot.optional);
    if (!parsed) continue;
    const a = analyzeExpression(parsed, { ...base, context: 'table' }, rep, slot.path);
    if (slot.role === 'input') {
      const col = inputs[slot.index!];
      if (isObject(col) && typeof col.id === 'string') inputTypes.set(col.id, a.type);
    } else if (slot.role === 'then') {
      const out = outputs.find((o) => o.id === slot.key);
      const want = out && typeof out.type === 'string' ? OUTPUT_ACCEPTS[out.type] : undefined;
      if (want && !compatible(want, a.type)) {
        rep.add('RULE_ARG_TYPE', slot.path, 'valueType', { field: String(out!.key), fieldType: String(out!.type), expected: typeWord(want, rep.locale), actual: typeWord(a.type.vt, rep.locale) }, { source: slot.source, from: 0, to: slot.source.length });
      }
    }
  }
  const rows = Array.isArray(def.rows) ? def.rows : [];
  const parsedRows: Array<Record<string, CellNode> | null> = rows.map((row, i) => {
    if (!isObject(row) || !isObject(row.when)) return isObject(row) && row.when === undefined ? {} : null;
    const cells: Record<string, CellNode> = {};
    let ok = true;
    for (const [inputId, text] of Object.entries(row.when)) {
      if (typeof text !== 'string' || !inputTypes.has(inputId) && !inputs.some((c) => isObject(c) && c.id === inputId)) continue;
      const env: ExprEnv = { ...base, context: 'cell', dollar: inputTypes.get(inputId) ?? T.any };
      const c = checkCell(rep, text, ptr('rows', i, 'when', inputId), env);
      if (c) cells[inputId] = c;
      else ok = false;
    }
    return ok ? cells : null;
  });
  if (def.hitPolicy !== 'unique') return;
  const ids = inputs.filter(isObject).map((c) => String(c.id));
  const usable = parsedRows.map((r, i) => ({ r, i })).filter((x): x is { r: Record<string, CellNode>; i: number } => x.r !== null);
  for (const o of findOverlaps(ids, usable.map((x) => x.r))) {
    const a = usable[o.first]!.i;
    const b = usable[o.second]!.i;
    const idOf = (i: number) => String((rows[i] as { id?: unknown }).id ?? i);
    rep.add('RULE_TABLE_OVERLAP', ptr('rows', b), 'overlap', { a: idOf(a), b: idOf(b) });
  }
}
