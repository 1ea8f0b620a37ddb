import type { DecisionTableDefinition, TableInput, TableOutput, TableRow } from '@kiln/engine-rules';
import { freeId } from './ids';
import { insertAt, moveAt, removeAt, updateAt } from './list-ops';

type Table = DecisionTableDefinition;

const omit = (rec: Record<string, string>, key: string) => {
  const next = { ...rec };
  delete next[key];
  return next;
};

/** Appends an input column (`in<n>`); rows get an empty ("any") test for it. */
export function addInput(t: Table): Table {
  const id = freeId('in', t.inputs.map((c) => c.id), true);
  const n = t.inputs.length + 1;
  const input: TableInput = { id, label: { 'zh-CN': `输入 ${n}`, en: `Input ${n}` }, expression: '' };
  return { ...t, inputs: [...t.inputs, input], rows: t.rows.map((r) => ({ ...r, when: { ...r.when, [id]: '' } })) };
}

/** Removes input column `i` and its tests from every row. */
export function removeInput(t: Table, i: number): Table {
  const id = t.inputs[i]?.id;
  if (!id) return t;
  return { ...t, inputs: removeAt(t.inputs, i), rows: t.rows.map((r) => ({ ...r, when: omit(r.when, id) })) };
}

/** Appends an output column (`out<n>`, key `result_<n>`); rows get an empty value for it. */
export function addOutput(t: Table): Table {
  const id = freeId('out', t.outputs.map((c) => c.id), true);
  const key = freeId('result', t.outputs.map((c) => c.key));
  const n = t.outputs.length + 1;
  const output: TableOutput = { id, key, label: { 'zh-CN': `输出 ${n}`, en: `Output ${n}` }, type: 'text' };
  return { ...t, outputs: [...t.outputs, output], rows: t.rows.map((r) => ({ ...r, then: { ...r.then, [id]: '' } })) };
}

/** Removes output column `i` and its values from every row. */
export function removeOutput(t: Table, i: number): Table {
  const id = t.outputs[i]?.id;
  if (!id) return t;
  return { ...t, outputs: removeAt(t.outputs, i), rows: t.rows.map((r) => ({ ...r, then: omit(r.then, id) })) };
}

/** Moves input column `i` left (-1) or right (+1). */
export function moveInput(t: Table, i: number, delta: number): Table {
  return { ...t, inputs: moveAt(t.inputs, i, delta) };
}

/** Moves output column `i` left (-1) or right (+1). */
export function moveOutput(t: Table, i: number, delta: number): Table {
  return { ...t, outputs: moveAt(t.outputs, i, delta) };
}

function blankRow(t: Table): TableRow {
  return {
    id: freeId('r', t.rows.map((r) => r.id), true),
    when: Object.fromEntries(t.inputs.map((c) => [c.id, ''])),
    then: Object.fromEntries(t.outputs.map((c) => [c.id, ''])),
  };
}

/** Appends an empty row (every test "any"). */
export function addRow(t: Table): Table {
  return { ...t, rows: [...t.rows, blankRow(t)] };
}

/** Inserts a copy of row `i` (with a new id) right after it. */
export function duplicateRow(t: Table, i: number): Table {
  const src = t.rows[i];
  if (!src) return t;
  const copy: TableRow = { ...src, id: blankRow(t).id, when: { ...src.when }, then: { ...src.then } };
  return { ...t, rows: insertAt(t.rows, i + 1, copy) };
}

/** Removes row `i`. */
export function removeRow(t: Table, i: number): Table {
  return { ...t, rows: removeAt(t.rows, i) };
}

/** Moves row `i` up (-1) or down (+1); with hit policy `first` the order decides. */
export function moveRow(t: Table, i: number, delta: number): Table {
  return { ...t, rows: moveAt(t.rows, i, delta) };
}

/** Sets one cell: an input test (`when`) or an output value (`then`) of row `i`. */
export function setCell(t: Table, i: number, side: 'when' | 'then', columnId: string, text: string): Table {
  return { ...t, rows: updateAt(t.rows, i, (r) => ({ ...r, [side]: { ...r[side], [columnId]: text } })) };
}

/** Edits input column `i`. */
export function updateInput(t: Table, i: number, fn: (c: TableInput) => TableInput): Table {
  return { ...t, inputs: updateAt(t.inputs, i, fn) };
}

/** Edits output column `i`. */
export function updateOutput(t: Table, i: number, fn: (c: TableOutput) => TableOutput): Table {
  return { ...t, outputs: updateAt(t.outputs, i, fn) };
}

/** Sets (or, when blank, removes) the note of row `i`. */
export function setRowNote(t: Table, i: number, note: string): Table {
  return {
    ...t,
    rows: updateAt(t.rows, i, (r) => {
      const next = { ...r };
      if (note) next.description = note;
      else delete next.description;
      return next;
    }),
  };
}
