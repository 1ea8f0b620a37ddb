import type { FormDefinition } from '@kiln/engine-forms';
import type { FormDraft } from '../../api/types';

/** The app's draft forms by key, each with a field list (what the engines expect). */
export function formMap(drafts: readonly FormDraft[]): Record<string, FormDefinition> {
  const out: Record<string, FormDefinition> = {};
  for (const d of drafts) if (d.definition) out[d.key] = { ...d.definition, fields: d.definition.fields ?? [] };
  return out;
}
