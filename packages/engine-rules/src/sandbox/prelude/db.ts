/**
 * Prelude fragment: `db.*` and `ref`. A lookup asks the host synchronously (`host` is the
 * `ivm.Callback` the slot installs): the host answers `[value]` from the evaluation's memo, or
 * `null` on a miss, which it records on its side before this code throws — so catching the
 * throw cannot hide the miss; the host discards the attempt, fetches, and runs again.
 * In batch evaluation lookups are refused (and flagged, so a catch cannot hide that either).
 * Arguments are checked here (so the error carries the rule's position); `db.get(form, null)`
 * is `null` without a lookup, which keeps walks along optional relations short.
 * @internal
 */
export const DB_JS = String.raw`
function lookup(method, args) {
  if (env.batch) {
    env.touchedDb = true;
    throw tagged('RULE_LOOKUP_FAILED', 'db.' + method + ' is not available in batch evaluation');
  }
  if (typeof args[0] !== 'string' || args[0] === '') throw new TypeError('db.' + method + ': form must be a form key, got ' + show(args[0]));
  const answer = host(method, args);
  if (answer === null) throw new Error('db.' + method + ': lookup pending (the evaluation restarts)');
  return answer[0];
}
function object(method, what, x) {
  if (x === null || typeof x !== 'object' || isArray(x)) throw new TypeError('db.' + method + ': ' + what + ' must be an object, got ' + show(x));
  return x;
}
const db = {
  get(form, id) {
    if (id === null || id === undefined) return null;
    if (!Number.isSafeInteger(id)) throw new TypeError('db.get: id must be an integer record id, got ' + show(id));
    return lookup('get', [form, id]);
  },
  find(form, filter) { return lookup('find', [form, object('find', 'filter', filter)]); },
  all(form, filter, opts) {
    object('all', 'filter', filter);
    return lookup('all', opts === undefined ? [form, filter] : [form, filter, object('all', 'opts', opts)]);
  },
  count(form, filter) { return lookup('count', [form, object('count', 'filter', filter)]); },
  sum(form, field, filter) {
    if (typeof field !== 'string' || field === '') throw new TypeError('db.sum: field must be a field key, got ' + show(field));
    return lookup('sum', [form, field, object('sum', 'filter', filter)]);
  },
};
function ref(actionId) {
  if (typeof actionId !== 'string' || actionId === '') throw new TypeError('ref: expected an action id, got ' + show(actionId));
  return { $ref: actionId };
}
`;
