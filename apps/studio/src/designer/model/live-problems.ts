import { validateFormDefinition, type DefinitionProblem, type FormDefinition } from '@kiln/engine-forms';

const cache = new WeakMap<FormDefinition, { keys: string; problems: DefinitionProblem[] }>();

/**
 * The engine's problems for `def`, memoised per definition object so every canvas field
 * can ask without re-validating. A crash of the validator becomes one problem, not a blank page.
 */
export function liveProblems(
  def: FormDefinition,
  formKeys: string[],
  formFieldKeys: Record<string, string[]>,
): DefinitionProblem[] {
  const keys = JSON.stringify([formKeys, formFieldKeys]);
  const hit = cache.get(def);
  if (hit && hit.keys === keys) return hit.problems;
  let problems: DefinitionProblem[];
  try {
    problems = validateFormDefinition(def, { formKeys, formFieldKeys });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    problems = [{ path: '', code: 'VALIDATOR_CRASHED', message: { 'zh-CN': msg, en: msg } }];
  }
  cache.set(def, { keys, problems });
  return problems;
}
