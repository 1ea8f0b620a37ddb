import type { FormDefinition } from '@kiln/engine-forms';
import { isSubtable } from './containers';

/**
 * Maps a JSON pointer into the definition (e.g. `/fields/3/options/0/value` or
 * `/fields/1/fields/0/key`) to the id of the innermost field it points into, or null
 * when it points at the form itself (title, public settings, …).
 */
export function fieldIdAtPath(def: FormDefinition, pointer: string): string | null {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'fields') return null;
  const root = def.fields[Number(parts[1])];
  if (!root) return null;
  if (parts[2] === 'fields' && isSubtable(root)) {
    const child = root.fields?.[Number(parts[3])];
    if (child) return child.id;
  }
  return root.id;
}
