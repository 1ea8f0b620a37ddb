/**
 * The trigger-rule runner of every program (semantics 1), as JavaScript source. It walks a rule
 * descriptor emitted by emit-trigger.ts — `{ key, form, condition, actions: [{ id, type, path,
 * yields, when, forEach, … }] }`, expressions already wrapped by `$fn` — and returns a
 * RuleOutcome. Semantics:
 * - `condition` falsy → `{ matched: false }` with nothing else;
 * - actions run in order; `when` is evaluated once, before `forEach`; falsy → `{ id, ran: false }`;
 * - `forEach` binds `item` / `index`; null/undefined is an empty list, anything else not a list
 *   is RULE_RESULT_INVALID;
 * - create/upsert leave a ref in `results[id]` (`{ $ref: id }`, or per iteration
 *   `{ $ref: id + '/' + index }`), the effect's `action` is that same ref string;
 * - a mapping value of `undefined` is not written; `null` clears;
 * - the first `reject` ends the evaluation (the write will be refused anyway).
 * @internal
 */
export const RUNTIME_ACTIONS = `const $STOP = {};
function $values(pairs, s, rule) {
  const out = {};
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k];
    const v = p[1](s);
    if (v === undefined) continue;
    $set(out, p[0], $plain(v, rule, p[2], p[0]));
  }
  return out;
}
function $text(v, rule, path, prop, optional) {
  if (optional && (v === null || v === undefined)) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return $fail('RULE_RESULT_INVALID', rule, path, 'textInvalid', { prop: prop, actual: $kind(v) });
}
function $users(v, rule, path) {
  const out = [];
  if (v === null || v === undefined) return out;
  const list = Array.isArray(v) ? v : [v];
  for (let k = 0; k < list.length; k++) {
    const u = list[k];
    if (typeof u !== 'number' || !Number.isInteger(u)) $fail('RULE_RESULT_INVALID', rule, path, 'usersInvalid', { actual: $kind(u) });
    if (out.indexOf(u) < 0) out.push(u);
  }
  return out;
}
function $entries(v, rule, path, key) {
  if (!Array.isArray(v)) $fail('RULE_RESULT_INVALID', rule, path, 'entriesNotList', { actual: $kind(v) });
  for (let k = 0; k < v.length; k++) {
    const e = v[k];
    if (e === null || typeof e !== 'object' || Array.isArray(e) || (Object.getPrototypeOf(e) !== Object.prototype && Object.getPrototypeOf(e) !== null)) $fail('RULE_RESULT_INVALID', rule, path, 'entryNotObject', { n: k + 1, actual: $kind(e) });
    if (e[key] === undefined || e[key] === null || e[key] === '') $fail('RULE_RESULT_INVALID', rule, path, 'entryNoKey', { n: k + 1, key: key });
  }
  return v;
}
function $act(d, a, s, out, ref) {
  const p = a.path;
  switch (a.type) {
    case 'create':
      out.effects.push({ type: 'create', action: ref, form: a.form, values: $values(a.values, s, d.key) });
      return { $ref: ref };
    case 'update': {
      const id = a.target(s);
      if (!(typeof id === 'number' && Number.isFinite(id)) && !$isRef(id)) $fail('RULE_RESULT_INVALID', d.key, a.targetPath, 'updateIdInvalid', { actual: $kind(id) });
      out.effects.push({ type: 'update', action: ref, form: a.form, id: $isRef(id) ? { $ref: id.$ref } : id, values: $values(a.values, s, d.key) });
      return undefined;
    }
    case 'upsert': {
      const e = { type: 'upsert', action: ref, form: a.form, match: $values(a.match, s, d.key), values: $values(a.values, s, d.key) };
      if (a.createOnly !== null) e.createOnly = a.createOnly.slice();
      out.effects.push(e);
      return { $ref: ref };
    }
    case 'decide': {
      if (!$has.call($T, a.table)) $fail('RULE_UNKNOWN_TABLE', d.key, p + '/table', 'tableMissing', { table: a.table });
      const oc = $table($T[a.table], s);
      $set(out.tables, ref, oc);
      const o = oc.output;
      if (a.assign !== null && o !== null && typeof o === 'object' && !Array.isArray(o)) {
        const id = s.record !== null && typeof s.record === 'object' ? s.record.id : undefined;
        if (typeof id !== 'number' || d.form === null) $fail('RULE_RESULT_INVALID', d.key, p + '/assign', 'assignNeedsRecord', {});
        const values = {};
        for (let k = 0; k < a.assign.length; k++) if (o[a.assign[k][1]] !== undefined) $set(values, a.assign[k][0], o[a.assign[k][1]]);
        out.effects.push({ type: 'update', action: ref, form: d.form, id: id, values: values });
      }
      return o;
    }
    case 'ledger': {
      const entries = $entries(a.entries(s), d.key, p + '/entries', a.key);
      if (entries.length) out.effects.push({ type: 'ledger', action: ref, form: a.form, key: a.key, entries: entries });
      return undefined;
    }
    case 'flow': {
      let r = a.record !== null ? a.record(s) : s.record !== null && typeof s.record === 'object' && typeof s.record.id === 'number' ? s.record.id : null;
      if (r === undefined) r = null;
      if (!(r === null || (typeof r === 'number' && Number.isFinite(r)) || $isRef(r))) $fail('RULE_RESULT_INVALID', d.key, p + '/record', 'flowRecordInvalid', { actual: $kind(r) });
      out.effects.push({ type: 'flow', action: ref, flow: a.flow, record: r });
      return undefined;
    }
    case 'connector': {
      const payload = $plain(a.payload(s), d.key, p + '/payload', 'payload');
      out.effects.push({ type: 'connector', action: ref, connector: a.connector, operation: a.operation, payload: payload === undefined ? null : payload });
      return undefined;
    }
    case 'notify': {
      const users = $users(a.users !== null ? a.users(s) : null, d.key, p + '/users');
      const title = $text(a.title(s), d.key, p + '/title', 'title', false);
      const body = a.body !== null ? $text(a.body(s), d.key, p + '/body', 'body', true) : null;
      out.effects.push({ type: 'notify', action: ref, users: users, roles: a.roles.slice(), title: title, body: body });
      return undefined;
    }
    case 'reject': {
      const m = a.message(s);
      let message;
      if (typeof m === 'string') message = m;
      else if (m !== null && typeof m === 'object' && typeof m['zh-CN'] === 'string' && typeof m.en === 'string') message = { 'zh-CN': m['zh-CN'], en: m.en };
      else $fail('RULE_RESULT_INVALID', d.key, p + '/message', 'messageInvalid', { actual: $kind(m) });
      out.effects.push({ type: 'reject', action: ref, message: message, field: a.field });
      return $STOP;
    }
  }
  return undefined;
}
function $rule(d, facts) {
  const f = $facts(facts, d.key);
  const results = {};
  const s = { record: f.record, old: f.old, changed: f.changed, event: f.event, results: results, item: undefined, index: undefined };
  const out = { rule: d.key, matched: false, effects: [], results: results, actions: [], tables: {} };
  if (d.condition !== null && !d.condition(s)) return out;
  out.matched = true;
  for (let n = 0; n < d.actions.length; n++) {
    const a = d.actions[n];
    const trace = { id: a.id, ran: false };
    out.actions.push(trace);
    if (a.when !== null && !a.when(s)) continue;
    trace.ran = true;
    let stop = false;
    if (a.forEach !== null) {
      let list = a.forEach(s);
      if (list === null || list === undefined) list = [];
      if (!Array.isArray(list)) $fail('RULE_RESULT_INVALID', d.key, a.path + '/forEach', 'forEachNotList', { actual: $kind(list) });
      trace.iterations = list.length;
      const acc = [];
      for (let i = 0; i < list.length && !stop; i++) {
        const si = { record: s.record, old: s.old, changed: s.changed, event: s.event, results: results, item: list[i], index: i };
        const r = $act(d, a, si, out, a.id + '/' + i);
        if (r === $STOP) stop = true;
        else acc.push(r);
      }
      if (a.yields) {
        $set(results, a.id, acc);
        trace.result = acc;
      }
    } else {
      const r = $act(d, a, s, out, a.id);
      if (r === $STOP) stop = true;
      else if (a.yields) {
        $set(results, a.id, r);
        trace.result = r;
      }
    }
    if (stop) break;
  }
  return out;
}
`;
