import type { FormDefinition } from '@kiln/engine-forms';
import { treePath } from './tree-fields';

/** The quick-insert chips above a row policy. */
export const POLICY_CHIPS = ['own', 'downline', 'region'] as const;
export type PolicyChip = (typeof POLICY_CHIPS)[number];

/**
 * The clause a chip inserts for form `formKey`, or `null` when the form cannot express it
 * (no tree to walk, no region field):
 * - `own`: records the user created — `createdBy = $user`;
 * - `downline`: records below the user's own record in the referral tree —
 *   `id in descendants(referrer, $user.record)`, or through a relation
 *   (`customer in descendants(referrer, $user.record)`);
 * - `region`: records of the user's region — `region = $user.region`.
 */
export function chipClause(chip: PolicyChip, formKey: string, forms: Record<string, FormDefinition>): string | null {
  if (chip === 'own') return 'createdBy = $user';
  if (chip === 'downline') {
    const path = treePath(formKey, forms);
    return path ? `${path.field} in descendants(${path.parent}, $user.record)` : null;
  }
  const region = (forms[formKey]?.fields ?? []).find((f) => f.type === 'region');
  return region ? `${region.key} = $user.region` : null;
}

/**
 * Adds a clause to a policy: alone when the policy is blank, else as one more alternative
 * (`or` binds looser than `and`, so the existing policy keeps its meaning).
 *
 * @example withClause("status = 'paid'", 'createdBy = $user') // "status = 'paid' or createdBy = $user"
 */
export function withClause(policy: string, clause: string): string {
  const cur = policy.trim();
  if (!cur) return clause;
  if (cur.includes(clause)) return policy;
  return `${cur} or ${clause}`;
}
