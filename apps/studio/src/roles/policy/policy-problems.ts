import type { FormDefinition } from '@kiln/engine-forms';
import { checkPolicy, parsePolicy, type PolicyProblem } from '../model/engine';

/**
 * The problems of a row policy typed for form `form`: its syntax (`parsePolicy`), then its
 * fields, operators, values and trees against the app's draft forms (`checkPolicy`; `selfForm`
 * is the role's `self.form`, the form of `$user.record`). Blank
 * text is no policy (every row) and has none.
 *
 * @example policyProblems("statuz = 'paid'", 'orders', forms) // [{ code: 'POLICY_UNKNOWN_FIELD', from: 0, to: 6, … }]
 */
export function policyProblems(text: string, form: string, forms: Record<string, FormDefinition>, selfForm?: string): PolicyProblem[] {
  if (!text.trim()) return [];
  const { ast, problems } = parsePolicy(text);
  if (problems.length || !ast) return problems;
  return checkPolicy(ast, form, forms, selfForm ? { selfForm } : {});
}
