/**
 * Prelude fragment: the host's entry points into the isolate, returned as the prelude's
 * completion value and reachable only through the slot's References (programs cannot see them).
 *
 * - `register(hash, entries)` / `unregister(hash)`: the compile cache's in-isolate half;
 *   entries are frozen (groups and functions) so an evaluation cannot rewire the next one.
 * - `invoke(hash, kind, key, facts, nowMs, timeZone)` → `{ ok, value } | { ok: false, error }`:
 *   one evaluation; errors come back as data, never as exceptions.
 * - `invokeBatch(hash, kind, key, factsList, nowMs, timeZone, itemTimeoutMs)` → outcomes; lookups
 *   are refused, an item that ran longer than `itemTimeoutMs` counts as RULE_TIMEOUT;
 *   `takeProgress()` returns the outcomes finished before a batch was cut short.
 * @internal
 */
export const DISPATCH_JS = String.raw`
const programs = new Map();
let progress = [];
function freezeEntries(entries) {
  if (entries === null || typeof entries !== 'object') throw new TypeError('The program must evaluate to an object of entry points');
  const groups = ['rules', 'tables', 'exprs'];
  for (let g = 0; g < groups.length; g++) {
    const group = entries[groups[g]];
    if (group === undefined) continue;
    if (group === null || typeof group !== 'object') throw new TypeError('Program entry group ' + groups[g] + ' must be an object');
    const ks = objectKeys(group);
    for (let i = 0; i < ks.length; i++) {
      const fn = group[ks[i]];
      if (typeof fn !== 'function') throw new TypeError('Program entry ' + groups[g] + '.' + ks[i] + ' is not a function');
      if (hasOwn.call(fn, 'prototype') && fn.prototype !== null && typeof fn.prototype === 'object') freeze(fn.prototype);
      freeze(fn);
    }
    freeze(group);
  }
  freeze(entries);
}
function register(hash, entries) { freezeEntries(entries); programs.set(hash, entries); }
function unregister(hash) { programs.delete(hash); }
function entry(hash, kind, key) {
  const p = programs.get(hash);
  const group = p !== undefined && hasOwn.call(p, kind) ? p[kind] : undefined;
  return group !== undefined && hasOwn.call(group, key) ? group[key] : null;
}
function noEntry(kind, key) {
  return { ok: false, error: { code: 'RULE_INVALID', message: 'The program has no entry ' + kind + '.' + key } };
}
function evaluate(fn, facts) {
  try {
    return { ok: true, value: copyOut(fn.call(undefined, facts)) };
  } catch (e) {
    return { ok: false, error: toRuleError(e) };
  }
}
function invoke(hash, kind, key, facts, nowMs, timeZone) {
  env.nowMs = nowMs; env.timeZone = timeZone; env.batch = false; env.touchedDb = false;
  const fn = entry(hash, kind, key);
  return fn === null ? noEntry(kind, key) : evaluate(fn, facts);
}
function invokeBatch(hash, kind, key, factsList, nowMs, timeZone, itemTimeoutMs) {
  env.nowMs = nowMs; env.timeZone = timeZone; env.batch = true;
  progress = [];
  const fn = entry(hash, kind, key);
  for (let i = 0; i < factsList.length; i++) {
    if (fn === null) { progress.push(noEntry(kind, key)); continue; }
    env.touchedDb = false;
    const started = realNow();
    let outcome = evaluate(fn, factsList[i]);
    if (env.touchedDb) outcome = { ok: false, error: { code: 'RULE_LOOKUP_FAILED', message: 'Lookups (db.*) are not available in batch evaluation' } };
    else if (realNow() - started > itemTimeoutMs) outcome = { ok: false, error: { code: 'RULE_TIMEOUT', message: 'The evaluation ran longer than ' + itemTimeoutMs + ' ms' } };
    progress.push(outcome);
  }
  env.batch = false;
  /* Kept until the next batch: if microtasks time out after this return, the host still reads it. */
  return progress;
}
function takeProgress() { const out = progress; progress = []; return out; }
`;
