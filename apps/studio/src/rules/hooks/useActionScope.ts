import type { FieldDefinition } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { itemFieldsOf } from '../model/form-fields';
import { triggerForm } from '../model/trigger-ops';
import { useFormFields } from './useFormFields';
import { useTriggerRule } from './useTriggerRule';

/** What the expressions of action `n` can see, for autocomplete. */
export interface ActionScope {
  /** Fields of the triggering record (`record.` / `old.`). */
  fields: FieldDefinition[];
  /** Columns of the sub-table a `forEach: record.<subtable>` loops over (`item.`). */
  itemFields: FieldDefinition[] | undefined;
  /** Ids of the actions before it (`results.<id>`). */
  results: string[];
}

/** The autocomplete scope of action `n` of the trigger rule. */
export function useActionScope(n: number): ActionScope {
  const rule = useTriggerRule();
  const fields = useFormFields(triggerForm(rule.trigger));
  const forEach = rule.actions[n]?.forEach;
  const earlier = rule.actions.slice(0, n).map((a) => a.id).join(',');
  return useMemo(
    () => ({ fields, itemFields: itemFieldsOf(fields, forEach), results: earlier ? earlier.split(',') : [] }),
    [fields, forEach, earlier],
  );
}
