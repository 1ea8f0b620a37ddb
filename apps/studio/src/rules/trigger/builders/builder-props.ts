import type { ActionSpec } from '@kiln/engine-rules';
import type { ActionScope } from '../../hooks/useActionScope';
import { ptr } from '../../model/pointer';
import { ruleEdit } from '../../store/edit';

/** Props of every action builder. */
export interface BuilderProps<A extends ActionSpec> {
  index: number;
  action: A;
  scope: ActionScope;
}

/**
 * Merges `patch` into action `n` (typing into one property merges into one undo step).
 *
 * @example patchAction<CreateAction>(0, { form: 'orders' });
 */
export function patchAction<A extends ActionSpec>(n: number, patch: Partial<A>, prop?: string): void {
  ruleEdit.action(n, (a) => ({ ...a, ...patch }) as ActionSpec, prop ? ptr('actions', n, prop) : undefined);
}

/** Applies `fn` to action `n` as its own type; `group` (an edited path) merges typing into one undo step. */
export function editAs<A extends ActionSpec>(n: number, fn: (a: A) => A, group?: string): void {
  ruleEdit.action(n, (a) => fn(a as A), group);
}
