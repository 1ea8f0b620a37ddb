/**
 * Applies xyflow `select` changes (id → selected) to a selection list, keeping its order and
 * appending newly selected ids.
 */
export function applySelection(current: readonly string[], changes: Readonly<Record<string, boolean>>): string[] {
  const kept = current.filter((id) => changes[id] !== false);
  for (const [id, on] of Object.entries(changes)) if (on && !kept.includes(id)) kept.push(id);
  return kept.length === current.length && kept.every((id, i) => id === current[i]) ? (current as string[]) : kept;
}
