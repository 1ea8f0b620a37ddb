/**
 * Edits of `Record<key, value>` maps (field mappings, `assign`) that keep the order of keys, since
 * the editor shows them as ordered rows.
 */
type Mapping = Readonly<Record<string, string>>;

/** The map with key `from` renamed to `to` in place (a no-op when `to` is already used). */
export function renameKey(map: Mapping, from: string, to: string): Record<string, string> {
  if (from === to || to in map) return { ...map };
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) next[k === from ? to : k] = v;
  return next;
}

/** The map with `key` set to `value` (appended when new). */
export function setKey(map: Mapping, key: string, value: string): Record<string, string> {
  return { ...map, [key]: value };
}

/** The map without `key`. */
export function removeKey(map: Mapping, key: string): Record<string, string> {
  const next = { ...map };
  delete next[key];
  return next;
}

/** The map with the row at `i` moved by `delta`. */
export function moveKey(map: Mapping, i: number, delta: number): Record<string, string> {
  const entries = Object.entries(map);
  const j = i + delta;
  if (j < 0 || j >= entries.length) return { ...map };
  [entries[i], entries[j]] = [entries[j], entries[i]];
  return Object.fromEntries(entries);
}

/**
 * A key for a new row: the first of `candidates` not used yet, else `field`, `field_2`, …
 * (a placeholder the user then picks a real field for).
 */
export function newKey(map: Mapping, candidates: readonly string[]): string {
  const free = candidates.find((c) => !(c in map));
  if (free) return free;
  for (let n = 1; ; n++) {
    const k = n === 1 ? 'field' : `field_${n}`;
    if (!(k in map)) return k;
  }
}
