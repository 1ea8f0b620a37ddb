import type { FactContext } from '../helpers.js';
import type { SchemaInfo } from '../schema.js';
import type { TypeInfo } from './type-info.js';

/**
 * Whether `item` / `index` are bound where an expression runs: `bound` inside an action with
 * `forEach`; `unbound` in an action without one; `forEach` in the forEach expression itself
 * (and `when`, evaluated before the loop); `free` where the caller decides (tables, console).
 */
export type ItemState = 'bound' | 'unbound' | 'forEach' | 'free';

/** What an expression can see, as the checker knows it. @internal */
export interface ExprEnv {
  readonly context: FactContext;
  readonly schema: SchemaInfo;
  /** The type of `record` and `old`. */
  readonly record: TypeInfo;
  readonly itemState: ItemState;
  /** The type of `item` (the forEach list's element). */
  readonly item?: TypeInfo;
  /** The type of `$` / `input` in a decision-table cell. */
  readonly dollar?: TypeInfo;
  /** Action ids `results.<id>` may name (undefined: not checked). */
  readonly results?: readonly string[];
  /** Action ids `ref('<id>')` may name (undefined: not checked). */
  readonly refs?: readonly string[];
  /** The rule's own action ids, for suggestions. */
  readonly actionIds?: readonly string[];
}
