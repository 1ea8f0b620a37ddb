import { ACTION_TYPES, type ActionSpec, type ActionType } from '@kiln/engine-rules';
import { freeId } from './ids';

type Common = Pick<ActionSpec, 'id' | 'when' | 'forEach'>;

function formOf(a: ActionSpec | undefined): string {
  return a && 'form' in a ? a.form : '';
}

function valuesOf(a: ActionSpec | undefined): Record<string, string> {
  return a && 'values' in a ? { ...a.values } : {};
}

/**
 * A new action of `type`. When `prev` is given (the type picker changed), its id, `when`,
 * `forEach`, form and field values carry over where the new type has them.
 */
export function blankAction(type: ActionType, id: string, prev?: ActionSpec): ActionSpec {
  const common: Common = { id };
  if (prev?.when) common.when = prev.when;
  if (prev?.forEach) common.forEach = prev.forEach;
  const form = formOf(prev);
  switch (type) {
    case 'create':
      return { ...common, type, form, values: valuesOf(prev) };
    case 'update':
      return { ...common, type, form, record: 'record.id', values: valuesOf(prev) };
    case 'upsert':
      return { ...common, type, form, match: {}, values: valuesOf(prev) };
    case 'decide':
      return { ...common, type, table: '' };
    case 'ledger':
      return { ...common, type, form, key: '', entries: '' };
    case 'flow':
      return { ...common, type, flow: '' };
    case 'connector':
      return { ...common, type, connector: '', payload: 'record' };
    case 'notify':
      return { ...common, type, title: "''" };
    case 'reject':
      return { ...common, type, message: "''" };
  }
}

const AUTO_ID = new RegExp(`^(${ACTION_TYPES.join('|')})\\d*$`);

/**
 * `actions` with action `i` changed to `type` (see {@link blankAction}). An id the editor made
 * up (`create2`) follows the new type (`notify1`); an id the user chose is kept, since later
 * actions may read `results.<id>`.
 */
export function retypeAction(actions: readonly ActionSpec[], i: number, type: ActionType): ActionSpec[] {
  const prev = actions[i];
  if (!prev || prev.type === type) return [...actions];
  const others = actions.filter((_, j) => j !== i).map((a) => a.id);
  const id = AUTO_ID.test(prev.id) ? freeId(type, others, true) : prev.id;
  return actions.map((a, j) => (j === i ? blankAction(type, id, a) : a));
}
