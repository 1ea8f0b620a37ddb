import type { FactContext } from '@kiln/engine-rules';
import type { LocalizedText } from '@kiln/engine-forms';

/**
 * A field an expression can read as `record.<key>` (or `old.` / `item.`). FieldDefinition
 * satisfies it, so callers pass a form's fields as they are.
 */
export interface ExpressionField {
  key: string;
  label?: LocalizedText | string;
  type?: string;
  /** Columns of a sub-table field. */
  fields?: readonly ExpressionField[];
}

/** What an expression can see, for autocomplete and hover docs. */
export interface CompletionScope {
  /** Which facts exist (`FACT_NAMES[context]`). */
  context: FactContext;
  /** Fields of `record` and `old`. */
  fields?: readonly ExpressionField[];
  /** Fields of `item` inside a `forEach` (e.g. the sub-table's columns). */
  itemFields?: readonly ExpressionField[];
  /** Ids of earlier actions (`results.<id>`). */
  results?: readonly string[];
}
