/**
 * The decision-table runner of every program (semantics 1), as JavaScript source. It walks a
 * table descriptor emitted by compile/emit-table.ts — `{ key, hit, inputs: [fn], outputs:
 * [[key, outputId]], rows: [{ id, path, cells: [[inputIndex, cell]], then: { outputId: fn } }] }`
 * — and returns a TableOutcome `{ matched, output }`. Semantics:
 * - inputs are evaluated once per run, in column order;
 * - a row matches when every cell it has matches (a missing cell is `-`);
 * - numbers compare numerically, strings (ISO dates too) lexically, never across types;
 *   `literal` / list / `=` compare strictly, except that `null` also matches `undefined`;
 *   an `expr` cell matches when truthy, with `$` and `input` bound to the value;
 * - `then` cells are evaluated for matched rows only; a missing or `undefined` output is null;
 * - first: the first match or null; unique: the one match, null if none, RULE_RUNTIME when a
 *   second row matches; collect: the list of outputs; collect_sum/min/max: per output key the
 *   aggregate of its numbers (null/undefined skipped, other values RULE_RESULT_INVALID; null
 *   when nothing matched); collect_count: `{ count }`.
 * @internal
 */
export const TABLE_RUNTIME = `function $eq(v, x) {
  return x === null ? v === null || v === undefined : v === x;
}
function $cmp(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return NaN;
}
function $test(c, v, s) {
  switch (c.kind) {
    case 'any':
      return true;
    case 'literal':
      return $eq(v, c.value);
    case 'list': {
      let hit = false;
      for (let k = 0; k < c.values.length && !hit; k++) hit = $eq(v, c.values[k]);
      return c.negated ? !hit : hit;
    }
    case 'compare': {
      if (c.op === '=') return $eq(v, c.value);
      if (c.op === '!=') return !$eq(v, c.value);
      const d = $cmp(v, c.value);
      if (d !== d) return false;
      return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : d >= 0;
    }
    case 'range': {
      const lo = $cmp(v, c.lo);
      const hi = $cmp(v, c.hi);
      if (lo !== lo || hi !== hi) return false;
      return (c.loOpen ? lo > 0 : lo >= 0) && (c.hiOpen ? hi < 0 : hi <= 0);
    }
    case 'expr':
      return !!c.fn({ record: s.record, old: s.old, changed: s.changed, event: s.event, results: s.results, input: v, item: s.item, index: s.index, $: v });
  }
  return false;
}
function $rowOutput(t, row, s) {
  const o = {};
  for (let k = 0; k < t.outputs.length; k++) {
    const key = t.outputs[k][0];
    const fn = $has.call(row.then, t.outputs[k][1]) ? row.then[t.outputs[k][1]] : null;
    const v = fn === null ? null : fn(s);
    $set(o, key, v === undefined ? null : v);
  }
  return o;
}
function $aggregate(t, rows, s) {
  if (!rows.length) return null;
  const out = {};
  for (let k = 0; k < t.outputs.length; k++) {
    const key = t.outputs[k][0];
    const id = t.outputs[k][1];
    let acc = null;
    for (let r = 0; r < rows.length; r++) {
      const fn = $has.call(rows[r].then, id) ? rows[r].then[id] : null;
      const v = fn === null ? null : fn(s);
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) $fail('RULE_RESULT_INVALID', t.key, rows[r].path + '/then/' + id, 'aggregateNotNumber', { key: key, policy: t.hit, row: rows[r].id, actual: $kind(v) });
      acc = acc === null ? v : t.hit === 'collect_sum' ? acc + v : t.hit === 'collect_min' ? Math.min(acc, v) : Math.max(acc, v);
    }
    $set(out, key, acc);
  }
  return out;
}
function $table(t, facts) {
  const f = $facts(facts, t.key);
  const s = { record: f.record, old: f.old, changed: f.changed, event: f.event, results: f.results, input: f.input, item: f.item, index: f.index };
  const vals = [];
  for (let c = 0; c < t.inputs.length; c++) vals.push(t.inputs[c](s));
  const matched = [];
  const rows = [];
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r];
    let ok = true;
    for (let k = 0; k < row.cells.length && ok; k++) ok = $test(row.cells[k][1], vals[row.cells[k][0]], s);
    if (!ok) continue;
    if (t.hit === 'unique' && rows.length === 1) $fail('RULE_RUNTIME', t.key, row.path, 'uniqueTwice', { a: rows[0].id, b: row.id });
    matched.push(row.id);
    rows.push(row);
    if (t.hit === 'first') break;
  }
  let output;
  if (t.hit === 'first' || t.hit === 'unique') output = rows.length ? $rowOutput(t, rows[0], s) : null;
  else if (t.hit === 'collect') output = rows.map(function (row) { return $rowOutput(t, row, s); });
  else if (t.hit === 'collect_count') output = { count: rows.length };
  else output = $aggregate(t, rows, s);
  return { matched: matched, output: output };
}
`;
