type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** True for values a property panel treats as "not set" (the property is removed). */
export const isEmptyValue = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The value at `path` in `obj` (undefined when any step is missing). */
export function getAt(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/**
 * A copy of `obj` with `value` at `path`. An empty value removes the property, and objects
 * left empty on the way are removed too, so definitions stay minimal (`sla: {}` never stays).
 *
 * @example setAt({ sla: { due: 'PT2H' } }, ['sla', 'remindBefore'], 'PT30M')
 */
export function setAt<T extends Obj>(obj: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path;
  const next: Obj = { ...obj };
  if (!rest.length) {
    if (isEmptyValue(value)) delete next[head];
    else next[head] = value;
    return next as T;
  }
  const child = setAt(isObj(next[head]) ? (next[head] as Obj) : {}, rest, value);
  if (Object.keys(child).length) next[head] = child;
  else delete next[head];
  return next as T;
}
