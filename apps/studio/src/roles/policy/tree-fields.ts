import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';

/** The record keys every form has besides its fields (row policies may name them). */
export { POLICY_SYSTEM_KEYS as SYSTEM_KEYS } from '@kiln/engine-rules';

/** The fields of `form` a row policy can compare (top level; sub-tables have no single value). */
export function policyFields(form: FormDefinition | undefined): FieldDefinition[] {
  return (form?.fields ?? []).filter((f) => f.type !== 'subtable');
}

/** The single self-relations of `form` (a parent pointer such as customers.referrer), by key. */
export function selfRelations(form: FormDefinition | undefined): string[] {
  return (form?.fields ?? []).filter((f) => f.type === 'relation' && f.target === form?.key && !f.many).map((f) => f.key);
}

/** A way to walk a tree from `form`: compare `field` (`id` or a relation) along the parent pointer `parent`. */
export interface TreePath {
  field: string;
  parent: string;
}

/**
 * How form `form`'s records can be placed in a tree: by their own id when the form has a
 * self-relation (customers → `id` along `referrer`), else through a single relation to a form
 * that has one (orders → `customer` along customers' `referrer`). `null` when neither exists.
 */
export function treePath(formKey: string, forms: Record<string, FormDefinition>): TreePath | null {
  const form = forms[formKey];
  const own = selfRelations(form)[0];
  if (own) return { field: 'id', parent: own };
  for (const f of form?.fields ?? []) {
    if (f.type !== 'relation' || f.many || f.target === formKey) continue;
    const parent = selfRelations(forms[f.target])[0];
    if (parent) return { field: f.key, parent };
  }
  return null;
}
