import type { PolicyNode, PolicyValue } from './types.js';

function walk(node: PolicyNode, onField: (f: string) => void, onValue: (v: PolicyValue) => void): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const item of node.items) walk(item, onField, onValue);
      return;
    case 'not':
      walk(node.item, onField, onValue);
      return;
    case 'const':
      return;
    case 'null':
      onField(node.field);
      return;
    case 'cmp':
      onField(node.field);
      onValue(node.value);
      return;
    case 'tree':
      onField(node.field);
      onValue(node.root);
      return;
  }
}

function userAttrs(v: PolicyValue, out: Set<string>): void {
  if (v.kind === 'user') out.add(v.attr);
  else if (v.kind === 'list') for (const item of v.items) userAttrs(item, out);
}

/**
 * The `$user` attributes a policy reads, in order of first use (`$user` alone counts as `id`).
 * The runtime loads exactly these for the caller; a policy using `record` needs the role's `self`.
 *
 * @example policyUserRefs(parsePolicy('owner = $user or region in $user.regions').ast!) // ['id', 'regions']
 */
export function policyUserRefs(ast: PolicyNode): string[] {
  const out = new Set<string>();
  walk(ast, () => {}, (v) => userAttrs(v, out));
  return [...out];
}

/**
 * The fields (and system keys) of the policy's own form that it tests, in order of first use.
 * The parent field of `subtree(…)` / `descendants(…)` belongs to the tree's form and is not listed.
 *
 * @example policyFields(parsePolicy("promoter = $user.record and state != 'rejected'").ast!) // ['promoter', 'state']
 */
export function policyFields(ast: PolicyNode): string[] {
  const out = new Set<string>();
  walk(ast, (f) => out.add(f), () => {});
  return [...out];
}

/** The first `$user.<attr>` value in a policy (to point at it), if any. @internal */
export function findUserRef(ast: PolicyNode, attr: string): PolicyValue | undefined {
  let found: PolicyValue | undefined;
  const look = (v: PolicyValue): void => {
    if (found) return;
    if (v.kind === 'user' && v.attr === attr) found = v;
    else if (v.kind === 'list') v.items.forEach(look);
  };
  walk(ast, () => {}, look);
  return found;
}
